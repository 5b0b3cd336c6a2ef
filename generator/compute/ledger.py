"""The department's money by function 项: every kind of spending and income, every subtotal.

One tree holds every column; each table shows the columns it needs, bound by name.
Shared by budgets and final accounts.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Sequence

from generator.model.money import FUNDS, INCOME_SOURCES
from generator.compute.tree import Node, build_tree

ZERO = Decimal(0)

SPENDING = (
    "general_basic",
    "general_project",
    "general_personnel",
    "general_public",
    "gov_fund_basic",
    "gov_fund_project",
    "state_capital_basic",
    "state_capital_project",
    "other_basic",
    "other_project",
    "to_upper",
    "operating_spend",
    "to_subsidiary",
)
CARRY = tuple(f"carry_{when}_{fund}" for when in ("start", "end") for fund in FUNDS)
"""年初/年末结转和结余 by 项, of each fund's list."""
INCOME = ("income_general", "income_gov_fund", "income_state_capital", *(f"income_{s}" for s in INCOME_SOURCES))
DERIVED = (
    "general",
    "gov_fund",
    "state_capital",
    "other",
    "appropriation",
    "appropriation_basic",
    "appropriation_project",
    "basic",
    "project",
    "spending",
    "income_appropriation",
    "income_non_appropriation",
    "income",
    "budget_initial",
    "budget_adjusted",
)
COLUMNS = SPENDING + INCOME + CARRY + DERIVED


def _row_columns(fund: str, row: Any) -> dict[str, Decimal | None]:
    """One data row's contribution to every column (a row of the ``fund`` list)."""
    values: dict[str, Decimal | None] = {c: ZERO for c in COLUMNS}
    personnel = getattr(row, "personnel", None)
    public = getattr(row, "public", None)
    basic = row.basic
    if basic is None:  # budgets that split basic into 人员经费 and 公用经费
        basic = (personnel or ZERO) + (public or ZERO)
    values[f"{fund}_basic"] = basic
    values[f"{fund}_project"] = row.project
    if fund == "general":
        split = personnel is not None or public is not None
        values["general_personnel"] = (personnel or ZERO) if split else None
        values["general_public"] = (public or ZERO) if split else None
    values["other_basic"] = row.other_funds.basic
    values["other_project"] = row.other_funds.project
    values["to_upper"] = row.to_upper
    values["operating_spend"] = row.operating
    values["to_subsidiary"] = row.to_subsidiary
    own = basic + row.project
    values[f"income_{fund}"] = row.appropriation_income if row.appropriation_income is not None else own
    for source in INCOME_SOURCES:
        values[f"income_{source}"] = getattr(row.income, source)
    values[f"carry_start_{fund}"] = row.carry_start
    values[f"carry_end_{fund}"] = row.carry_end
    if row.budget is not None:
        values["budget_initial"] = row.budget.on("initial")
        values["budget_adjusted"] = row.budget.on("adjusted")
    return _derive(values)


def _derive(v: dict[str, Decimal | None]) -> dict[str, Decimal | None]:
    def z(key: str) -> Decimal:
        return v[key] or ZERO

    for fund in FUNDS:
        v[fund] = z(f"{fund}_basic") + z(f"{fund}_project")
    v["other"] = z("other_basic") + z("other_project")
    v["appropriation_basic"] = sum((z(f"{f}_basic") for f in FUNDS), ZERO)
    v["appropriation_project"] = sum((z(f"{f}_project") for f in FUNDS), ZERO)
    v["appropriation"] = z("appropriation_basic") + z("appropriation_project")
    v["basic"] = z("appropriation_basic") + z("other_basic")
    v["project"] = z("appropriation_project") + z("other_project")
    v["spending"] = z("basic") + z("project") + z("to_upper") + z("operating_spend") + z("to_subsidiary")
    v["income_appropriation"] = sum((z(f"income_{f}") for f in FUNDS), ZERO)
    v["income_non_appropriation"] = sum((z(f"income_{s}") for s in INCOME_SOURCES), ZERO)
    v["income"] = z("income_appropriation") + z("income_non_appropriation")
    return v


@dataclass(frozen=True)
class Ledger:
    """Every 类/款/项 with every column summed; ``totals`` are the department's."""

    roots: list[Node]
    totals: dict[str, Decimal | None]

    def shown(self, columns: Sequence[str]) -> list[Node]:
        """The tree pruned to the nodes where any of ``columns`` is not zero (a table's rows)."""
        return [r for r in (_prune(root, columns) for root in self.roots) if r is not None]

    def total(self, column: str) -> Decimal:
        return self.totals.get(column) or ZERO

    def node(self, code: str) -> Node | None:
        for root in self.roots:
            for n in root.walk():
                if n.code == code:
                    return n
        return None

    def value(self, code: str, column: str) -> Decimal:
        n = self.node(code)
        return (n.values.get(column) or ZERO) if n is not None else ZERO


class LedgerTotals:
    """The department's totals that every kind of report takes from its ledger."""

    ledger: Ledger

    @property
    def income_total(self) -> Decimal:
        """本年收入合计: every source."""
        return self.ledger.total("income")

    @property
    def spending_total(self) -> Decimal:
        """本年支出合计: every kind of money."""
        return self.ledger.total("spending")


def _prune(node: Node, columns: Sequence[str]) -> Node | None:
    if not any(node.values.get(c) for c in columns):
        return None
    children = [c for c in (_prune(ch, columns) for ch in node.children) if c is not None]
    return Node(node.code, node.level, node.values, children, node.leaf_index)


def ledger_of(report: Any) -> Ledger:
    """The ledger of a report (budget or final): its 一般公共预算, 政府性基金 and 国有资本经营 lists."""
    return build_ledger({"general": report.expenditure, "gov_fund": report.gov_fund_expenditure, "state_capital": report.state_capital_expenditure})


def build_ledger(lists: dict[str, Sequence[Any]]) -> Ledger:
    """``lists`` maps a fund (general, gov_fund, state_capital) to its rows."""
    leaves: list[tuple[str, dict[str, Decimal | None]]] = []
    for fund, rows in lists.items():
        for row in rows:
            leaves.append((row.code, _row_columns(fund, row)))
    roots = build_tree(leaves, COLUMNS)
    totals: dict[str, Decimal | None] = {c: ZERO for c in COLUMNS}
    for root in roots:
        for c in COLUMNS:
            a, b = totals[c], root.values.get(c)
            totals[c] = None if a is None or b is None else a + b
    return Ledger(roots, totals)
