"""Figures that two tables of one report both carry: they must tell the same story."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable

from generator.check.run import rule
from generator.codes import load as load_codes
from generator.compute.budget import project_amount
from generator.compute.tree import column_total
from generator.errors import Issue, error, warning
from generator.read.load import Loaded
from generator.present.profile import PAIRED_ITEMS
from generator.check.common import amt, differs, econ_amounts, econ_basic, exceeds, function_column, functions, gap, shown

THREE_PUBLIC_CODES = {
    "outbound": ("30212", "因公出国（境）费用"),
    "vehicle_purchase": ("31013", "公务用车购置费"),
    "vehicle_operation": ("30231", "公务用车运行维护费"),
    "reception": ("30217", "公务接待费"),
}
""""三公" items and the economic 款 that carries their basic-expenditure part."""


def _compare(loaded: Loaded, label: str, by_function: Decimal, by_econ: Decimal, econ_note: str) -> Iterable[Issue]:
    if differs(by_function, by_econ):
        message = f"{label}：一般公共预算支出表（按功能分类）合计 {amt(by_function)} ≠ 基本支出表（按经济分类{econ_note}）合计 {amt(by_econ)}{gap(by_function, by_econ)}"
        yield error(loaded.positions.pos(("expenditure",)), message, "basic_by_function_and_economic")


@rule
def basic_by_function_and_economic(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """Basic expenditure (and its 人员经费/公用经费 split, where given) is the same in both tables."""
    report = loaded.report
    tree = functions(report)
    basic, personnel, public = econ_basic(report)
    by_personnel, by_public = function_column(tree, "personnel"), function_column(tree, "public")
    if by_personnel is not None and by_public is not None:
        yield from _compare(loaded, "人员经费", by_personnel, personnel, "，301+303")
        yield from _compare(loaded, "公用经费", by_public, public, "，301、303 以外各类")
    else:
        yield from _compare(loaded, "基本支出", column_total(tree, "basic") or Decimal(0), basic, "")


def _three_public(report: Any) -> Any:
    return report.three_public.actual if report.kind == "final" else report.three_public


@rule
def three_public_in_basic(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """The basic-expenditure part of a "三公" item (30212, 31013, 30231, 30217) cannot exceed the item."""
    report = loaded.report
    items = _three_public(report)
    base = ("three_public", "actual") if report.kind == "final" else ("three_public",)
    econ = econ_amounts(report)
    for item, (code, label) in THREE_PUBLIC_CODES.items():
        stated = getattr(items, item)
        in_basic = econ.get(code)
        if in_basic is not None and exceeds(in_basic, stated):
            message = f"“三公”经费{label} {amt(stated)} 小于基本支出表中 {code} {label} {amt(in_basic)}{gap(stated, in_basic)}"
            yield error(loaded.positions.pos((*base, item)), message, "three_public_in_basic")


@rule
def paired_items(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """An economic 款 equals the basic expenditure of its function 项 (30110 = 2101101 + 2101102 …, as the profile pairs them)."""
    report = loaded.report
    econ = econ_amounts(report)
    pairs = profile.paired_items if profile is not None else PAIRED_ITEMS
    leaves = {node.code: node for root in functions(report) for node in root.walk() if node.leaf_index is not None}
    for econ_code, codes in pairs.items():
        nodes = [leaves[c] for c in codes if c in leaves]
        if not nodes or econ_code not in econ or any(n.values["basic"] is None for n in nodes):
            continue
        basic, other = sum((n.values["basic"] or Decimal(0) for n in nodes), Decimal(0)), econ[econ_code]
        if differs(basic, other):
            left = "+".join(f"{n.code} {load_codes('function').name(n.code, report.year) or ''}".strip() for n in nodes)
            right = f"{econ_code} {load_codes('economic').name(econ_code, report.year) or ''}".strip()
            message = f"{left}基本支出 {amt(basic)} ≠ {right} {amt(other)}{gap(basic, other)}（二者通常相等）"
            yield warning(loaded.positions.pos(("expenditure", nodes[0].leaf_index or 0)), message, "paired_items")


@rule
def projects_within_project_spending(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """The projects listed (budget) or the uses of project money (final) add up to no more than 项目支出."""
    report = loaded.report
    if report.kind == "budget":
        key, label, amounts = "projects", "所列项目金额之和", [project_amount(p) for p in report.projects]
    else:
        key, label, amounts = "project_uses", "所列项目支出用途金额之和", [u.amount for u in report.project_uses]
    listed = sum(amounts, Decimal(0))
    spent = column_total(functions(report), "project") or Decimal(0)
    if amounts and exceeds(listed, spent):
        yield error(
            loaded.positions.pos((key,)),
            f"{label} {amt(listed)} 大于一般公共预算项目支出合计 {amt(spent)}{gap(listed, spent)}",
            "projects_within_project_spending",
        )


@rule
def operating_codes_present(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """机关运行经费 items take their amounts from basic expenditure: each code must be there."""
    report = loaded.report
    operating = report.operating_costs if report.kind == "budget" else None
    econ = econ_amounts(report)
    for i, item in enumerate(operating.items if operating else []):
        for j, code in enumerate(item.codes):
            if code not in econ:
                yield error(
                    loaded.positions.pos(("operating_costs", "items", i, "codes", j)),
                    f"机关运行经费“{shown(item.label)}”引用的科目 {code} 不在基本支出（basic_economic）中，金额将为 0",
                    "operating_codes_present",
                )
