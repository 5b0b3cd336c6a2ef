"""Every derived figure of a final-account disclosure (部门决算): exact Decimals, no wording.

The data model holds 一般公共预算财政拨款 spending only, so 收入合计 = 支出合计 =
财政拨款收、支总计 = ``total`` (last year's 财政拨款 total is last year's 收、支总计).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model.final import FinalFunctionRow, FinalReport
from ..model.performance import ScoredIndicator
from .change import Change, Execution
from .common import ProcurementFigures, ThreePublicFigures, econ_totals, econ_tree
from .tree import Node, build_tree, column_total

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
class FinalFigures:
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

    @property
    def operating_costs(self) -> Decimal:
        """机关运行经费: the 公用经费 of basic expenditure."""
        return self.public

    @property
    def initial_total(self) -> Decimal:
        """年初预算 of all function classes."""
        return sum((c.execution.budget for c in self.classes), ZERO)

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
        previous = {"total": self.previous_total, "operating_costs": self.previous_operating}[metric]
        current = self.total if metric == "total" else self.operating_costs
        return None if previous is None else Change(current, previous)


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


def compute(report: FinalReport) -> FinalFigures:
    functions = function_tree(report.expenditure)
    economics = econ_tree([(r.code, r.amount) for r in report.basic_economic])
    _, personnel, public = econ_totals(economics)
    total = column_total(functions, "total") or ZERO
    amounts = {n.code: n.values["amount"] or ZERO for root in economics for n in root.walk()}
    by_code = {n.code: n.values["total"] or ZERO for n in functions}
    classes = [ClassExecution(c.code, Execution(c.initial, by_code.get(c.code, ZERO)), c.use, c.reason) for c in report.class_budgets]
    initial = sum((c.execution.budget for c in classes), ZERO)
    whole, projects = _evaluations(report, initial, total)
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
            ThreePublicFigures.of(tp.budget), ThreePublicFigures.of(tp.actual),
            ThreePublicFigures.of(prev.three_public) if prev else None,
        ),
        procurement=ProcurementFigures.of(report.procurement),
        project_uses=[u.amount for u in report.project_uses],
        whole=whole,
        projects=projects,
        previous_total=prev.total if prev else None,
        previous_operating=prev.operating_costs if prev else None,
    )
