"""The final-account disclosure (部门决算公开): leaf figures and human texts only."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import model_validator

from generator.model.base import Amount, Code, Count, Strict, Text
from generator.model.budget import EconRow
from generator.model.common import Department, ReportBase, ThreePublic
from generator.model.money import CarryOver, RowExtras, UnitEntry, check_unit_lists
from generator.model.performance import ProjectEvaluation, WholeEvaluation
from generator.model.texts import Attachment


class FinalFunctionRow(RowExtras):
    """A 项 of the function classification: 财政拨款 (of the list's fund) spent this year, and the rest of its money."""

    code: Code
    name: Text | None = None
    basic: Amount = Decimal(0)
    project: Amount = Decimal(0)


class ClassBudget(Strict):
    """年初预算 of a function 类, with the human notes on its use and its deviation."""

    code: Code
    initial: Amount
    use: Text | None = None
    """主要用于… (structure paragraph)."""
    reason: Text | None = None
    """Why the final differs from the initial budget."""


class ThreePublicFinal(Strict):
    budget: ThreePublic
    actual: ThreePublic
    outbound_groups: Count = 0
    outbound_people: Count = 0
    vehicles_held: Count | None = None
    vehicles_bought: Count = 0
    receptions: list["Reception"] = []
    reception_batches: Count | None = None
    """国内公务接待批次."""
    reception_people: Count | None = None
    foreign_batches: Count | None = None
    """其中接待外宾批次."""
    foreign_people: Count | None = None
    foreign_reception: Amount | None = None
    """外宾接待支出 (part of the reception amount)."""


class Reception(Strict):
    name: Text
    amount: Amount
    text: Text


class FinalPrevious(Strict):
    total: Amount
    """上年收、支总计."""
    appropriation_total: Amount | None = None
    """上年财政拨款收、支总计 (default: total)."""
    general: Amount | None = None
    """上年一般公共预算财政拨款支出 (default: appropriation_total)."""
    income_total: Amount | None = None
    """上年本年收入合计 (default: total)."""
    spending_total: Amount | None = None
    """上年本年支出合计 (default: total)."""
    general_income: Amount | None = None
    """上年一般公共预算财政拨款收入 (default: general)."""
    three_public: ThreePublic
    operating_costs: Amount


class FinalReasons(Strict):
    total: Text | None = None
    appropriation: Text | None = None
    """Why 财政拨款收、支总计 changed on last year (default: total)."""
    general: Text | None = None
    """Why 一般公共预算财政拨款支出 changed on last year (default: appropriation)."""
    general_budget: Text | None = None
    """Why 一般公共预算财政拨款支出 differs from its budget."""
    three_public_budget: Text | None = None
    three_public_change: Text | None = None
    outbound: Text | None = None
    vehicle_budget: Text | None = None
    vehicle_change: Text | None = None
    vehicle_purchase: Text | None = None
    vehicle_operation: Text | None = None
    reception_budget: Text | None = None
    reception_change: Text | None = None
    operating_costs: Text | None = None


class ProjectUse(Strict):
    name: Text
    amount: Amount
    text: Text


class KeyWork(Strict):
    title: Text
    text: Text
    table_content: Text
    status: Text = "已完成"


class FinalReport(ReportBase):
    kind: Literal["final"]
    department: "FinalDepartment"
    expenditure: list[FinalFunctionRow] = []
    """一般公共预算财政拨款 spending by function 项 (with every other kind of money of the 项)."""
    gov_fund_expenditure: list[FinalFunctionRow] = []
    state_capital_expenditure: list[FinalFunctionRow] = []
    carry_over: CarryOver = CarryOver()
    class_budgets: list[ClassBudget] = []
    operating_costs: Amount | None = None
    """机关运行经费 when it is not the 公用经费 of the basic-expenditure table (departments with 事业单位:
    only 行政单位 and 参公 units count)."""
    basic_economic: list[EconRow] = []
    three_public: ThreePublicFinal
    project_uses: list[ProjectUse] = []
    previous: FinalPrevious | None = None
    """Omit when last year's data file lies beside this one: its figures are used."""
    reasons: FinalReasons = FinalReasons()
    whole_evaluation: WholeEvaluation | None = None
    project_evaluations: list[ProjectEvaluation] = []
    key_work: list[KeyWork] = []
    attachments: list[Attachment] = []

    @model_validator(mode="after")
    def _department_or_units(self) -> "FinalReport":
        check_unit_lists(self)
        return self


class FinalUnit(UnitEntry):
    """A unit of the department with its own figures (the department's are their sums)."""

    expenditure: list[FinalFunctionRow] = []
    gov_fund_expenditure: list[FinalFunctionRow] = []
    state_capital_expenditure: list[FinalFunctionRow] = []
    basic_economic: list[EconRow] = []


class FinalDepartment(Department):
    units: list[FinalUnit] = []  # type: ignore[assignment]  # a final account's units carry their own figures


ThreePublicFinal.model_rebuild()
FinalReport.model_rebuild()
