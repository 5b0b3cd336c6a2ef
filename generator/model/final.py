"""The final-account disclosure (部门决算公开): leaf figures and human texts only."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from .base import Amount, Code, Count, Strict, Text
from .budget import EconRow
from .common import ReportBase, ThreePublic
from .performance import ProjectEvaluation, WholeEvaluation
from .texts import Attachment


class FinalFunctionRow(Strict):
    """A 项 of the function classification: 一般公共预算财政拨款 spent this year."""

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


class Reception(Strict):
    name: Text
    amount: Amount
    text: Text


class FinalPrevious(Strict):
    total: Amount
    """上年收、支总计."""
    three_public: ThreePublic
    operating_costs: Amount


class FinalReasons(Strict):
    total: Text | None = None
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
    expenditure: list[FinalFunctionRow] = Field(min_length=1)
    class_budgets: list[ClassBudget] = []
    basic_economic: list[EconRow] = Field(min_length=1)
    three_public: ThreePublicFinal
    project_uses: list[ProjectUse] = []
    previous: FinalPrevious | None = None
    """Omit when last year's data file lies beside this one: its figures are used."""
    reasons: FinalReasons = FinalReasons()
    whole_evaluation: WholeEvaluation | None = None
    project_evaluations: list[ProjectEvaluation] = []
    key_work: list[KeyWork] = []
    attachments: list[Attachment] = []


ThreePublicFinal.model_rebuild()
