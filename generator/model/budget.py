"""The budget disclosure (部门预算公开): leaf figures and human texts only."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import model_validator

from generator.model.base import Amount, Code, Strict, Text
from generator.model.money import check_unit_lists
from generator.model.common import Department, OperatingItem, ReportBase, ThreePublic
from generator.model.money import CarryOver, RowExtras, UnitEntry
from generator.model.performance import BudgetPerformance, Project, WholeForm
from generator.model.texts import Attachment


class FunctionRow(RowExtras):
    """A 项 (7-digit code) of the function classification with its budget split.

    Give ``personnel`` and ``public`` where the report publishes the split of basic
    expenditure, or ``basic`` alone where it does not.
    """

    code: Code
    name: Text | None = None
    personnel: Amount | None = None
    public: Amount | None = None
    basic: Amount | None = None
    project: Amount = Decimal(0)

    @model_validator(mode="after")
    def _basic_once(self) -> "FunctionRow":
        if self.basic is not None and (self.personnel is not None or self.public is not None):
            raise ValueError("basic_and_split")
        return self


class EconRow(Strict):
    """A 款 (5-digit code) of the economic classification."""

    code: Code
    name: Text | None = None
    amount: Amount


class EconClassAmount(Strict):
    """A 类 (3-digit code) of the economic classification with an amount."""

    code: Code
    amount: Amount


class BudgetPrevious(Strict):
    """Last year's comparable budget figures (leaves; totals are computed)."""

    personnel: Amount | None = None
    public: Amount | None = None
    basic: Amount | None = None
    project: Amount | None = None
    total: Amount | None = None
    """一般公共预算财政拨款支出 of last year, where the report gives no split into basic and project."""
    gov_fund: Amount | None = None
    """政府性基金预算财政拨款支出 of last year."""
    state_capital: Amount | None = None
    """国有资本经营预算财政拨款支出 of last year."""
    income_appropriation: Amount | None = None
    """财政拨款收入 of last year (e.g. its 预算执行数), where the report compares income with it."""
    three_public: ThreePublic | None = None
    operating_costs: Amount | None = None

    @model_validator(mode="after")
    def _basic_once(self) -> "BudgetPrevious":
        if self.basic is not None and (self.personnel is not None or self.public is not None):
            raise ValueError("basic_and_split")
        if self.total is not None and any(v is not None for v in (self.basic, self.personnel, self.public, self.project)):
            raise ValueError("total_and_split")
        return self


class BudgetReasons(Strict):
    """Why a figure changed on last year: written by people, printed as given."""

    total: Text | None = None
    basic: Text | None = None
    personnel: Text | None = None
    public: Text | None = None
    project: Text | None = None
    three_public: Text | None = None
    outbound: Text | None = None
    vehicle: Text | None = None
    vehicle_purchase: Text | None = None
    vehicle_operation: Text | None = None
    reception: Text | None = None
    operating_costs: Text | None = None


class OperatingCosts(Strict):
    items: list[OperatingItem] = []
    """Itemisation printed in the text; amounts come from the basic-expenditure table."""
    scope: Text | None = None
    """Who the figure covers, e.g. 部门机关及下属 3 家参照公务员法管理事业单位的."""


class BudgetUnit(UnitEntry):
    """A unit of the department with its own figures (the department's are their sums)."""

    expenditure: list[FunctionRow] = []
    gov_fund_expenditure: list[FunctionRow] = []
    state_capital_expenditure: list[FunctionRow] = []
    basic_economic: list[EconRow] = []


class BudgetDepartment(Department):
    units: list[BudgetUnit] = []  # type: ignore[assignment]  # a budget's units carry their own figures


class BudgetReport(ReportBase):
    kind: Literal["budget"]
    department: BudgetDepartment
    expenditure: list[FunctionRow] = []
    """一般公共预算财政拨款支出 by function 项."""
    gov_fund_expenditure: list[FunctionRow] = []
    """政府性基金预算财政拨款支出 by function 项."""
    state_capital_expenditure: list[FunctionRow] = []
    """国有资本经营预算财政拨款支出 by function 项."""
    carry_over: CarryOver = CarryOver()
    """上年结转 (start) by kind of money."""
    basic_economic: list[EconRow] = []
    project_economic: list[EconClassAmount] = []
    three_public: ThreePublic = ThreePublic()
    three_public_units: list[Text] = []
    operating_costs: OperatingCosts = OperatingCosts()
    performance: BudgetPerformance = BudgetPerformance()
    projects: list[Project] = []
    whole_form: WholeForm | None = None
    previous: BudgetPrevious | None = None
    """Omit when last year's data file lies beside this one: its figures are used."""
    reasons: BudgetReasons = BudgetReasons()
    attachments: list[Attachment] = []

    @model_validator(mode="after")
    def _department_or_units(self) -> "BudgetReport":
        check_unit_lists(self)
        return self
