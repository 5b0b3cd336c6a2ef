"""Where a department's money comes from and where it goes: shared by budgets and final accounts.

Every figure is a leaf typed by people; totals of every kind are computed (see ``compute/ledger.py``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from generator.model.base import Amount, Code, Count, Points, Strict, Text

INCOME_SOURCES = ("business", "operating", "upper_grant", "subsidiary", "other", "special_account", "unit_funds", "business_fund")
"""Income other than 财政拨款, by source key (see docs/data-model.md)."""
FUNDS = ("general", "gov_fund", "state_capital")
"""The three kinds of 财政拨款: 一般公共预算, 政府性基金预算, 国有资本经营预算."""


class FundSplit(Strict):
    """Basic and project spending of one kind of money."""

    basic: Amount = Decimal(0)
    project: Amount = Decimal(0)


class Income(Strict):
    """Income of a 项 (or of the department) from sources other than 财政拨款."""

    business: Amount = Decimal(0)
    operating: Amount = Decimal(0)
    upper_grant: Amount = Decimal(0)
    subsidiary: Amount = Decimal(0)
    other: Amount = Decimal(0)
    special_account: Amount = Decimal(0)
    unit_funds: Amount = Decimal(0)
    business_fund: Amount = Decimal(0)


class ItemBudget(Strict):
    """A 项's budget of 一般公共预算财政拨款 in a final account."""

    initial: Amount
    """年初预算."""
    adjusted: Amount | None = None
    """调整预算, where the report compares against it."""

    def on(self, basis: str) -> Decimal:
        """The budget that ``basis`` (initial | adjusted) compares against; 调整预算 defaults to 年初预算."""
        return self.adjusted if basis == "adjusted" and self.adjusted is not None else self.initial


class RowExtras(Strict):
    """Keys every function 项 row may carry beyond its 财政拨款 spending."""

    other_funds: FundSplit = FundSplit()
    """Spending from money other than 财政拨款 (事业收入, 其他收入, 结转结余 …)."""
    to_upper: Amount = Decimal(0)
    """上缴上级支出."""
    operating: Amount = Decimal(0)
    """经营支出."""
    to_subsidiary: Amount = Decimal(0)
    """对附属单位补助支出."""
    income: Income = Income()
    appropriation_income: Amount | None = None
    """财政拨款收入 of this 项 when it differs from its 财政拨款 spending."""
    carry_start: Amount = Decimal(0)
    """年初结转和结余 of this 项 in the list's fund (政府性基金/国有资本经营 tables print it by 项)."""
    carry_end: Amount = Decimal(0)
    """年末结转和结余 of this 项 in the list's fund."""
    budget: ItemBudget | None = None
    use: Text | None = None
    """主要用于…"""
    reason: Text | None = None
    """Why the 决算 differs from its budget (or, in a budget, why the figure changed)."""


class CarryFunds(Strict):
    general: Amount = Decimal(0)
    gov_fund: Amount = Decimal(0)
    state_capital: Amount = Decimal(0)
    other: Amount = Decimal(0)
    """Money other than 财政拨款."""


class CarryOver(Strict):
    """结转和结余 of the year."""

    start: CarryFunds = CarryFunds()
    """年初结转和结余 (a budget's 上年结转)."""
    end: CarryFunds = CarryFunds()
    """年末结转和结余."""
    surplus_used: Amount = Decimal(0)
    """使用非财政拨款结余."""
    surplus_distributed: Amount = Decimal(0)
    """结余分配."""


class DeclaredCode(Strict):
    """A classification code the shipped lists lack, declared by the data file."""

    code: Code
    name: Text


UNIT_LISTS = ("expenditure", "gov_fund_expenditure", "state_capital_expenditure", "basic_economic")
"""The lists a unit may carry for itself; the department's are then their sums."""


def check_unit_lists(report: Any) -> None:
    """Figures are given either for the department or unit by unit, never both; spending and its economic split exist."""
    units = report.department.units
    for key in UNIT_LISTS:
        if getattr(report, key) and any(getattr(u, key) for u in units):
            raise ValueError("units_and_department")
    for key in ("expenditure", "basic_economic"):
        if not getattr(report, key) and not any(getattr(u, key) for u in units):
            raise ValueError(f"missing_{key}")


class UnitEntry(Strict):
    """One unit of the department (本级 or a 下属单位), as 单位构成 lists it."""

    name: Text
    note: Text | None = None
    """E.g. 本级, 下属事业单位, 不单列预算."""


class PerformanceManagement(Strict):
    """预算绩效管理 figures as the department reports them (counts, amounts, average score)."""

    target_projects: Count | None = None
    target_amount: Amount | None = None
    tracked_projects: Count | None = None
    tracked_amount: Amount | None = None
    evaluated_projects: Count | None = None
    evaluated_amount: Amount | None = None
    average_score: Points | None = None
    grades: dict[Literal["excellent", "good", "pass", "fail"], Count] = {}
    problems: Count | None = None
