"""The complete money model: units, the ledger's columns, carry-over balance, declared codes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from generator.build import check_file
from generator.compute.ledger import build_ledger
from generator.read.load import load_report
from generator.present.tables.grid import Money

DATA = Path(__file__).resolve().parents[1] / "data"


def test_yuan_file_is_kept_exact_in_wan() -> None:
    report = load_report(DATA / "putuo-commerce" / "2025-budget.yaml").report
    rows = {r.code: r for r in report.expenditure}
    # 9,389,913.00 元 typed in the file is exactly 938.9913 万元 inside
    assert rows["2011301"].basic == Decimal("938.9913")
    assert Money(thousands=True, unit="元")(rows["2011301"].basic) == "9,389,913.00"
    assert Money(unit="万元")(rows["2011301"].basic) == "938.99"


def test_ledger_columns_of_a_final_account() -> None:
    report = load_report(DATA / "putuo-planning" / "2024-final.yaml").report
    led = build_ledger({"general": report.expenditure})
    # 2120101: 财政拨款 1084.03 + 8.77, other money 12.88 (published 支出决算表 row: 1105.68)
    assert led.value("2120101", "spending") == Decimal("1105.68")
    assert led.value("2120101", "general") == Decimal("1092.80")
    assert led.value("2120101", "income") == Decimal("1092.80")
    # only 项 with 一般公共预算 money are rows of the general table
    assert all(led.value(n.code, "general") for root in led.shown(["general"]) for n in root.walk())


def test_finance_income_by_source() -> None:
    report = load_report(DATA / "putuo-finance" / "2024-final.yaml").report
    led = build_ledger({"general": report.expenditure})
    assert led.total("income_other") == Decimal("6.20")
    assert led.total("income") == Decimal("2946.25")


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    src = DATA / "putuo-finance" / "2024-final.yaml"
    text = src.read_text(encoding="utf-8")
    assert old in text
    target = tmp_path / "putuo-finance" / "2024-final.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def test_carry_over_must_balance(tmp_path: Path) -> None:
    carry = (DATA / "putuo-finance" / "2024-final.yaml").read_text(encoding="utf-8")
    start = carry.index("carry_over:")
    block = carry[start:carry.index("\nbasic_economic:")]
    assert "33.71" in block
    path = _variant(tmp_path, block, block.replace("33.71", "33.70"))
    issues = [i for i in check_file(path) if i.is_error]
    assert any("年末结转和结余" in i.message and "0.01" in i.message for i in issues)


def test_declared_code_builds_with_a_warning(tmp_path: Path) -> None:
    declared = 'codes:\n  - code: "2019999"\n    name: "自设测试科目"\nexpenditure:\n  - code: "2019999"\n    project: 0\n'
    issues = check_file(_variant(tmp_path, "expenditure:\n", declared))
    about = [i for i in issues if "2019999" in i.message]
    assert about and all(not i.is_error for i in about)
    assert not any(i.is_error for i in issues), [str(i) for i in issues if i.is_error]


def test_project_money_under_running_items_is_a_regional_setting() -> None:
    from generator.errors import Pos
    from generator.present.profile import load_profile
    from generator.check import codes

    loaded = load_report(DATA / "putuo-planning" / "2024-final.yaml")
    default = list(codes.project_under_basic_item(loaded, None))
    assert {i.pos.line for i in default} and all("2120101" in i.message or "2200150" in i.message for i in default)
    shanghai = load_profile("shanghai-final", Pos("x", 1, 1))
    assert list(codes.project_under_basic_item(loaded, shanghai)) == []


def _commerce_in_wan(tmp_path: Path, replace: dict[str, str]) -> Path:
    """The commerce file (amounts in 元) with its function tables printed in 万元."""
    text = (DATA / "putuo-commerce" / "2025-budget.yaml").read_text(encoding="utf-8")
    text = text.replace("profile: shanghai-budget\n", "profile: shanghai-budget\ntable_options:\n  expenditure: {unit: 万元}\n", 1)
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    target = tmp_path / "putuo-commerce" / "2025-budget.yaml"
    target.parent.mkdir()
    target.write_text(text, encoding="utf-8")
    return target


def test_converted_table_that_would_not_add_up_is_warned(tmp_path: Path) -> None:
    # 938.995 → 939.00 and 290.185 → 290.19 万元, while their 款 2160.18 万元: the printed rows add up to 2160.19
    path = _commerce_in_wan(tmp_path, {"basic: 9389913.00": "basic: 9389950.00", "basic: 2901820.00": "basic: 2901850.00"})
    warned = [i for i in check_file(path) if i.rule == "converted_tables_add_up"]
    assert len(warned) == 1 and "20113" in warned[0].message and "2,160.18" not in warned[0].message
    assert "2160.18" in warned[0].message and "2160.19" in warned[0].message


def test_tables_in_the_files_own_unit_are_not_warned(tmp_path: Path) -> None:
    # as published: tables in 元, exact; the same file printed in 万元 misses by 0.01 at the 合计 (37151.47 vs 37151.46)
    assert not [i for i in check_file(DATA / "putuo-commerce" / "2025-budget.yaml") if i.rule == "converted_tables_add_up"]
    warned = [i for i in check_file(_commerce_in_wan(tmp_path, {})) if i.rule == "converted_tables_add_up"]
    assert len(warned) == 1 and "合计“支出合计”列印 37151.47，其下各行合计 37151.46" in warned[0].message
