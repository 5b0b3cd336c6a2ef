"""One figure, one source: a list the report prints as complete adds up to the figure it details."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable

from generator.check.common import amt, differs, functions, gap
from generator.check.run import rule
from generator.compute.budget import project_amount
from generator.compute.tree import column_total
from generator.errors import Issue, error
from generator.present.profile import table_ids
from generator.read.load import Loaded

COMPLETE_LISTS = {"projects": "项目支出表"}
"""Tables that list every entry of what they detail (budget): the 项目支出表 lists every project."""


@rule
def complete_lists(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """The 项目支出表 lists every project: its 合计 is the report's 一般公共预算项目支出, printed elsewhere too."""
    report = loaded.report
    if profile is None or report.kind != "budget" or not report.projects:
        return
    used = set(table_ids(profile))
    for table_id, name in COMPLETE_LISTS.items():
        if table_id not in used:
            continue
        listed = sum((project_amount(p) for p in report.projects), Decimal(0))
        spent = column_total(functions(report), "project") or Decimal(0)
        if not differs(listed, spent):
            continue
        rows = [i for i, row in enumerate(report.expenditure) if (getattr(row, "project", None) or 0) != 0]
        where = loaded.positions.pos(("expenditure", rows[0], "project") if rows else ("expenditure",))
        codes = "、".join(report.expenditure[i].code for i in rows[:3]) + ("等" if len(rows) > 3 else "")
        detail = f"（{codes}，见 {where}）" if rows else f"（见 {where}）"
        yield error(
            loaded.positions.pos(("projects",)),
            f"{name}所列项目合计 {amt(listed)} ≠ 一般公共预算项目支出 {amt(spent)}{detail}{gap(listed, spent)}；"
            f"项目支出表须列出全部项目，正文、主表与项目支出表、绩效目标说明中的同一金额应一致",
            "complete_lists",
        )
