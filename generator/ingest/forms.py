"""Texts of forms read back by their column headers: the 重点工作完成情况表 (序号, 重要事项, 工作内容及目标, 完成情况)."""

from __future__ import annotations

from typing import Any

from generator.ingest.tables import Table

KEY_WORK = ("重要事项", "工作内容及目标", "完成情况")


def _column(table: Table, name: str) -> int | None:
    return next((i for i, path in enumerate(table.paths) if path and path[-1] == name), None)


def _cell(row: list[str | None], col: int | None) -> str:
    return "".join((row[col] or "").split("\n")).strip() if col is not None and col < len(row) else ""


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
