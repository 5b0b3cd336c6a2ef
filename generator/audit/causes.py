"""Why a printed rate is wrong: the classic slips of hand-computed figures, named when they explain it."""

from __future__ import annotations

from decimal import Decimal

from generator.audit.numbers import HUNDRED, Shown, Span, reaches, show, truncated


def _common(printed: Shown, right: Span) -> str | None:
    if reaches(printed, right.scale(1 / HUNDRED)):
        return "比率没有换算为百分数（少乘了 100）"
    mid = right.mid
    if printed.value == truncated(mid, printed.places) and printed.value != show_value(mid, printed.places):
        return "尾数被直接截去，没有四舍五入"
    return None


def show_value(value: Decimal, places: int) -> Decimal:
    return Decimal(show(value, places))


def growth_cause(printed: Shown, right: Span, change: Span, current: Span) -> str:
    """A growth rate: ``right`` is change ÷ last year, the rate it should be."""
    if reaches(printed, change.percent_of(current)):
        return "增长率按本年数而不是上年数计算（增减额 ÷ 本年数）"
    return _common(printed, right) or "与增减额和由此推算的上年数不符（增减额 ÷ 上年数）"


def execution_cause(printed: Shown, right: Span, actual: Span, budget: Span) -> str:
    if reaches(printed, budget.percent_of(actual)):
        return "完成率分子分母颠倒（预算数 ÷ 决算数）"
    return _common(printed, right) or "与决算数 ÷ 预算数不符"


def share_cause(printed_sum: Decimal | None, computed_sum: Decimal | None, printed: Shown | None = None, right: Span | None = None) -> str:
    """A share that does not follow from its amounts; when the printed shares add up to 100% and the
    computed ones do not, a share was nudged to make them add up."""
    if printed_sum is not None and computed_sum is not None and printed_sum == HUNDRED and computed_sum != HUNDRED:
        return f"占比被调整以凑足 100%（按金额计算，各项占比合计为 {computed_sum:.2f}%）"
    if printed_sum is not None and computed_sum is not None and printed_sum != computed_sum:
        return f"与金额不符（所印各项占比合计为 {printed_sum:.2f}%，按金额计算为 {computed_sum:.2f}%）"
    common = _common(printed, right) if printed is not None and right is not None else None
    return f"与金额不符：{common}" if common else "与金额不符（部分 ÷ 总数）"
