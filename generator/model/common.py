"""Parts shared by budget and final-account data: the department, its overview, assets."""

from __future__ import annotations

from typing import Any

from decimal import Decimal

from pydantic import Field

from generator.model.base import Amount, Code, Count, Strict, Text, Unit
from generator.model.money import DeclaredCode, PerformanceManagement, UnitEntry


class Contact(Strict):
    address: Text | None = None
    person: Text | None = None
    phone: Text | None = None


class Department(Strict):
    name: Text
    """Full name, e.g. 江汉区人民政府办公室."""
    table_name: Text | None = None
    """Name printed in table headers (单位名称/部门), defaults to name."""
    units: list[UnitEntry] = []
    """单位构成: 本级 and the 下属单位, in the order the report lists them."""
    contact: Contact = Contact()


class HeadCount(Strict):
    name: Text
    count: Count
    note: Text | None = None
    """Printed in brackets after the count, e.g. 其中：参照公务员法管理6人."""


class StaffGroup(Strict):
    total: Count | None = None
    """Omit when it is the sum of the items; give it when only some items are listed."""
    items: list[HeadCount] = []
    as_of: Text | None = None


class Staffing(Strict):
    authorized: StaffGroup | None = None
    actual: StaffGroup | None = None
    retired: StaffGroup | None = None


class Overview(Strict):
    duties_intro: Text | None = None
    duties: list[Text] = Field(min_length=1)
    duties_numbering: Text | None = None
    """How this department numbers its duties when it differs from the profile (arabic_dot 1. / cn_paren （一） …)."""
    composition: Text = ""
    staffing: Staffing | None = None


class Vehicle(Strict):
    kind: Text
    count: Count


class Assets(Strict):
    as_of: Text
    """As printed, e.g. "2019 年 12 月 31 日"."""
    vehicles: list[Vehicle] = []
    equipment_over_1m: Count | None = None
    """单价 100 万元（含）以上设备 (台/套); omit when the report does not say."""
    planned_vehicles: list[Vehicle] = []
    """Budgets: vehicles the year's budget buys."""
    planned_equipment: Count | None = None
    """Budgets: 单价 100 万元（含）以上设备 the year's budget buys."""


class ProcurementItem(Strict):
    name: Text
    amount: Amount


class ProcurementKind(Strict):
    amount: Amount | None = None
    """Give either amount or items (then the amount is their sum)."""
    items: list[ProcurementItem] = []
    sme: Amount | None = None
    """Final accounts: contracts granted to small and medium enterprises."""


class Procurement(Strict):
    goods: ProcurementKind = ProcurementKind()
    works: ProcurementKind = ProcurementKind()
    services: ProcurementKind = ProcurementKind()
    small_micro: Amount | None = None
    """Final accounts: contracts granted to small and micro enterprises (all kinds)."""
    reserved_sme: Amount | None = None
    """面向中小企业预留政府采购项目预算金额."""
    reserved_small_micro: Amount | None = None
    """面向小微企业预留政府采购项目预算金额."""
    won_sme_reserved: Amount | None = None
    """预留项目中由中小企业供应商中标或成交的金额."""
    won_small_micro_reserved: Amount | None = None
    """预留小微项目中由小微企业供应商中标或成交的金额."""
    won_sme_other: Amount | None = None
    """其他项目中由中小企业供应商中标或成交的金额."""


class ThreePublic(Strict):
    """The "三公" amounts, each a leaf; totals are computed."""

    outbound: Amount = Decimal(0)
    vehicle_purchase: Amount = Decimal(0)
    vehicle_operation: Amount = Decimal(0)
    reception: Amount = Decimal(0)


class OperatingItem(Strict):
    label: Text
    codes: list[Text] = Field(min_length=1)
    """Economic 款 codes whose basic-expenditure amounts make up this item."""


class Acceptance(Strict):
    """A warning the department has looked at and keeps (``accept``): it is no longer printed, nor stops ``--strict``."""

    rule: Text = Field(min_length=1)
    """The rule's name, as ``check`` prints it in brackets (e.g. code_names)."""
    reason: Text = Field(min_length=1)
    """Why the warning is kept (e.g. 按财政部门批复口径印制)."""
    at: Text | None = None
    """Only the warning at this key path (e.g. expenditure[3].name); all of the rule's warnings without it."""
    match: Text | None = None
    """Only warnings whose message contains this text (e.g. a code, 2010301)."""


class ReportBase(Strict):
    """What every report file has, whatever its kind."""

    profile: Text
    """The local template: profiles/<profile>.yaml of a templates folder (the shipped ones, or a district's own)."""
    year: int = Field(ge=1990, le=2100)
    unit: Unit = "万元"
    """The unit every amount of the file is typed in."""
    codes: list[DeclaredCode] = []
    """Classification codes the shipped lists lack (code, name): built with a warning."""
    department: Department
    overview: Overview
    texts: dict[str, Text] = {}
    """Named paragraphs placed by the profile (e.g. work_goals)."""
    names: dict[str, Text] = {}
    """Printed names for classification codes where the report's differ from the list."""
    table_options: dict[str, dict[str, Any]] = {}
    summary_classes: list[Code] = []
    """The function 类 this department's summary tables list, when not the profile's."""
    """This department's table choices, laid over the profile's (e.g. basic: {code_columns: split})."""
    procurement: Procurement = Procurement()
    assets: Assets | None = None
    performance_management: PerformanceManagement | None = None
    accept: list[Acceptance] = []
    """Warnings looked at and kept, each with its rule and the reason (``check`` lists them as 已确认)."""
    review: list[Text] = []
    """Items carried over from last year's file (``disclosure rollover``) and not yet confirmed, as key paths
    (texts.budget_scope, expenditure[3]); each is a warning until its line is deleted from this list."""
