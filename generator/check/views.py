"""Totals that a printed table shows in two columns: each column's rows must add up to the same total.

公开表1 and 公开表4 of a budget print spending twice, by function and by economic 类; the
economic side is basic expenditure (``basic_economic``) plus project spending by class
(``project_economic``). The summary tables list only the classes the profile names. Every
way the two sides could print different totals is an error here, before anything is printed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable

from generator.check.common import amt, differs, econ_amounts, functions, gap
from generator.check.run import rule
from generator.compute.ledger import ledger_of
from generator.compute.tree import column_total
from generator.errors import Issue, error
from generator.read.load import Loaded

ECON_TABLES = {"summary_econ": "部门收支总表", "appropriation_econ": "财政拨款收支总表"}
"""Budget tables with a column of all spending by economic 类."""
SUMMARY_TABLES = ("summary_econ", "summary", "appropriation_econ", "appropriation")
"""Tables that list function 类 by the profile's ``summary_classes``."""
ECON_CLASSES = ["301", "302", "303", "307", "309", "310", "311", "312", "313", "399"]
"""The economic 类 a budget's summary tables print unless the profile lists others (``econ_classes``)."""


def _printed(profile: Any, tables: Iterable[str]) -> list[str]:
    from generator.present.profile import table_ids

    shown = table_ids(profile) if profile is not None else []
    return [t for t in tables if t in shown]


def _econ_tables(loaded: Loaded, profile: Any) -> list[str]:
    return _printed(profile, ECON_TABLES) if loaded.report.kind == "budget" else []


def _where(loaded: Loaded, *keys: str) -> Any:
    for key in keys:
        if (key,) in loaded.positions.spots:
            return loaded.positions.pos((key,))
    return loaded.positions.pos((keys[-1],))


@rule
def project_by_economic(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """Project spending by economic 类 (project_economic) adds up to the project spending of the function rows."""
    report = loaded.report
    if report.kind != "budget":
        return
    tables = _econ_tables(loaded, profile)
    by_function = column_total(functions(report), "project") or Decimal(0)
    given = report.project_economic
    by_econ = sum((r.amount for r in given), Decimal(0))
    if not given and not (tables and by_function):
        return
    if not differs(by_function, by_econ):
        return
    printed = "、".join(ECON_TABLES[t] for t in tables)
    effect = f"；{printed}的经济分类栏合计将不等于本年支出合计" if printed else ""
    if not given:
        message = f"缺少项目支出按经济分类（project_economic）：一般公共预算项目支出合计 {amt(by_function)}{effect}"
    else:
        message = (
            f"项目支出按经济分类（project_economic）合计 {amt(by_econ)} ≠ 一般公共预算支出各项目支出（project）合计 "
            f"{amt(by_function)}{gap(by_econ, by_function)}{effect}"
        )
    yield error(_where(loaded, "project_economic", "expenditure"), message, "project_by_economic")


@rule
def econ_classes_printed(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """Every economic 类 with an amount is a row of the tables that print spending by economic 类."""
    report = loaded.report
    for table in _econ_tables(loaded, profile):
        listed = profile.table_options.get(table, {}).get("econ_classes", ECON_CLASSES)
        amounts = {code: amount for code, amount in econ_amounts(report).items() if len(code) == 3}
        for row in report.project_economic:
            amounts[row.code] = amounts.get(row.code, Decimal(0)) + row.amount
        for code, amount in sorted(amounts.items()):
            if amount and code not in listed:
                where = _econ_row(loaded, code)
                yield error(
                    where,
                    f"经济分类 {code}（{amt(amount)}）不在{ECON_TABLES[table]}所列的类中（{'、'.join(listed)}），该表经济分类栏合计将少于本年支出合计",
                    "econ_classes_printed",
                )


def _econ_row(loaded: Loaded, code: str) -> Any:
    report = loaded.report
    for key in ("project_economic", "basic_economic"):
        for i, row in enumerate(getattr(report, key, None) or []):
            if row.code[:3] == code:
                return loaded.positions.pos((key, i, "code"))
    return loaded.positions.pos(("basic_economic",))


@rule
def gov_fund_by_economic(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """部门收支总表 prints all spending by economic 类, but the data classifies only 一般公共预算 spending."""
    report = loaded.report
    if "summary_econ" not in _econ_tables(loaded, profile):
        return
    ledger = ledger_of(report)
    gov_fund = ledger.total("gov_fund")
    if gov_fund:
        yield error(
            _where(loaded, "gov_fund_expenditure"),
            f"政府性基金预算支出 {amt(gov_fund)} 没有按经济分类的数据，"
            f"{ECON_TABLES['summary_econ']}的经济分类栏合计将少于本年支出合计（模板配置不适用于有政府性基金支出的部门）",
            "gov_fund_by_economic",
        )
    other = ledger.total("spending") - ledger.total("appropriation")
    if other:
        yield error(
            _where(loaded, "expenditure"),
            f"财政拨款以外资金的支出 {amt(other)} 没有按经济分类的数据，"
            f"{ECON_TABLES['summary_econ']}的经济分类栏合计将少于本年支出合计（模板配置不适用于有其他资金支出的部门）",
            "gov_fund_by_economic",
        )


@rule
def function_classes_printed(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """Every function 类 with spending is a row of the summary tables when the profile lists their classes."""
    if profile is None or not profile.summary_classes or not _printed(profile, SUMMARY_TABLES):
        return
    report = loaded.report
    ledger = ledger_of(report)
    reported: set[str] = set()
    for key in ("expenditure", "gov_fund_expenditure", "state_capital_expenditure"):
        for i, row in enumerate(getattr(report, key, None) or []):
            code = row.code[:3]
            spent = ledger.value(code, "spending")
            if code in profile.summary_classes or code in reported or not spent:
                continue
            reported.add(code)
            yield error(
                loaded.positions.pos((key, i, "code")),
                f"功能分类 {code}（支出 {amt(spent)}）不在模板配置“{profile.name}”的收支总表所列的类中，"
                f"该表支出合计将少于本年支出合计；请在模板配置的 summary_classes 中加入 {code}",
                "function_classes_printed",
            )
