"""Render a Document's tables to one Excel workbook: a sheet per table, as printed in the report.

Each sheet has the table's label and title, its 单位 line, the header rows with their merged
cells, then the body; codes and labels are text, amounts are numbers (the printed value) with
a number format that prints them as the report does.
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from generator.present.document import Document
from generator.present.tables.grid import Grid, TableBlock
from generator.render.layout import place, table_heading, text_width

_THIN = Side(style="thin", color="333333")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="F1F1F1")
_SERIF = "仿宋"
_SANS = "黑体"
_BAD_NAME = re.compile(r"[\[\]:*?/\\]")


def sheet_name(block: TableBlock, taken: set[str]) -> str:
    """The table's label and title (公开表1 部门收支总表), or its label alone where that is too long for a sheet
    name (31 characters); unique in the workbook."""
    heading = _BAD_NAME.sub("", table_heading(block)).strip()
    base = heading if len(heading) <= 31 else _BAD_NAME.sub("", block.label or block.title).strip()[:31]
    base = base or "表"
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base[:28]}({n})"
    taken.add(name)
    return name


class SheetWriter:
    """Writes rows from the top of one sheet, remembering how wide each column must be."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.row = 1
        self.widths: dict[int, int] = {}

    def line(self, text: str, width: int, *, size: float = 10.5, font: str = _SERIF, align: str = "left") -> None:
        """One line of text across the table's width (a title, the 单位 line, a note)."""
        cell = self.ws.cell(self.row, 1, text)
        cell.font = Font(name=font, size=size)
        cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=align == "left" and text_width(text) > 80)
        if width > 1:
            self.ws.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=width)
        self.row += 1

    def captions(self, left: str, right: str, width: int) -> None:
        """单位名称 on the left and the 单位 line on the right, as above the printed table."""
        if left:
            self.ws.cell(self.row, 1, left).font = Font(name=_SERIF, size=10)
        if right:
            cell = self.ws.cell(self.row, max(width, 1), right)
            cell.font = Font(name=_SERIF, size=10)
            cell.alignment = Alignment(horizontal="right")
        self.row += 1

    def grid(self, grid: Grid) -> tuple[int, int]:
        """The header and body rows; returns the sheet rows the header occupies (first, last)."""
        placed, height, width = place(grid)
        top = self.row
        for p in placed:
            r, c = top + p.row, 1 + p.col
            cell = self.ws.cell(r, c)
            if p.cell.value is not None:
                cell.value = p.cell.value
                cell.number_format = p.cell.style or "0.00"
            elif p.cell.text:
                cell.value = p.cell.text
                cell.number_format = "@"
            numeric = "num" in p.cell.cls
            bold_face = p.header or "strong" in p.cell.cls or "total" in p.cell.cls
            cell.font = Font(name=_SANS if bold_face else _SERIF, size=10)
            indent = next((int(k[6:]) for k in p.cell.cls.split() if k.startswith("indent") and k[6:].isdigit()), 0)
            horizontal = "center" if p.header or "total" in p.cell.cls else "right" if numeric else "left"
            cell.alignment = Alignment(horizontal=horizontal, vertical="center", indent=indent, wrap_text=p.header or "text" in p.cell.cls)
            if p.header:
                cell.fill = _HEAD_FILL
            rows, cols = max(p.cell.rowspan, 1), max(p.cell.colspan, 1)
            for dr in range(rows):
                for dc in range(cols):
                    self.ws.cell(r + dr, c + dc).border = _BORDER
            if rows > 1 or cols > 1:
                self.ws.merge_cells(start_row=r, start_column=c, end_row=r + rows - 1, end_column=c + cols - 1)
            if cols == 1:
                shown = f"{p.cell.value:,.2f}" if p.cell.value is not None else p.cell.text
                wrap = 40 if "text" in p.cell.cls else 24 if p.header else 60
                self.widths[c] = max(self.widths.get(c, 0), min(text_width(shown), wrap))
        self.row = top + height
        return top, top + len(grid.header) - 1

    def fit_columns(self, width: int) -> None:
        for c in range(1, width + 1):
            self.ws.column_dimensions[get_column_letter(c)].width = max(self.widths.get(c, 0) + 2, 6)


def write_table(ws: Worksheet, block: TableBlock) -> None:
    out = SheetWriter(ws)
    width = max((place(g)[2] for g in block.grids), default=1)
    if block.label:
        out.line(block.label, width, font=_SANS)
    if block.title:
        out.line(block.title, width, size=14, font=_SANS, align="center")
    header_rows: tuple[int, int] | None = None
    for i, grid in enumerate(block.grids):
        if i:
            out.row += 1
        if grid.title:
            out.line(grid.title, width, size=12, font=_SANS, align="center")
        if grid.captions[0] or grid.captions[1]:
            out.captions(grid.captions[0], grid.captions[1], width)
        if grid.subtitle:
            out.line(grid.subtitle, width, font=_SANS)
        first, last = out.grid(grid)
        if header_rows is None and last >= first:
            header_rows = (first, last)
        for note in grid.notes:
            out.line(note, width, size=10)
    out.fit_columns(width)
    if header_rows is not None:
        ws.freeze_panes = ws.cell(header_rows[1] + 1, 1)
        ws.print_title_rows = f"{header_rows[0]}:{header_rows[1]}"
    ws.page_setup.orientation = "landscape" if block.landscape or width > 6 else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def render_xlsx(doc: Document) -> bytes:
    """The workbook's bytes: one sheet per numbered table, in the report's order, then one per form."""
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    for block in [*doc.tables(), *doc.forms()]:  # the numbered tables first, in the report's order, then the forms
        write_table(wb.create_sheet(sheet_name(block, taken)), block)
    if not wb.sheetnames:
        wb.create_sheet("表")
    wb.properties.title = doc.title
    wb.properties.creator = doc.department
    wb.properties.keywords = doc.meta.get("keywords", "")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


__all__ = ["render_xlsx", "sheet_name"]
