"""The self-evaluation forms of a final account read back (generator.present.tables.final prints them):
the 整体绩效自评表 (each yearly goal with its weight and scored indicators) and each 项目绩效自评表
(主管部门, 实施单位, the ticked 类别/属性/类型, 预算数 and 执行数, the weighted indicator groups, and the
notes under it).

A form is found by its first cells and runs on into the next page's table. What the toolkit
computes (执行率, the execution score, 总分, 基本/项目支出总额) is not read.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from generator.ingest.cells import amount, cell_text, squash
from generator.ingest.paragraphs import paragraphs
from generator.ingest.pdf import Line, RawTable, is_page_number
from generator.model.performance import WholeEvaluation
from generator.present.tables.final import CHOICE_LABELS

EXECUTION = re.compile(r"^预算执行情况（万元）（([\d.]+)分）$")
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


def _closing(row: list[str], into: dict[str, Any]) -> bool:
    key = CLOSING.get(squash(row[0]))
    if key is None:
        return False
    if len(row) > 1 and row[1]:
        into[key] = row[1]
    return True


def _execution_weight(head: str, into: dict[str, Any]) -> bool:
    m = EXECUTION.match(head)
    if m is None:
        return False
    weight = Decimal(m.group(1))
    if weight != DEFAULT_WEIGHT:
        into["execution_weight"] = weight
    return True


def _whole(tables: list[RawTable]) -> dict[str, Any] | None:
    out: dict[str, Any] = {"goals": []}
    for table in tables:
        for raw_row in table.rows:
            row = cells(raw_row)
            head = squash(row[0]) if row else ""
            if _execution_weight(head, out) or _closing(row, out) or head in ("单位名称", "基本支出总额", "年度绩效指标", "总分"):
                continue
            if (m := GOAL.match(head)) is not None:
                out["goals"].append({"title": row[1], "weight": Decimal(m.group(2)), "indicators": []})
            elif not head and out["goals"] and len(row) >= 7 and row[1] and (score := amount(row[6])) is not None:
                level1, level2, level3, target, actual = row[1:6]
                out["goals"][-1]["indicators"].append(
                    {"level1": level1, "level2": level2, "level3": level3, "target": target, "actual": actual, "score": score}
                )
    return out if out["goals"] and all(g["indicators"] for g in out["goals"]) else None


def _ticked(text: str) -> str:
    m = _TICKED.search(squash(text))
    return m.group(1) if m else ""


def _project(tables: list[RawTable], scale: Decimal) -> dict[str, Any] | None:
    out: dict[str, Any] = {}
    groups: list[dict[str, Any]] = []
    amounts_next = False
    for table in tables:
        for raw_row in table.rows:
            row = cells(raw_row)
            filled = [c for c, r in zip(row, raw_row) if r is not None]
            head = squash(row[0]) if row else ""
            if amounts_next:
                values = [amount(c) for c in filled if c]
                if len(values) >= 2 and values[0] is not None and values[1] is not None:
                    out["budget"], out["spent"] = values[0] * scale, values[1] * scale
                amounts_next = False
            elif head == "项目名称":
                out["name"] = filled[1] if len(filled) > 1 else ""
            elif head == "主管部门" and len(filled) >= 4:
                out["manager"], out["executor"] = filled[1], filled[3]
            elif head in TICKED and len(row) > 1:
                out[TICKED[head]] = _ticked(row[1])
            elif _execution_weight(head, out):
                amounts_next = True
            elif _closing(row, out) or head == "总分" or head.startswith("年度绩效目标"):
                continue
            elif not head and len(row) >= 7 and (score := amount(row[6])) is not None:
                if row[1] and (m := GROUP.match(row[1])) is not None:
                    groups.append({"level1": m.group(1), "weight": Decimal(m.group(2)), "indicators": []})
                if groups:
                    level1 = groups[-1]["level1"]
                    groups[-1]["indicators"].append({"level1": level1, "level2": row[2], "level3": row[3], "target": row[4], "actual": row[5], "score": score})
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
