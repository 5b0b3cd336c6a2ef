"""The self-evaluation forms of a final account read back (generator.present.tables.final prints them):
the 整体绩效自评表 (each yearly goal with its weight and scored indicators) and each 项目绩效自评表
(主管部门, 实施单位, the ticked 类别/属性/类型, 预算数 and 执行数, the weighted indicator groups, and the
notes under it).

A form is found by its first cells and runs on into the next page's table; its rows are told apart by
form_rows (the audit walks them the same way, generator.audit.forms). What the toolkit
computes (执行率, the execution score, 总分, 基本/项目支出总额) is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterator

from generator.ingest.cells import amount, cell_text, squash
from generator.ingest.paragraphs import paragraphs
from generator.ingest.pdf import Line, RawTable, is_page_number
from generator.model.performance import WholeEvaluation
from generator.present.tables.final import CHOICE_LABELS

EXECUTION = re.compile(r"^预算执行情况（万元）（([\d.]+)分）$")
GOALS = re.compile(r"^年度绩效目标（([\d.]+)分）$")
GOAL = re.compile(r"^年度绩效目标(\d+)（([\d.]+)分）$")
GROUP = re.compile(r"^(.+?)（([\d.]+)分）$")
_TICKED = re.compile(r"\d+、([^□■]+)■")
CLOSING = {"偏差大或目标未完成原因分析": "deviation", "改进措施及结果应用方案": "improvement"}
TICKED = {label: key for key, label in CHOICE_LABELS.items()}
DEFAULT_WEIGHT = WholeEvaluation.model_fields["execution_weight"].default
"""The execution weight the model assumes (written only where a form prints another)."""


def cells(row: list[str | None]) -> list[str]:
    return [cell_text(c) for c in row]


def runs(raw: list[RawTable], first: str, goes_on: tuple[str, ...]) -> list[list[RawTable]]:
    """The tables of each form whose first row starts with ``first``; the next table, when its first cell
    is empty or starts with one of ``goes_on``, continues the form."""
    out: list[list[RawTable]] = []
    for i, table in enumerate(raw):
        head = squash(table.rows[0][0]) if table.rows and table.rows[0] else ""
        if head == first:
            out.append([table])
        elif out and i > 0 and out[-1][-1] is raw[i - 1] and (head == "" or head.startswith(goes_on)):
            out[-1].append(table)
    return out


def whole_runs(raw: list[RawTable]) -> list[list[RawTable]]:
    """The tables of each 整体绩效自评表."""
    return runs(raw, "单位名称", ("年度绩效指标", "年度绩效目标"))


def project_runs(raw: list[RawTable]) -> list[list[RawTable]]:
    """The tables of each 项目绩效自评表 (a budget's 项目申报表 starts with 项目名称 too: it has no 主管部门)."""
    out = runs(raw, "项目名称", ("年度绩效目标", "总分", *CLOSING))
    return [run for run in out if any(squash(r[0] or "") == "主管部门" for r in run[0].rows[:3] if r)]


@dataclass(frozen=True)
class FormRow:
    """One row of a self-evaluation form, told by its first cells. ``kind``: execution (its heading, with
    the weight), figures (the row after it: 预算数, 执行数, 执行率, 得分), goals (年度绩效目标（80分）), goal
    (年度绩效目标1（6分）), indicator (a scored row; ``match`` holds the group it opens, if it does), total
    (总分), closing, or other."""

    kind: str
    row: list[str]
    raw: list[str | None]
    page: int
    match: re.Match[str] | None = None


def form_rows(tables: list[RawTable]) -> Iterator[FormRow]:
    """The rows of one form (its tables in order), each with its kind."""
    figures_next = False
    for table in tables:
        for raw_row in table.rows:
            row = cells(raw_row)
            head = squash(row[0]) if row else ""
            m: re.Match[str] | None = None
            if figures_next:
                kind, figures_next = "figures", False
            elif (m := EXECUTION.match(head)) is not None:
                kind, figures_next = "execution", True
            elif head in CLOSING:
                kind = "closing"
            elif head == "总分":
                kind = "total"
            elif (m := GOALS.match(head)) is not None:
                kind = "goals"
            elif (m := GOAL.match(head)) is not None:
                kind = "goal"
            elif not head and len(row) >= 7 and amount(row[6]) is not None:
                kind, m = "indicator", GROUP.match(squash(row[1])) if row[1] else None
            else:
                kind = "other"
            yield FormRow(kind, row, raw_row, table.page, m)


def _closing(row: list[str], into: dict[str, Any]) -> None:
    if len(row) > 1 and row[1]:
        into[CLOSING[squash(row[0])]] = row[1]


def _execution_weight(m: re.Match[str] | None, into: dict[str, Any]) -> None:
    weight = Decimal(m.group(1)) if m is not None else DEFAULT_WEIGHT
    if weight != DEFAULT_WEIGHT:
        into["execution_weight"] = weight


def _indicator(level1: str, row: list[str]) -> dict[str, Any]:
    return {"level1": level1, "level2": row[2], "level3": row[3], "target": row[4], "actual": row[5], "score": amount(row[6])}


def _whole(tables: list[RawTable]) -> dict[str, Any] | None:
    out: dict[str, Any] = {"goals": []}
    for r in form_rows(tables):
        if r.kind == "execution":
            _execution_weight(r.match, out)
        elif r.kind == "closing":
            _closing(r.row, out)
        elif r.kind == "goal" and r.match is not None:
            out["goals"].append({"title": r.row[1], "weight": Decimal(r.match.group(2)), "indicators": []})
        elif r.kind == "indicator" and out["goals"] and r.row[1]:
            out["goals"][-1]["indicators"].append(_indicator(r.row[1], r.row))
    return out if out["goals"] and all(g["indicators"] for g in out["goals"]) else None


def _ticked(text: str) -> str:
    m = _TICKED.search(squash(text))
    return m.group(1) if m else ""


def _project(tables: list[RawTable], scale: Decimal) -> dict[str, Any] | None:
    out: dict[str, Any] = {}
    groups: list[dict[str, Any]] = []
    for r in form_rows(tables):
        row = r.row
        filled = [c for c, x in zip(row, r.raw) if x is not None]
        head = squash(row[0]) if row else ""
        if r.kind == "figures":
            values = [amount(c) for c in filled if c]
            if len(values) >= 2 and values[0] is not None and values[1] is not None:
                out["budget"], out["spent"] = values[0] * scale, values[1] * scale
        elif r.kind == "execution":
            _execution_weight(r.match, out)
        elif r.kind == "closing":
            _closing(row, out)
        elif r.kind == "indicator":
            if r.match is not None:
                groups.append({"level1": r.match.group(1), "weight": Decimal(r.match.group(2)), "indicators": []})
            if groups:
                groups[-1]["indicators"].append(_indicator(groups[-1]["level1"], row))
        elif head == "项目名称":
            out["name"] = filled[1] if len(filled) > 1 else ""
        elif head == "主管部门" and len(filled) >= 4:
            out["manager"], out["executor"] = filled[1], filled[3]
        elif head in TICKED and len(row) > 1:
            out[TICKED[head]] = _ticked(row[1])
    required = ("name", "manager", "executor", "category", "attribute", "kind", "budget", "spent")
    if not groups or any(not out.get(k) and out.get(k) != Decimal(0) for k in required):
        return None
    out["groups"] = groups
    return out


def _notes(lines: list[Line], table: RawTable) -> tuple[list[str], list[Line]]:
    """The notes under a form (备注： and its numbered paragraphs), with their lines."""
    below = [ln for ln in lines if ln.page == table.page and ln.top > table.bottom and not is_page_number(ln.text)]
    if not below or squash(below[0].text) != "备注：":
        return [], []
    return paragraphs(below[1:]), below


def evaluation_part(first_row: list[str | None]) -> bool:
    """Whether a table whose first row this is belongs to a 绩效自评表."""
    head = squash(first_row[0]) if first_row and first_row[0] else ""
    return head in ("单位名称", "项目名称") or head.startswith(("年度绩效指标", "年度绩效目标"))


def evaluations(raw: list[RawTable], lines: list[Line], data: dict[str, Any], scale: Decimal) -> list[Line]:
    """The self-evaluation forms read into ``data`` (``whole_evaluation``, ``project_evaluations``); the lines used."""
    used: list[Line] = []
    for run in whole_runs(raw):
        whole = _whole(run)
        if whole is not None:
            data["whole_evaluation"] = whole
            break
    projects = []
    for run in project_runs(raw):
        project = _project(run, scale)
        if project is None:
            continue
        notes, noted = _notes(lines, run[-1])
        if notes:
            project["notes"] = notes
            used += noted
        projects.append(project)
    if projects:
        data["project_evaluations"] = projects
    return used
