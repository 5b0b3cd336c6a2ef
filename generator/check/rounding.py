"""Tables printed in 万元 from amounts typed in 元: the rounded rows of a subtotal may miss its rounded total.

The rule (docs/data-model.md, "Units"): every printed figure, subtotals and totals included, is its exact
amount rounded half-up once. A 万元 table converted from 元 can then show a subtotal 0.01 away from the sum
of its printed rows; ``check`` warns at the file's ``unit`` so the department can say so in a table note or
type its amounts in 万元.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable

from generator.check.run import rule
from generator.compute.ledger import ledger_of
from generator.compute.tree import Node
from generator.errors import Issue, warning
from generator.present.tables.common import Namer
from generator.read.load import Loaded
from generator.zh.numbers import fmt_amount, q2

COLUMNS = {
    "spending": "支出合计",
    "basic": "基本支出",
    "project": "项目支出",
    "to_upper": "上缴上级支出",
    "operating_spend": "经营支出",
    "to_subsidiary": "对附属单位补助支出",
    "income": "收入合计",
    "income_appropriation": "财政拨款收入",
    "income_general": "一般公共预算财政拨款收入",
    "income_gov_fund": "政府性基金预算财政拨款收入",
    "income_state_capital": "国有资本经营预算财政拨款收入",
    "income_business": "事业收入",
    "income_operating": "经营收入",
    "income_upper_grant": "上级补助收入",
    "income_subsidiary": "附属单位上缴收入",
    "income_other": "其他收入",
    "income_special_account": "财政专户管理资金收入",
    "income_unit_funds": "单位资金收入",
    "income_business_fund": "用事业基金弥补收支差额",
    "general": "一般公共预算财政拨款",
    "general_basic": "一般公共预算基本支出",
    "general_project": "一般公共预算项目支出",
    "gov_fund": "政府性基金预算财政拨款",
    "state_capital": "国有资本经营预算财政拨款",
    "appropriation": "财政拨款支出",
    "carry_start_gov_fund": "政府性基金年初结转和结余",
    "carry_end_gov_fund": "政府性基金年末结转和结余",
    "carry_start_state_capital": "国有资本经营年初结转和结余",
    "carry_end_state_capital": "国有资本经营年末结转和结余",
}
"""The printed columns of the function tables whose subtotals are compared, with their names in the message."""
SHOWN = 3
"""How many mismatches are named one by one."""


def _mismatches(roots: list[Node], totals: dict[str, Decimal | None], namer: Any) -> list[str]:
    found = []
    for column, title in COLUMNS.items():
        if not totals.get(column):
            continue
        pairs = [("合计", totals[column], [r.values.get(column) for r in roots])]
        pairs += [(f"{n.code}", n.values.get(column), [c.values.get(column) for c in n.children]) for root in roots for n in root.walk() if n.children]
        for where, whole, parts in pairs:
            rounded = sum((q2(p) for p in parts if p is not None), Decimal(0))
            if whole is not None and q2(whole) != rounded:
                found.append(f"{where}{namer(where)}“{title}”列印 {fmt_amount(q2(whole))}，其下各行合计 {fmt_amount(rounded)}")
    return found


TREE_TABLES = (
    "summary",
    "summary_econ",
    "income",
    "expenditure",
    "appropriation",
    "appropriation_econ",
    "appropriation_funds",
    "general",
    "gov_fund",
    "state_capital",
)
"""The tables that print the function classification and its totals."""


def _table_units(profile: Any) -> set[str]:
    return {str(profile.table_options.get(t, {}).get("unit", profile.tables.unit)) for t in TREE_TABLES}


@rule
def converted_tables_add_up(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """A file in 元 whose tables print in 万元: warn where a printed subtotal would not equal its printed rows."""
    report = loaded.report
    if report.unit != "元" or profile is None or "万元" not in _table_units(profile):
        return
    namer = Namer.of(report)
    ledger = ledger_of(report)
    found = _mismatches(ledger.roots, ledger.totals, lambda code: "" if code == "合计" else namer(code))
    if not found:
        return
    more = f"等 {len(found)} 处" if len(found) > SHOWN else ""
    yield warning(
        loaded.positions.pos(("unit",)),
        f"金额以元填写而表格以万元列示，四舍五入后{'；'.join(found[:SHOWN])}{more}：每个合计按精确金额四舍五入，"
        f"与各行四舍五入后之和可相差 0.01 万元。请在表注中说明，或改以万元填写",
        "converted_tables_add_up",
    )
