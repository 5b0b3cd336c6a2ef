"""Printed tables against themselves and each other (the rules are in generator.audit.relations).

When one cell alone breaks several relations, and setting it to one value mends them all, that
cell is the finding (a wrong 项 in a column breaks its 款, 类 and 合计 at once); any other broken
relation is a finding at its printed total.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.audit.finding import Finding
from generator.audit.numbers import show
from generator.audit.relations import Cell, Relation, relations
from generator.ingest.cells import squash
from generator.ingest.run import Imported


def _blame(broken: list[Relation], every: list[Relation]) -> tuple[Cell, Decimal, list[Relation]] | None:
    """The cell that alone explains most broken relations (at least two), with the value that mends them."""
    best: tuple[Cell, Decimal, list[Relation]] | None = None
    seen: set[int] = set()
    for rel in broken:
        for cell in rel.cells():
            if id(cell.row) * 31 + hash(cell.key) in seen:
                continue
            seen.add(id(cell.row) * 31 + hash(cell.key))
            mine = [r for r in broken if any(c.row is cell.row and c.key == cell.key for c in r.cells())]
            if len(mine) < 2 or (best is not None and len(mine) <= len(best[2])):
                continue
            value = mine[0].required(next(c for c in mine[0].cells() if c.row is cell.row and c.key == cell.key))
            touching = [r for r in every if any(c.row is cell.row and c.key == cell.key for c in r.cells())]
            fix = {id(c): value for r in touching for c in r.cells() if c.row is cell.row and c.key == cell.key}
            if all(r.holds(fix) for r in touching):
                best = (cell, value, mine)
    return best


def _cell_check(cell: Cell) -> str:
    """A printed total or subtotal (表内合计), or any other figure (单元格)."""
    row = cell.row
    leaf = 5 if row.table.kind == "basic" else 7
    name = squash(row.name)
    if row.code:
        return "单元格" if len(row.code) == leaf else "表内合计"
    if row.table.kind == "three_public":
        return "表内合计" if cell.key in ("total", "vehicle") else "单元格"
    return "表内合计" if row.is_total or "合计" in name or "总计" in name else "单元格"


@dataclass
class Correction:
    """A leaf cell the audit found wrong, with the value that makes its table add up."""

    kind: str
    code: str
    key: str
    value: Decimal


def table_findings(imported: Imported, corrections: list[Correction] | None = None) -> list[Finding]:
    """Every finding of the tables; the leaf cells found wrong are added to ``corrections``."""
    out: list[Finding] = []
    for rows in imported.reading.rows.values():
        for row in rows:
            for text in row.unread.values():
                if not any(ch.isdigit() for ch in text):
                    continue  # a label in an amount column (a header read as a row), no figure
                out.append(Finding(row.page, f"{row.table.title} {row.code or row.name}", text, "", "无法读取的数字", "unread", "未读出"))
    every = relations(imported)
    broken = [r for r in every if not r.holds()]
    while broken:
        blamed = _blame(broken, every)
        if blamed is None:
            break
        cell, value, mine = blamed
        if corrections is not None and cell.row.code and cell.row.table.kind:
            corrections.append(Correction(cell.row.table.kind, cell.row.code, cell.key, value))
        places = cell.printed.places if cell.printed else 2
        thousands = "," in cell.text
        out.append(
            Finding(
                cell.row.page,
                cell.where,
                cell.text or "（空）",
                show(value, places, thousands=thousands),
                f"此数与同表其他数不符：按它计算的 {len(mine)} 处合计或小计都对不上，改为应为数后全部相符",
                check=_cell_check(cell),
            )
        )
        broken = [r for r in broken if r not in mine]
    for rel in broken:
        t = rel.target
        places = t.printed.places if t.printed else 2
        out.append(Finding(t.row.page, t.where, t.text or "（空）", show(rel.required(t), places, thousands="," in t.text), rel.why, check=rel.check))
    return out
