"""Render a whole Document as JSON: department, every named figure, every table, every sentence.

Amounts are exact decimals written as strings ("2232.51"), so that no reader rounds them through
binary floating point. The shape is described by ``report.schema.json`` beside this module.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.present.document import Document, PageBreak, Paragraph, Part, Partial, Section
from generator.present.tables.grid import Cell, Grid, TableBlock
from generator.render.outline import Chart, Heading, Text, partial_items

FORMAT = "disclosure-report"
VERSION = 1
SCHEMA = Path(__file__).with_name("report.schema.json")


def decimal_text(value: Decimal) -> str:
    """An exact decimal in plain notation (no exponent): 2232.51, 0.0001."""
    return format(value, "f")


def cell_json(cell: Cell) -> dict[str, Any]:
    out: dict[str, Any] = {"text": cell.text}
    if cell.value is not None:
        out["value"] = decimal_text(cell.value)
    if cell.colspan > 1:
        out["colspan"] = cell.colspan
    if cell.rowspan > 1:
        out["rowspan"] = cell.rowspan
    return out


def grid_json(grid: Grid) -> dict[str, Any]:
    return {
        "title": grid.title,
        "subtitle": grid.subtitle,
        "captions": list(grid.captions),
        "header": [[cell_json(c) for c in row] for row in grid.header],
        "rows": [[cell_json(c) for c in row] for row in grid.rows],
        "notes": list(grid.notes),
    }


def table_json(block: TableBlock) -> dict[str, Any]:
    return {"id": block.id, "label": block.label, "title": block.title, "landscape": block.landscape, "grids": [grid_json(g) for g in block.grids]}


def blocks_json(blocks: list[Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for b in blocks:
        if isinstance(b, Paragraph):
            out.append({"type": "paragraph", "label": b.label, "text": b.text})
        elif isinstance(b, TableBlock):
            out.append({"type": "table", "id": b.id})
        elif isinstance(b, PageBreak):
            continue
        elif isinstance(b, Partial):
            for item in partial_items(b):
                if isinstance(item, Heading):
                    out.append({"type": "heading", "text": item.text})
                elif isinstance(item, Text):
                    out.append({"type": "paragraph", "label": item.label, "text": item.text})
                elif isinstance(item, Grid):
                    out.append({"type": "grid", "grid": grid_json(item)})
                elif isinstance(item, Chart):
                    out.append({"type": "chart", "caption": item.caption, "svg": item.svg})
    return out


def section_json(s: Section) -> dict[str, Any]:
    return {"number": s.number, "title": s.title, "level": s.level, "blocks": blocks_json(s.blocks), "sections": [section_json(c) for c in s.sections]}


def part_json(p: Part) -> dict[str, Any]:
    return {"number": p.number, "title": p.title, "blocks": blocks_json(p.blocks), "sections": [section_json(s) for s in p.sections]}


def report_json(doc: Document) -> dict[str, Any]:
    """The document as plain JSON values."""
    figures: dict[str, dict[str, str]] = {}
    for name, text in sorted(doc.figures.items()):
        entry = {"text": text}
        if name in doc.amounts:
            entry["amount"] = decimal_text(doc.amounts[name])
        figures[name] = entry
    return {
        "format": FORMAT,
        "version": VERSION,
        "title": doc.title,
        "department": doc.department,
        "year": doc.year,
        "kind": doc.kind,
        "profile": doc.profile,
        "draft": doc.draft,
        "text_unit": doc.text_unit,
        "figures": figures,
        "lists": doc.lists,
        "tables": [table_json(t) for t in doc.tables()],
        "parts": [part_json(p) for p in doc.parts],
    }


def render_json(doc: Document) -> bytes:
    return (json.dumps(report_json(doc), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def schema_bytes() -> bytes:
    return SCHEMA.read_bytes()
