"""Every derived figure of a final-account disclosure (部门决算): exact Decimals, no wording.

The data model holds 一般公共预算财政拨款 spending only, so 收入合计 = 支出合计 =
财政拨款收、支总计 = ``total`` (last year's 财政拨款 total is last year's 收、支总计).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from generator.model.final import FinalFunctionRow, FinalPrevious, FinalReport
from generator.model.performance import ScoredIndicator
from generator.compute.change import Change, Execution
from generator.compute.common import ProcurementFigures, ThreePublicFigures, econ_totals, econ_tree
from generator.compute.units import unit_totals
from generator.compute.ledger import Ledger, LedgerTotals, ledger_of
from generator.compute.tree import Node, build_tree, column_total

FUNCTION_COLUMNS = ("total", "basic", "project")
THREE_PUBLIC_ITEMS = ("total", "outbound", "vehicle", "vehicle_purchase", "vehicle_operation", "reception")
ZERO = Decimal(0)


def function_tree(rows: list[FinalFunctionRow]) -> list[Node]:
    return build_tree([(r.code, {"total": r.basic + r.project, "basic": r.basic, "project": r.project}) for r in rows], FUNCTION_COLUMNS)


@dataclass(frozen=True)
class ClassExecution:
    """A function 类: its 年初预算 against what was spent."""

    code: str
    execution: Execution
    use: str | None
    reason: str | None


@dataclass(frozen=True)
class ThreePublicFinal:
    budget: ThreePublicFigures
    actual: ThreePublicFigures
    previous: ThreePublicFigures | None

    def execution(self, item: str) -> Execution:
        return Execution(getattr(self.budget, item), getattr(self.actual, item))

    def change(self, item: str) -> Change | None:
        if self.previous is None:
            return None
        return Change(getattr(self.actual, item), getattr(self.previous, item))


@dataclass(frozen=True)
class ScoredGroup:
    """A weighted group of a self-evaluation (a 年度目标, or 产出/效益/满意度指标)."""

    title: str
    weight: Decimal
    indicators: list[ScoredIndicator]

    @property
    def score(self) -> Decimal:
        """Sum of the indicator scores, never above the group's weight."""
        return min(sum((i.score for i in self.indicators), ZERO), self.weight)


@dataclass(frozen=True)
class Evaluation:
    """A self-evaluation form: budget execution (weight × 执行率, at most the weight) plus groups."""

    execution: Execution
    weight: Decimal
    groups: list[ScoredGroup]

    @property
    def execution_score(self) -> Decimal:
        rate = self.execution.rate
        if rate is None:  # nothing budgeted: nothing to execute
            return ZERO
        return self.weight * min(rate, Decimal(1))

    @property
    def goals_weight(self) -> Decimal:
        return sum((g.weight for g in self.groups), ZERO)

    @property
    def total(self) -> Decimal:
        return self.execution_score + sum((g.score for g in self.groups), ZERO)


