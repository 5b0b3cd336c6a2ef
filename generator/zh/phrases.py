"""Sentence fragments for changes and execution rates; wording comes from the profile."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from generator.compute.change import Change, Execution
from generator.zh.numbers import fmt_amount, fmt_pct


@dataclass(frozen=True)
class ChangeWording:
    """How a profile words a change; {base} is e.g. "2019年预算" or "上年"."""

    up: str = "比{base}增加{amount}万元，增长{rate}"
    down: str = "比{base}减少{amount}万元，下降{rate}"
    flat: str = "与{base}持平"
    new: str = "比{base}新增{amount}万元"
    up_amount_only: str = "比{base}增加{amount}万元"
    down_amount_only: str = "比{base}减少{amount}万元"


def change_phrase(
    change: Change,
    base: str,
    wording: ChangeWording = ChangeWording(),
    with_rate: bool = True,
    money: Callable[[Decimal], str] = fmt_amount,
) -> str:
    """比2019年预算增加565.57万元，增长33.93% / 与上年持平 / 比上年新增50.00万元."""
    direction = change.direction
    if direction == "flat":
        return wording.flat.format(base=base)
    amount = money(abs(change.delta))
    if change.is_new:
        return wording.new.format(base=base, amount=amount)
    rate = fmt_pct(abs(change.rate)) if change.rate is not None else ""
    if direction == "up":
        template = wording.up if with_rate else wording.up_amount_only
    else:
        template = wording.down if with_rate else wording.down_amount_only
    return template.format(base=base, amount=amount, rate=rate)


@dataclass(frozen=True)
class ExecutionWording:
    rate: str = "完成年初预算的{rate}"
    no_budget: str = "年初未安排预算，为年度中追加安排"


def execution_phrase(execution: Execution, wording: ExecutionWording = ExecutionWording()) -> str:
    """完成年初预算的144.52%; with a zero budget no rate is printed at all."""
    if execution.rate is None:
        return wording.no_budget
    return wording.rate.format(rate=fmt_pct(execution.rate))
