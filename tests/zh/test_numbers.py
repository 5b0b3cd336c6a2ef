from decimal import Decimal as D

import pytest

from generator.zh.numbers import fmt_amount, fmt_pct, percent, q2, ratio


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2.345", "2.35"), ("2.344", "2.34"), ("0.005", "0.01"), ("0.004", "0.00"), ("1257.2", "1257.20"), ("-2.345", "-2.35"), ("0", "0.00")],
)
def test_q2_rounds_half_up(value: str, expected: str) -> None:
    assert str(q2(D(value))) == expected


def test_half_even_would_differ_here() -> None:
    # the default decimal formatting rounds half-even (2.34); ours must not
    assert f"{D('2.345'):.2f}" == "2.34"
    assert fmt_amount(D("2.345")) == "2.35"


@pytest.mark.parametrize(
    ("value", "thousands", "expected"),
    [("1234567.005", True, "1,234,567.01"), ("1234567.005", False, "1234567.01"), ("2232.51", True, "2,232.51"), ("999.995", True, "1,000.00"), ("-0.001", False, "0.00")],
)
def test_fmt_amount(value: str, thousands: bool, expected: str) -> None:
    assert fmt_amount(D(value), thousands) == expected


def test_blank_amount_is_empty_not_zero() -> None:
    assert fmt_amount(None) == ""


def test_percent_of_a_ratio_is_times_hundred() -> None:
    # 73.61 over last year's 1946.23 is 3.78 %, never "0.04%"
    assert fmt_pct(ratio(D("73.61"), D("1946.23"))) == "3.78%"


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [("565.57", "1666.94", "33.93%"), ("124.81", "1722.47", "7.25%"), ("742.2", "515.00", "144.12%"), ("1", "3", "33.33%"), ("2", "3", "66.67%")],
)
def test_fmt_pct_rounds_half_up(part: str, whole: str, expected: str) -> None:
    assert fmt_pct(ratio(D(part), D(whole))) == expected


def test_zero_base_has_no_ratio() -> None:
    assert ratio(D(5), D(0)) is None
    assert fmt_pct(None) == ""
    assert percent(None) is None


def test_percent_exact() -> None:
    assert percent(D("0.125")) == D("12.50")


@pytest.mark.parametrize(("value", "text"), [("20", "20"), ("20.00", "20"), ("13.333", "13.33"), ("2.5", "2.50"), ("0", "0")])
def test_points_drop_zero_decimals(value: str, text: str) -> None:
    from generator.zh.numbers import fmt_points

    assert fmt_points(D(value)) == text


def test_each_share_follows_from_its_own_amount() -> None:
    from generator.zh.numbers import fmt_shares, shares

    # as the Jiang'an report prints them: 54.57 + 6.93 + 4.95 + 24.75 + 8.79 = 99.99, none nudged to make 100.00
    parts = [D("1102.31"), D("140.00"), D("99.90"), D("500.00"), D("177.63")]
    values = shares(parts, sum(parts))
    assert sum(v for v in values if v is not None) == D("99.99")
    assert fmt_shares(parts, sum(parts)) == ["54.57%", "6.93%", "4.95%", "24.75%", "8.79%"]


@pytest.mark.parametrize(
    ("parts", "expected"),
    [(["975.31", "1257.20"], ["43.69%", "56.31%"]), (["1", "1", "1"], ["33.33%", "33.33%", "33.33%"]), (["2", "1"], ["66.67%", "33.33%"]), (["5", "0"], ["100.00%", "0.00%"])],
)
def test_shares_cases(parts: list[str], expected: list[str]) -> None:
    from generator.zh.numbers import fmt_shares

    values = [D(p) for p in parts]
    assert fmt_shares(values, sum(values)) == expected


def test_shares_of_a_zero_whole_are_blank() -> None:
    from generator.zh.numbers import fmt_shares

    assert fmt_shares([D(0), D(0)], D(0)) == ["", ""]


def test_shares_not_forced_when_parts_are_not_the_whole() -> None:
    from generator.zh.numbers import shares

    assert shares([D("1"), D("1")], D("3")) == [D("33.33"), D("33.33")]
