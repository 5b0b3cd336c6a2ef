"""Performance targets (绩效目标) and self-evaluation (绩效自评) data."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from generator.model.base import Amount, Count, Points, Strict, Text


class Indicator(Strict):
    """One row of a performance-indicator table; values are text (≥95%, 4期, 长期)."""

    name: Text = ""
    level1: Text = ""
    level2: Text = ""
    level3: Text = ""
    value: Text = ""
    values: list[Text] = []
    """Annual tables: the values of 前年, 上年 and 预计当年实现."""
    basis: Text = ""


class StageTarget(Strict):
    """A row of the 项目绩效目标申报表 (投入/活动/产出/成效) with its overall and annual target."""

    stage: Text
    overall: Text
    annual: Text


class ProjectDetail(Strict):
    activity: Text
    content: Text
    economic: Text
    amount: Amount
    basis: Text = ""
    note: Text = ""


class Purchase(Strict):
    item: Text
    quantity: Text
    amount: Amount


class ProjectForm(Strict):
    """The 部门项目申报表(含绩效目标) of one project."""

    declared_on: Text
    code: Text = ""
    manager: Text
    executor: Text
    leader: Text
    phone: Text
    address: Text
    postcode: Text
    attribute: Text
    category: Text
    start_year: int
    end_year: int
    basis: Text
    plan: Text
    total_budget: Amount | None = None
    """Defaults to the project's amount for the year."""
    change_note: Text
    purchases: list[Purchase] = []
    goal_name: Text
    goal: Text
    long_term: list[Indicator] = []
    annual: list[Indicator] = []
    attachment_label: Text | None = None


class Project(Strict):
    name: Text
    """The name used in the narrative list and in the tables."""
    form_name: Text | None = None
    """The name on the declaration form when it differs (e.g. …项目)."""
    amount: Amount | None = None
    """Give it when no spending details are given; otherwise it is their sum."""
    description: Text | None = None
    overview: Text | None = None
    """项目概述."""
    basis: list[Text] = []
    """立项依据, one entry per document."""
    implementer: Text | None = None
    """实施主体."""
    plan: Text | None = None
    """实施方案."""
    period: Text | None = None
    """实施周期, e.g. 2025.1.1-2025.12.31."""
    details: list[ProjectDetail] = []
    stage_targets: list[StageTarget] = []
    form: ProjectForm | None = None
    unit_label: Text | None = None
    """单位名称 printed on a stage-target form when it differs from the department's."""


class PriorYear(Strict):
    label: Text
    amount: Amount


class ProjectLine(Strict):
    """A line of 项目支出情况; amounts default to the department's project total."""

    name: Text
    category: Text
    total: Amount | None = None
    current: Amount | None = None
    use: Text


class GoalPair(Strict):
    long: Text
    annual: Text


class GoalTable(Strict):
    label: Text
    goal: Text
    name: Text = ""
    indicators: list[Indicator] = []


class WholeForm(Strict):
    """The 部门整体支出绩效目标申报表 of a budget."""

    filled_on: Text
    filler: Text
    phone: Text
    prior_years: list[PriorYear] = []
    duties: list[Text] = []
    tasks: list[Text] = []
    project_lines: list[ProjectLine] = []
    goals: list[GoalPair] = []
    long_tables: list[GoalTable] = []
    annual_tables: list[GoalTable] = []
    notes: list[Text] = []


class BudgetPerformance(Strict):
    project_indicators: Count | None = None
    whole_indicators: Count | None = None
    target_projects: Count | None = None
    """Projects with performance targets (编报绩效目标的项目), where more than the described ``projects``."""
    target_amount: Amount | None = None
    """Their budget (涉及项目预算资金), where the described ``projects`` are not all of them."""


class ScoredIndicator(Strict):
    level1: Text
    level2: Text
    level3: Text
    target: Text
    actual: Text
    score: Points


class EvalGoal(Strict):
    title: Text
    weight: Points
    indicators: list[ScoredIndicator] = Field(min_length=1)


class EvalGroup(Strict):
    """A project self-evaluation group (产出/效益/满意度) with its weight and indicators."""

    level1: Text
    weight: Points
    indicators: list[ScoredIndicator] = Field(min_length=1)


class WholeEvaluation(Strict):
    """整体绩效自评表: budget execution (weight × 执行率) plus the yearly goals."""

    execution_weight: Points = Decimal(20)
    goals: list[EvalGoal] = Field(min_length=1)
    deviation: Text = ""
    improvement: Text = ""


class ProjectEvaluation(Strict):
    name: Text
    manager: Text
    executor: Text
    category: Text
    attribute: Text
    kind: Text
    budget: Amount
    spent: Amount
    execution_weight: Points = Decimal(20)
    groups: list[EvalGroup] = Field(min_length=1)
    deviation: Text = ""
    improvement: Text = ""
    summary: Text = ""
    notes: list[Text] = []