@dataclass(frozen=True)
class FinalFigures(LedgerTotals):
    functions: list[Node]
    economics: list[Node]
    total: Decimal
    basic: Decimal
    project: Decimal
    personnel: Decimal
    public: Decimal
    econ_amounts: dict[str, Decimal]
    """Every economic 类 and 款 with basic expenditure → amount."""
    classes: list[ClassExecution]
    three_public: ThreePublicFinal
    procurement: ProcurementFigures
    project_uses: list[Decimal]
    whole: Evaluation | None
    projects: list[Evaluation]
    previous_total: Decimal | None
    previous_operating: Decimal | None
    ledger: Ledger
    """Every kind of money by function 项 (income by source, spending by fund, budgets)."""
    carry_start: dict[str, Decimal]
    carry_end: dict[str, Decimal]
    surplus_used: Decimal
    surplus_distributed: Decimal
    previous_appropriation: Decimal | None
    previous_general: Decimal | None
    previous_income: Decimal | None
    previous_spending: Decimal | None
    previous_general_income: Decimal | None
    items: list["ItemExecution"]
    """Every 项 with a budget of its own: 年初/调整预算 against 一般公共预算财政拨款 spent."""
    basis: str = "initial"
    operating_reported: Decimal | None = None
    units: list[tuple[str, dict[str, Decimal]]] = field(default_factory=list)
    """Each unit with figures of its own: name → spending, basic, project, appropriation, income."""

    @property
    def start_total(self) -> Decimal:
        return sum(self.carry_start.values(), ZERO)

    @property
    def end_total(self) -> Decimal:
        return sum(self.carry_end.values(), ZERO)

    @property
    def grand_total(self) -> Decimal:
        """收入总计: 本年收入 + 使用非财政拨款结余 + 年初结转和结余."""
        return self.income_total + self.surplus_used + self.start_total

    @property
    def grand_total_spending(self) -> Decimal:
        """支出总计: 本年支出 + 结余分配 + 年末结转和结余 (equal to ``grand_total`` when the data balance)."""
        return self.spending_total + self.surplus_distributed + self.end_total

    @property
    def appropriation_income(self) -> Decimal:
        return self.ledger.total("income_appropriation")

    @property
    def general_income(self) -> Decimal:
        """一般公共预算财政拨款收入."""
        return self.ledger.total("income_general")

    @property
    def appropriation_start(self) -> Decimal:
        return sum((self.carry_start[f] for f in ("general", "gov_fund", "state_capital")), ZERO)

    @property
    def appropriation_end(self) -> Decimal:
        return sum((self.carry_end[f] for f in ("general", "gov_fund", "state_capital")), ZERO)

    @property
    def appropriation_grand_total(self) -> Decimal:
        """财政拨款收入支出总计: 财政拨款收入 + 年初财政拨款结转和结余."""
        return self.appropriation_income + self.appropriation_start

    @property
    def operating_costs(self) -> Decimal:
        """机关运行经费: as reported where given, else the 公用经费 of basic expenditure."""
        return self.operating_reported if self.operating_reported is not None else self.public

    @property
    def initial_total(self) -> Decimal:
        """年初预算 (or 调整预算, as the profile's basis says) of 一般公共预算财政拨款: per 类 or per 项."""
        return budget_total(self.classes, self.ledger, self.basis)

    @property
    def general_execution(self) -> Execution:
        return Execution(self.initial_total, self.total)

    @property
    def evaluated(self) -> Decimal:
        """Spending covered by project self-evaluations."""
        return sum((p.execution.actual for p in self.projects), ZERO)

    def class_total(self, code: str, column: str = "total") -> Decimal:
        for n in self.functions:
            if n.code == code:
                return n.values[column] or ZERO
        return ZERO

    def change(self, metric: str) -> Change | None:
        """On last year: total (收支总计), appropriation (财政拨款收支总计), general (一般公共预算财政拨款支出),
        income_total (本年收入合计), spending_total (本年支出合计), general_income (一般公共预算财政拨款收入), operating_costs."""
        previous = {
            "total": self.previous_total,
            "appropriation": self.previous_appropriation,
            "general": self.previous_general,
            "income_total": self.previous_income,
            "spending_total": self.previous_spending,
            "general_income": self.previous_general_income,
            "operating_costs": self.previous_operating,
        }[metric]
        current = {
            "total": self.grand_total,
            "appropriation": self.appropriation_grand_total,
            "general": self.total,
            "income_total": self.income_total,
            "spending_total": self.spending_total,
            "general_income": self.general_income,
            "operating_costs": self.operating_costs,
        }[metric]
        return None if previous is None else Change(current, previous)


@dataclass(frozen=True)
class ItemExecution:
    """A function 项 with its own budget: what was budgeted against what was spent."""

    code: str
    execution: Execution
    use: str | None
    reason: str | None


def _evaluations(report: FinalReport, initial: Decimal, total: Decimal) -> tuple[Evaluation | None, list[Evaluation]]:
    whole = None
    if report.whole_evaluation is not None:
        w = report.whole_evaluation
        whole = Evaluation(Execution(initial, total), w.execution_weight, [ScoredGroup(g.title, g.weight, list(g.indicators)) for g in w.goals])
    projects = [
        Evaluation(Execution(p.budget, p.spent), p.execution_weight, [ScoredGroup(g.level1, g.weight, list(g.indicators)) for g in p.groups])
        for p in report.project_evaluations
    ]
    return whole, projects


