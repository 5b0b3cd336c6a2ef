"""The 部门整体支出绩效目标申报表 read back (generator.present.tables.forms prints it): the form grid
(填报人, prior years' project money, 部门职能概述, 年度工作任务), 项目支出情况, 整体绩效总目标, and each
goal's 长期 and 年度 indicator table with the goal printed above it.

The grids are found by their first cells in page order; the duties and tasks run on into the next
page's table. The money of the current year is the tables' and is not read. The notes under the
last table are read as the paragraphs below it (or its last row, where the notes are set inside it).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from generator.ingest.cells import amount, cell_text, heads_with, squash
from generator.ingest.paragraphs import paragraphs
from generator.ingest.pdf import Line, RawTable, is_page_number
from generator.ingest.project_forms import ANNUAL_HEAD, form_part, indicator

FIRST = "部门(单位)名称"
LINES_HEAD = ("项目名称", "支出项目类别", "项目总预算", "项目本年度预算", "项目主要支出方向和用途")
GOALS_HEAD = ("长期目标(截止年)", "年度目标")
INDICATOR_HEAD = ("一级指标", "二级指标", "三级指标", "指标值")
SUBTITLES = ("项目支出情况", "整体绩效总目标")

_FILLED = re.compile(r"填报日期：(.+?)\s*(?=单位：|$)")
_NUMBER = re.compile(r"^\d+\.\s*")
_GOAL = re.compile(r"^目标\s*\d+：")
_SUBTITLE = re.compile(r"^((?:长期|年度)目标\s*\d+)：(.*)$", re.S)


def _first(row: list[str | None]) -> str:
    return squash(row[0]) if row and row[0] else ""


def _above(lines: list[Line], table: RawTable, previous: RawTable | None) -> list[Line]:
    """The lines between the table and what stands above it on its page."""
    floor = previous.bottom if previous is not None and previous.page == table.page else 0.0
    return [ln for ln in lines if ln.page == table.page and floor < ln.top < table.top]


def _below(lines: list[Line], table: RawTable) -> list[Line]:
    return [ln for ln in lines if ln.page == table.page and ln.top > table.bottom and not is_page_number(ln.text)]


def whole_form_part(first_row: list[str | None]) -> bool:
    """Whether a table whose first row this is belongs to the 部门整体支出绩效目标申报表."""
    cells = [cell_text(c) for c in first_row]
    return (
        _first(first_row) == FIRST
        or heads_with(first_row, LINES_HEAD)
        or heads_with(first_row, GOALS_HEAD)
        or heads_with(first_row, INDICATOR_HEAD, at=1)
        or (len(cells) > 1 and cells[0] == "" and _NUMBER.match(cells[1]) is not None)  # duties or tasks run on
    )


def whole_form(raw: list[RawTable], lines: list[Line], data: dict[str, Any], scale: Decimal) -> list[Line] | None:
    """The form read into ``data["whole_form"]``; the lines outside its tables it was read from (None: no form)."""
    start = next((i for i, t in enumerate(raw) if t.rows and _first(t.rows[0]) == FIRST), None)
    if start is None:
        return None
    used = [ln for ln in lines if ln.page == raw[start].page and _FILLED.search(ln.text)]
    used += [ln for ln in lines if raw[start].page <= ln.page <= raw[start].page + 1 and squash(ln.text) in SUBTITLES]
    form: dict[str, Any] = {"duties": [], "tasks": []}
    filled = next((m.group(1) for ln in lines if ln.page == raw[start].page and (m := _FILLED.search(ln.text))), "")
    years: list[str] = []
    prior: list[str] = []
    project_money: Decimal | None = None
    into = ""
    at = start
    while at < len(raw) and (at == start or _first(raw[at].rows[0]) in ("", "部门职能概述", "年度工作任务")):
        for row in raw[at].rows:
            head = _first(row)
            cells = [cell_text(c) for c in row]
            if head == "填报人":
                form["filler"], form["phone"] = cells[1], cells[3] if len(cells) > 3 else ""
            elif head == "部门总体资金情况":
                years = [c for c in cells[5:] if c]
            elif head in ("部门职能概述", "年度工作任务"):
                into = "duties" if head == "部门职能概述" else "tasks"
            elif len(cells) > 3 and cells[2] and cells[2] != "合计" and not into:
                if any(cells[5:]):
                    prior = cells[5 : 5 + len(years)]
                project_money = amount(cells[3])
            if into and head in ("", "部门职能概述", "年度工作任务") and len(cells) > 1 and cells[1]:
                form[into].append(_NUMBER.sub("", cells[1]))
        at += 1
    form["filled_on"] = "".join(filled.split())
    if prior and len(prior) == len(years):
        form["prior_years"] = [{"label": y, "amount": (amount(v) or Decimal(0)) * scale} for y, v in zip(years, prior)]
    project_lines: list[dict[str, Any]] = []
    goals: list[dict[str, str]] = []
    long_tables: list[dict[str, Any]] = []
    annual_tables: list[dict[str, Any]] = []
    previous: RawTable | None = raw[at - 1]
    last: dict[str, Any] | None = None
    last_table: RawTable | None = None
    for table in raw[at:]:
        rows = table.rows
        if not rows or form_part(rows[0]):
            break
        if heads_with(rows[0], LINES_HEAD):
            for row in rows[1:]:
                c = [cell_text(x) for x in row] + [""] * 5
                line: dict[str, Any] = {"name": c[0], "category": c[1], "use": c[4]}
                for key, text in (("total", c[2]), ("current", c[3])):
                    value = amount(text)
                    if value is not None and value != project_money:
                        line[key] = value * scale
                project_lines.append(line)
        elif heads_with(rows[0], GOALS_HEAD):
            for row in rows[1:]:
                if len(row) >= 2 and row[0] and row[1]:
                    goals.append({"long": _GOAL.sub("", cell_text(row[0])), "annual": _GOAL.sub("", cell_text(row[1]))})
        elif heads_with(rows[0], INDICATOR_HEAD, at=1):
            annual = len(rows[0]) == 8
            heads = 2 if annual and len(rows) > 1 and heads_with(rows[1], ANNUAL_HEAD) else 1
            body = [([cell_text(c) for c in row] + [""] * 8)[: len(rows[0])] for row in rows[heads:]]
            above = _above(lines, table, previous)
            subtitle = _SUBTITLE.match("".join(squash(ln.text) for ln in above))
            used += above if subtitle is not None else []
            if subtitle is None and last is not None:
                last["indicators"] += [indicator(r, annual) for r in body]  # a table a page break cut
            elif subtitle is not None:
                last = {"label": subtitle.group(1), "goal": subtitle.group(2)}
                name = cell_text(rows[0][0])
                if not annual and name != "指标":
                    last["name"] = name
                last["indicators"] = [indicator(r, annual) for r in body]
                (annual_tables if annual else long_tables).append(last)
            last_table = table
        else:
            break
        previous = table
    if project_lines:
        form["project_lines"] = project_lines
    if goals:
        form["goals"] = goals
    if long_tables:
        form["long_tables"] = long_tables
    if annual_tables:
        form["annual_tables"] = annual_tables
    if last_table is not None:
        below = _below(lines, last_table)
        if below:
            form["notes"] = paragraphs(below)
            used += below
    data["whole_form"] = form
    return used
