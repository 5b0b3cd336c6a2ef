"""One discrepancy of a published report: where it is, what is printed, what it should be, why."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Finding:
    page: int
    where: str
    printed: str
    expected: str
    why: str
    kind: str = "wrong"
    """wrong (an inconsistency) or unread (a figure that could not be read)."""
    check: str = ""
    """Which kind of figure: 表内合计, 单元格, 跨表, 金额, 占比, 增减, 增长率, 方向, 持平, 完成率, 比较, 计数, 列举合计, 年份, 名称, 图表, 得分, 分值."""
