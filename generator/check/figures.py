"""Figures within one part of the data: a stated amount against its own parts, shares against wholes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable

from generator.check.run import rule
from generator.compute.budget import project_amount
from generator.compute.common import ProcurementFigures, kind_amount, staff_total
from generator.compute.final import carry_by_fund
from generator.compute.ledger import ledger_of
from generator.errors import Issue, error, warning
from generator.present.facts.common import KIND_NAMES
from generator.zh.numbers import fmt_points
from generator.read.load import Loaded
from generator.check.common import amt, differs, exceeds, gap, shown

STAFF_GROUPS = {"authorized": "编制数", "actual": "在职实有人数", "retired": "离退休人数"}


@rule
def project_details(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """A project's amount, when given beside its spending details, equals their sum."""
    for i, project in enumerate(getattr(loaded.report, "projects", None) or []):
        if project.amount is None or not project.details:
            continue
        details = project_amount(project)
        if differs(project.amount, details):
            yield error(
                loaded.positions.pos(("projects", i, "amount")),
                f"项目“{shown(project.name)}”金额 {amt(project.amount)} ≠ 支出明细之和 {amt(details)}{gap(project.amount, details)}",
                "project_details",
            )


@rule
def procurement_parts(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """Per kind: amount = Σ items (when both are given), 中小企业 ≤ amount; 小微企业 ≤ 中小企业."""
    procurement = loaded.report.procurement
    pos = loaded.positions.pos
    for kind, label in KIND_NAMES.items():
        part = getattr(procurement, kind)
        total = kind_amount(part)
        if part.amount is not None and part.items and differs(part.amount, total):
            yield error(
                pos(("procurement", kind, "amount")),
                f"政府采购{label}类金额 {amt(part.amount)} ≠ 明细之和 {amt(total)}{gap(part.amount, total)}",
                "procurement_parts",
            )
        if part.sme is not None and exceeds(part.sme, total):
            yield error(
                pos(("procurement", kind, "sme")),
                f"政府采购{label}类授予中小企业 {amt(part.sme)} 大于该类合计 {amt(total)}{gap(part.sme, total)}",
                "procurement_parts",
            )
    figures = ProcurementFigures.of(procurement)
    if procurement.small_micro is not None:
        whole, label = (figures.sme, "授予中小企业合计") if figures.sme is not None else (figures.total, "政府采购合计")
        if exceeds(procurement.small_micro, whole):
            yield error(
                pos(("procurement", "small_micro")),
                f"授予小微企业 {amt(procurement.small_micro)} 大于{label} {amt(whole)}{gap(procurement.small_micro, whole)}",
                "procurement_parts",
            )


@rule
def staffing_total(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """A staffing group's stated total is at least the sum of the items it lists."""
    staffing = loaded.report.overview.staffing
    for key, label in STAFF_GROUPS.items():
        group = getattr(staffing, key) if staffing else None
        if group is None or group.total is None or not group.items:
            continue
        items = staff_total(group.model_copy(update={"total": None})) or 0
        if group.total < items:
            yield error(
                loaded.positions.pos(("overview", "staffing", key, "total")),
                f"{label}合计 {group.total} 人少于所列分项之和 {items} 人，相差 {items - group.total} 人",
                "staffing_total",
            )


def _score_issues(loaded: Loaded, path: tuple[str | int, ...], title: str, weight: Decimal, scores: list[Decimal]) -> Iterable[Issue]:
    got = sum(scores, Decimal(0))
    if exceeds(got, weight):
        yield error(
            loaded.positions.pos((*path, "weight")),
            f"“{shown(title)}”的指标得分之和 {fmt_points(got)} 超过其分值（权重）{fmt_points(weight)}，多 {fmt_points(got - weight)}",
            "evaluation_scores",
        )


@rule
def evaluation_scores(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """Self-evaluation: the scores of a goal's (or group's) indicators do not exceed its weight."""
    report = loaded.report
    whole = getattr(report, "whole_evaluation", None)
    for i, goal in enumerate(whole.goals if whole else []):
        yield from _score_issues(loaded, ("whole_evaluation", "goals", i), goal.title, goal.weight, [x.score for x in goal.indicators])
    for j, evaluation in enumerate(getattr(report, "project_evaluations", None) or []):
        for k, group in enumerate(evaluation.groups):
            title = f"{evaluation.name}·{group.level1}"
            yield from _score_issues(loaded, ("project_evaluations", j, "groups", k), title, group.weight, [x.score for x in group.indicators])


@rule
def zero_function_rows(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """A function row whose amounts are all zero prints as an empty line: leave it out."""
    report = loaded.report
    for key in ("expenditure", "gov_fund_expenditure"):
        for i, row in enumerate(getattr(report, key, None) or []):
            amounts = [getattr(row, f, None) for f in ("personnel", "public", "basic", "project")]
            if not any(a for a in amounts if a is not None):
                yield warning(loaded.positions.pos((key, i)), f"科目 {row.code} 各项金额均为 0，表中将是空行；没有支出的科目请删除", "zero_function_rows")


FUND_LISTS = {"gov_fund": ("gov_fund_expenditure", "政府性基金"), "state_capital": ("state_capital_expenditure", "国有资本经营")}


@rule
def fund_carry_by_item(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """A fund's 结转和结余 is printed by 项 (公开07/08表): given on the 项 rows, the department's figure must agree or be left out."""
    report = loaded.report
    if report.kind != "final":
        return
    ledger = ledger_of(report)
    for fund, (key, name) in FUND_LISTS.items():
        for when, label in (("start", "年初结转和结余"), ("end", "年末结转和结余")):
            given = getattr(getattr(report.carry_over, when), fund)
            by_item = ledger.total(f"carry_{when}_{fund}")
            where = loaded.positions.pos(("carry_over", when, fund))
            if by_item and given and differs(given, by_item):
                yield error(
                    where,
                    f"{name}{label} {amt(given)} ≠ 各项 carry_{when} 之和 {amt(by_item)}{gap(given, by_item)}；按项填写时可删去此处（由各项相加得出）",
                    "fund_carry_by_item",
                )
            elif given and not by_item and getattr(report, key):
                yield error(
                    where,
                    f"{name}{label} {amt(given)} 须按项填写（{key} 各行的 carry_{when}），公开表逐项列示结转和结余，否则各行收支与结转对不上",
                    "fund_carry_by_item",
                )
        for i, row in enumerate(getattr(report, key)):
            income = row.appropriation_income if row.appropriation_income is not None else row.basic + row.project
            if differs(income + row.carry_start, row.basic + row.project + row.carry_end):
                yield error(
                    loaded.positions.pos((key, i)),
                    f"{name} {row.code}：收入 {amt(income)} + 年初结转和结余 {amt(row.carry_start)} ≠ "
                    f"支出 {amt(row.basic + row.project)} + 年末结转和结余 {amt(row.carry_end)}",
                    "fund_carry_by_item",
                )


@rule
def carry_over_balances(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """For 财政拨款 of each fund and for other money: income + 年初结转 (+ 使用结余) = spending + 年末结转 (+ 结余分配)."""
    report = loaded.report
    if report.kind != "final":
        return
    ledger = ledger_of(report)
    carry = report.carry_over
    where = loaded.positions.pos(("carry_over",) if ("carry_over",) in loaded.positions.spots else ("expenditure",))
    labels = {"general": "一般公共预算财政拨款", "gov_fund": "政府性基金预算财政拨款", "state_capital": "国有资本经营预算财政拨款"}
    starts, ends = carry_by_fund(carry.start, ledger, "start"), carry_by_fund(carry.end, ledger, "end")
    for fund, label in labels.items():
        income, spent = ledger.total(f"income_{fund}"), ledger.total(fund)
        start, end = starts[fund], ends[fund]
        if differs(income + start, spent + end):
            message = (
                f"{label}：收入 {amt(income)} + 年初结转和结余 {amt(start)} = {amt(income + start)}，"
                f"而支出 {amt(spent)} + 年末结转和结余 {amt(end)} = {amt(spent + end)}{gap(income + start, spent + end)}"
            )
            yield error(where, message, "carry_over_balances")
    income = ledger.total("income_non_appropriation") + carry.start.other + carry.surplus_used
    spent = ledger.total("spending") - ledger.total("appropriation") + carry.end.other + carry.surplus_distributed
    if differs(income, spent):
        message = (
            f"财政拨款以外的资金：收入 + 年初结转和结余 + 使用非财政拨款结余 = {amt(income)}，"
            f"而支出 + 年末结转和结余 + 结余分配 = {amt(spent)}{gap(income, spent)}"
        )
        yield error(where, message, "carry_over_balances")
