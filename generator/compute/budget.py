"""Every derived figure of a budget disclosure."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from generator.model.budget import BudgetPrevious, BudgetReport, FunctionRow
from generator.compute.change import Change
from generator.compute.common import ProcurementFigures, ThreePublicFigures, econ_totals, econ_tree
from generator.compute.ledger import Ledger, LedgerTotals, ledger_of
from generator.compute.units import unit_totals
from generator.compute.tree import Node, build_tree, column_total

ZERO = Decimal(0)

FUNCTION_COLUMNS = ("total", "basic", "personnel", "public", "project")


def _row_values(row: FunctionRow) -> dict[str, Decimal | None]:
    if row.basic is not None:
        basic: Decimal = row.basic
        personnel = public = None
    else:
        personnel = row.personnel if row.personnel is not None else Decimal(0)
        public = row.public if row.public is not None else Decimal(0)
        basic = personnel + public
    return {"total": basic + row.project, "basic": basic, "personnel": personnel, "public": public, "project": row.project}


def function_tree(rows: list[FunctionRow]) -> list[Node]:
    return build_tree([(r.code, _row_values(r)) for r in rows], FUNCTION_COLUMNS)


@dataclass(frozen=True)
class PreviousFigures:
    """Last year's figures; a figure the data does not give is None (and no change is said of it)."""

    basic: Decimal | None
    project: Decimal | None
    personnel: Decimal | None
    public: Decimal | None
    total: Decimal | None
    gov_fund: Decimal | None
    state_capital: Decimal | None
    income_appropriation: Decimal | None

    @property
    def appropriation(self) -> Decimal | None:
        """财政拨款支出 of every fund, when each is known (a fund not given counts as none)."""
        if self.total is None:
            return None
        return self.total + (self.gov_fund or ZERO) + (self.state_capital or ZERO)

    @classmethod
    def of(cls, prev: BudgetPrevious) -> "PreviousFigures":
        funds = (prev.gov_fund, prev.state_capital, prev.income_appropriation)
        if prev.total is not None:
            return cls(None, None, None, None, prev.total, *funds)
        project = prev.project or ZERO
        if prev.basic is not None:
            return cls(prev.basic, project, None, None, prev.basic + project, *funds)
        personnel = prev.personnel or ZERO
        public = prev.public or ZERO
        return cls(personnel + public, project, prev.personnel, prev.public, personnel + public + project, *funds)


@dataclass(frozen=True)
class OperatingItemFigure:
    label: str
    amount: Decimal


@dataclass(frozen=True)
class BudgetFigures(LedgerTotals):
    functions: list[Node]
    gov_fund: list[Node]
    economics: list[Node]
    total: Decimal
    basic: Decimal
    project: Decimal
    personnel: Decimal
    public: Decimal
    gov_fund_total: Decimal
    econ_all: dict[str, Decimal]
    """Economic 类 → basic + project amount (for the 收支总表)."""
    project_econ: dict[str, Decimal]
    three_public: ThreePublicFigures
    three_public_prev: ThreePublicFigures | None
    procurement: ProcurementFigures
    operating_items: list[OperatingItemFigure]
    operating_costs: Decimal
    previous: PreviousFigures
    project_amounts: list[Decimal]
    ledger: Ledger
    """Every kind of money by function 项 (income by source, spending by fund)."""
    carry_start: Decimal
    """上年结转 of every kind of money."""
    carry_start_appropriation: Decimal
    """上年结转 of 财政拨款."""
    carry_start_funds: dict[str, Decimal] = field(default_factory=dict)
    """上年结转 of each fund (general, gov_fund, state_capital)."""
    units: list[tuple[str, dict[str, Decimal]]] = field(default_factory=list)
    """Each unit with figures of its own: name → spending, basic, project, appropriation, income."""

    @property
    def state_capital_total(self) -> Decimal:
        return self.ledger.total("state_capital")

    @property
    def appropriation(self) -> Decimal:
        """财政拨款支出: 一般公共预算 + 政府性基金 + 国有资本经营."""
        return self.ledger.total("appropriation")

    @property
    def income_appropriation(self) -> Decimal:
        return self.ledger.total("income_appropriation")

    @property
    def grand_total(self) -> Decimal:
        """收入总计 = 支出总计: the year's income of every source and 上年结转."""
        return self.income_total + self.carry_start

    @property
    def carry_end(self) -> Decimal:
        """年终结转结余: what the year's money and 上年结转 leave unspent."""
        return self.grand_total - self.spending_total

    @property
    def appropriation_carry_end(self) -> Decimal:
        """年终结转结余 of 财政拨款."""
        return self.appropriation_grand_total - self.appropriation

    @property
    def appropriation_grand_total(self) -> Decimal:
        """财政拨款收入总计: the year's 财政拨款 and its 上年结转."""
        return self.income_appropriation + self.carry_start_appropriation

    @property
    def projects_total(self) -> Decimal:
        return sum(self.project_amounts, ZERO)

    def three_public_change(self, item: str) -> Change | None:
        """The change of a "三公" item (or ``total``) on last year's budget, when last year's is given."""
        if self.three_public_prev is None:
            return None
        return Change(getattr(self.three_public, item), getattr(self.three_public_prev, item))

    def operating_change(self, previous: Decimal | None) -> Change | None:
        return None if previous is None else Change(self.operating_costs, previous)

    def change(self, metric: str) -> Change | None:
        prev = getattr(self.previous, metric, None)
        if prev is None:
            return None
        current = {"gov_fund": self.gov_fund_total, "state_capital": self.state_capital_total}.get(metric)
        return Change(current if current is not None else getattr(self, metric), prev)


