from decimal import Decimal as D

import pytest

from generator.compute.change import Change, Execution
from generator.present.facts import Facts
from generator.present.tables.grid import Money
from generator.zh.numbers import fmt_pct
from generator.zh.phrases import ChangeWording, change_phrase, execution_phrase


@pytest.mark.parametrize(
    ("current", "previous", "text"),
    [
        ("2232.51", "1666.94", "比上年增加565.57万元，增长33.93%"),
        ("900.004", "1000", "比上年减少100.00万元，下降10.00%"),
        ("1000.004", "1000", "与上年持平"),
        ("999.996", "1000", "与上年持平"),
        ("40", "40", "与上年持平"),
        ("0", "0", "与上年持平"),
        ("50", "0", "比上年新增50.00万元"),
        ("0", "3", "比上年减少3.00万元，下降100.00%"),
        ("1597.66", "1722.47", "比上年减少124.81万元，下降7.25%"),
    ],
)
def test_change_phrase(current: str, previous: str, text: str) -> None:
    """As a report prints it: the change between the two amounts as printed (Facts.change)."""
    assert change_phrase(Facts().change(Change(D(current), D(previous))), "上年") == text


def test_never_says_zero_change() -> None:
    text = change_phrase(Change(D("12.90"), D("12.90")), "2022年预算")
    assert "0.00" not in text and "持平" in text


def test_direction_is_decided_on_the_printed_amounts() -> None:
    wan = Facts()  # the text prints 万元
    assert wan.change(Change(D("1.004"), D("1"))).direction == "flat"  # 1.00 against 1.00
    assert wan.change(Change(D("1.005"), D("1"))).direction == "up"  # 1.01 against 1.00
    assert wan.change(Change(D("0.995"), D("1"))).direction == "flat"  # 0.995 prints 1.00 (half-up)
    assert wan.change(Change(D("0.994"), D("1"))).direction == "down"  # 0.99 against 1.00
    yuan = Facts(money=Money(unit="元"))  # the text prints 元: 10000.40 against 10000.00
    assert yuan.change(Change(D("1.00004"), D("1"))).direction == "up"


def test_rates_follow_the_printed_amounts() -> None:
    """A 元 file printed in 万元: 165,349 元 prints 16.53 and 999,000 元 prints 99.90; a reader computes
    99.90 / 16.53 = 604.36 % (the exact 99.9 / 16.5349 would give 604.18 %)."""
    facts = Facts()
    assert fmt_pct(facts.execution(Execution(D("16.5349"), D("99.90"))).rate) == "604.36%"
    # 2,000,049 元 last year prints 200.00; 2,100,000 元 prints 210.00: +10.00, +5.00 % (exactly +9.9951, +4.9976 %)
    assert change_phrase(facts.change(Change(D("210"), D("200.0049"))), "上年") == "比上年增加10.00万元，增长5.00%"
    assert facts.shares([D("0.3333"), D("0.6667")], D("1")) == ["33.00%", "67.00%"]


def test_profile_wording_is_used() -> None:
    wording = ChangeWording(down="比{base}减少{amount}万元，减少{rate}")
    assert change_phrase(Change(D("62.39"), D("82.08")), "2022年度", wording) == "比2022年度减少19.69万元，减少23.99%"


def test_amount_only_variant() -> None:
    assert change_phrase(Change(D("2.9"), D("3")), "上年预算", with_rate=False) == "比上年预算减少0.10万元"


def test_execution_rate() -> None:
    assert execution_phrase(Execution(D("1397.58"), D("2019.84"))) == "完成年初预算的144.52%"


def test_zero_budget_never_gets_a_rate() -> None:
    text = execution_phrase(Execution(D("0"), D("500")))
    assert "%" not in text and "年初" in text


@pytest.mark.parametrize(("budget", "actual", "cmp"), [("2.52", "0.28", "under"), ("0", "1.82", "over"), ("5", "5.004", "equal")])
def test_execution_comparison(budget: str, actual: str, cmp: str) -> None:
    assert Facts().execution(Execution(D(budget), D(actual))).comparison == cmp
