"""Texts of forms read back by their column headers: the 重点工作完成情况表 (序号, 重要事项, 工作内容及目标, 完成情况)
and the 项目绩效目标申报表 (目标, 总目标, 年阶段目标), whose project the caption above it names."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from generator.ingest.cells import amount, cell_text, squash
from generator.ingest.pdf import Line, RawTable
from generator.ingest.tables import Table

KEY_WORK = ("重要事项", "工作内容及目标", "完成情况")


def _column(table: Table, name: str) -> int | None:
    return next((i for i, path in enumerate(table.paths) if path and path[-1] == name), None)


def _cell(row: list[str | None], col: int | None) -> str:
    return cell_text(row[col]) if col is not None and col < len(row) else ""


def key_work_table(tables: list[Table], data: dict[str, Any]) -> None:
    """Each key work's row of the form: its 工作内容及目标 and 完成情况; the 重要事项 column as ``texts.key_work_names``
    where it names the items otherwise than their titles."""
    work = data.get("key_work") or []
    table = next((t for t in tables if t.kind is None and all(_column(t, h) is not None for h in KEY_WORK)), None)
    if table is None or not work:
        return
    names_col, content_col, status_col = (_column(table, h) for h in KEY_WORK)
    rows = [row for _, row in table.body if _cell(row, names_col) or _cell(row, content_col)]
    names = [_cell(row, names_col) for row in rows]
    for entry, row in zip(work, rows):
        entry["table_content"] = _cell(row, content_col)
        status = _cell(row, status_col)
        if status:
            entry["status"] = status
    if names and names != [w["title"] for w in work[: len(names)]]:
        data.setdefault("texts", {})["key_work_names"] = "|".join(names)


STAGE_HEAD = ("目标", "总目标", "年阶段目标")
_CAPTION = re.compile(r"(?:单位名称：((?:(?!单位名称：).)+?))?项目名称：(.+?)表1-2(?:项目\d{4}年本级财拨预算金额：([\d,]+(?:\.\d+)?)（万元）)?")
_STAGE = re.compile(r"^(\d{2})(.+)$")


def caption_lines(lines: list[Line]) -> list[Line]:
    """The captions above each 项目绩效目标申报表 (单位名称, 项目名称, 表 1-2), which the forms were read with."""
    return [ln for ln in lines if _CAPTION.match(squash(ln.text))]


def stage_targets(raw: list[RawTable], text: str, data: dict[str, Any], scale: Decimal) -> None:
    """Each 项目绩效目标申报表: its stages (投入, 活动, 产出, 成效) with the overall and the year's target, given to the
    project its caption names (a form a page break cuts goes on in the next table, its header row repeated)."""
    forms: list[list[dict[str, str]]] = []
    for table in raw:
        rows = [[squash(c) for c in row] for row in table.rows]
        if not rows or tuple(rows[0][:3]) != STAGE_HEAD:
            continue
        for row in rows[1:]:
            m = _STAGE.match(row[0]) if len(row) >= 3 else None
            if m is None:
                continue
            if m.group(1) == "01" or not forms:
                forms.append([])
            forms[-1].append({"stage": m.group(2), "overall": row[1], "annual": row[2]})
    captions = list(_CAPTION.finditer(text))
    if not forms or len(captions) != len(forms):
        return
    projects = data.setdefault("projects", [])
    by_name = {p.get("name"): p for p in projects}
    department = data.get("department") or {}
    own = {squash(department.get("table_name") or department.get("name") or "")}
    for caption, targets in zip(captions, forms):
        unit, name, printed = caption.group(1), caption.group(2), caption.group(3)
        if name not in by_name:
            by_name[name] = {"name": name}
            projects.append(by_name[name])
        by_name[name].setdefault("stage_targets", targets)
        if unit and squash(unit) not in own:
            by_name[name].setdefault("unit_label", unit)  # the form names another 单位 than the department's
        if printed and "amount" not in by_name[name] and not by_name[name].get("details"):  # a total of details is computed
            by_name[name]["amount"] = (amount(printed) or Decimal(0)) * scale