def compute(report: BudgetReport) -> BudgetFigures:
    if report.previous is None:
        raise ValueError("last year's figures are missing (load_report fills them from the previous file)")
    functions = function_tree(report.expenditure)
    gov_fund = function_tree(report.gov_fund_expenditure)
    economics = econ_tree([(r.code, r.amount) for r in report.basic_economic])
    _, personnel, public = econ_totals(economics)
    total = column_total(functions, "total") or Decimal(0)
    basic = column_total(functions, "basic") or Decimal(0)
    project = column_total(functions, "project") or Decimal(0)
    project_econ = {r.code: r.amount for r in report.project_economic}
    econ_all: dict[str, Decimal] = {}
    for root in economics:
        econ_all[root.code] = root.values["amount"] or Decimal(0)
    for code, amount in project_econ.items():
        econ_all[code] = econ_all.get(code, Decimal(0)) + amount
    leaf_amounts = {r.code: r.amount for r in report.basic_economic}
    items = [OperatingItemFigure(i.label, sum((leaf_amounts.get(c, Decimal(0)) for c in i.codes), Decimal(0))) for i in report.operating_costs.items]
    operating = sum((i.amount for i in items), Decimal(0)) if items else public
    start = report.carry_over.start
    return BudgetFigures(
        functions=functions,
        gov_fund=gov_fund,
        economics=economics,
        total=total,
        basic=basic,
        project=project,
        personnel=personnel,
        public=public,
        gov_fund_total=column_total(gov_fund, "total") or Decimal(0),
        econ_all=dict(sorted(econ_all.items())),
        project_econ=project_econ,
        three_public=ThreePublicFigures.of(report.three_public),
        three_public_prev=ThreePublicFigures.of(report.previous.three_public) if report.previous.three_public else None,
        procurement=ProcurementFigures.of(report.procurement),
        operating_items=items,
        operating_costs=operating,
        previous=PreviousFigures.of(report.previous),
        project_amounts=[project_amount(p) for p in report.projects],
        ledger=ledger_of(report),
        carry_start=start.general + start.gov_fund + start.state_capital + start.other,
        carry_start_appropriation=start.general + start.gov_fund + start.state_capital,
        carry_start_funds={"general": start.general, "gov_fund": start.gov_fund, "state_capital": start.state_capital},
        units=unit_totals(report),
    )


def project_amount(project) -> Decimal:  # type: ignore[no-untyped-def]
    """A project's amount: the sum of its spending details, or the amount given."""
    if project.details:
        return sum((d.amount for d in project.details), Decimal(0))
    return project.amount if project.amount is not None else Decimal(0)