def budget_total(classes: list[ClassExecution], ledger: Ledger, basis: str) -> Decimal:
    """The 一般公共预算财政拨款 budget of the year: of the 类 budgets where given, else of the 项 budgets."""
    if classes:
        return sum((c.execution.budget for c in classes), ZERO)
    return ledger.total(f"budget_{basis}")


def _items(report: FinalReport, basis: str) -> list[ItemExecution]:
    items = []
    for row in report.expenditure:
        if row.budget is None:
            continue
        items.append(ItemExecution(row.code, Execution(row.budget.on(basis), row.basic + row.project), row.use, row.reason))
    return sorted(items, key=lambda i: i.code)


def compute(report: FinalReport, basis: str = "initial") -> FinalFigures:
    """Every figure of a final account; ``basis`` (initial | adjusted) is the budget rates compare against."""
    functions = function_tree(report.expenditure)
    ledger = ledger_of(report)
    economics = econ_tree([(r.code, r.amount) for r in report.basic_economic])
    _, personnel, public = econ_totals(economics)
    total = column_total(functions, "total") or ZERO
    amounts = {n.code: n.values["amount"] or ZERO for root in economics for n in root.walk()}
    by_code = {n.code: n.values["total"] or ZERO for n in functions}
    classes = [ClassExecution(c.code, Execution(c.initial, by_code.get(c.code, ZERO)), c.use, c.reason) for c in report.class_budgets]
    whole, projects = _evaluations(report, budget_total(classes, ledger, basis), total)
    prev = report.previous
    tp = report.three_public
    return FinalFigures(
        functions=functions,
        economics=economics,
        total=total,
        basic=column_total(functions, "basic") or ZERO,
        project=column_total(functions, "project") or ZERO,
        personnel=personnel,
        public=public,
        econ_amounts=amounts,
        classes=classes,
        three_public=ThreePublicFinal(
            ThreePublicFigures.of(tp.budget),
            ThreePublicFigures.of(tp.actual),
            ThreePublicFigures.of(prev.three_public) if prev else None,
        ),
        procurement=ProcurementFigures.of(report.procurement),
        project_uses=[u.amount for u in report.project_uses],
        whole=whole,
        projects=projects,
        previous_total=prev.total if prev else None,
        previous_operating=prev.operating_costs if prev else None,
        ledger=ledger,
        carry_start=carry_by_fund(report.carry_over.start, ledger, "start"),
        carry_end=carry_by_fund(report.carry_over.end, ledger, "end"),
        surplus_used=report.carry_over.surplus_used,
        surplus_distributed=report.carry_over.surplus_distributed,
        previous_appropriation=_previous_appropriation(prev),
        previous_general=_previous_general(prev),
        previous_income=_given_or(prev, "income_total", prev.total if prev else None),
        previous_spending=_given_or(prev, "spending_total", prev.total if prev else None),
        previous_general_income=_given_or(prev, "general_income", _previous_general(prev)),
        items=_items(report, basis),
        basis=basis,
        operating_reported=report.operating_costs,
        units=unit_totals(report),
    )


def carry_by_fund(given: Any, ledger: Ledger, when: str) -> dict[str, Decimal]:
    """结转和结余 by fund: a fund's 项 rows, where they give it, or the department's figure."""
    carry = given.model_dump()
    for fund in ("gov_fund", "state_capital"):
        by_item = ledger.total(f"carry_{when}_{fund}")
        if by_item:
            carry[fund] = by_item
    return carry


def _given_or(prev: FinalPrevious | None, key: str, default: Decimal | None) -> Decimal | None:
    """Last year's ``key`` where the data gives it, else the figure it defaults to (docs/data-model.md)."""
    if prev is None:
        return None
    given: Decimal | None = getattr(prev, key)
    return given if given is not None else default


def _previous_appropriation(prev: FinalPrevious | None) -> Decimal | None:
    if prev is None:
        return None
    return prev.appropriation_total if prev.appropriation_total is not None else prev.total


def _previous_general(prev: FinalPrevious | None) -> Decimal | None:
    if prev is None:
        return None
    return prev.general if prev.general is not None else _previous_appropriation(prev)
