"""Render a Document's tables to CSV: one UTF-8 file (with a BOM, so Excel reads it as UTF-8) per table.

Each file starts with the table's heading and its 单位 line, then the header rows and the body
rows as printed; a merged cell's text is in its top-left place and the places it covers are blank.
"""

from __future__ import annotations

import csv
import io
import re

from generator.present.document import Document
from generator.present.tables.grid import TableBlock
from generator.render.layout import lattice, table_heading

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def file_name(index: int, block: TableBlock) -> str:
    """01-公开表1-部门收支总表.csv: numbered in the report's order, safe on every file system."""
    name = _UNSAFE.sub("-", table_heading(block)).strip("-")[:80] or "表"
    return f"{index:02d}-{name}.csv"


def table_csv(block: TableBlock) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for i, grid in enumerate(block.grids):
        rows = lattice(grid)
        width = max((len(r) for r in rows), default=1)
        if i == 0:
            writer.writerow([table_heading(block)] + [""] * (width - 1))
        for line in (grid.title, grid.subtitle):
            if line:
                writer.writerow([line] + [""] * (width - 1))
        if grid.captions[0] or grid.captions[1]:
            writer.writerow([grid.captions[0]] + [""] * (width - 2) + [grid.captions[1]])
        writer.writerows(rows)
        for note in grid.notes:
            writer.writerow([note] + [""] * (width - 1))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def render_csv(doc: Document) -> dict[str, bytes]:
    """File name → bytes, one CSV per numbered table, then one per form."""
    return {file_name(i + 1, block): table_csv(block) for i, block in enumerate([*doc.tables(), *doc.forms()])}
