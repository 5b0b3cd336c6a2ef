"""Render a Document to Word (.docx) with python-docx: the same parts, sections, sentences and tables.

Headings use Word's heading styles (so the navigation pane and Word's own contents work) and a
TOC field lists them; tables repeat their header rows on each page and keep rows whole; wide
tables sit in landscape sections; the footer reads — N — from the first body page. Text is set
in 仿宋 (body), 黑体 (headings) and 宋体 (tables), with the bundled faces named as fallbacks.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document as new_document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from generator.present.document import Document, PageBreak, Paragraph, Partial, Section
from generator.present.tables.grid import Grid, TableBlock
from generator.render import word
from generator.render.layout import place
from generator.render.outline import Chart, Heading, Text, partial_items

BODY, HEADING, TABLE = "仿宋", "黑体", "宋体"
TOC_DEPTH = 3
"""Heading levels listed in the table of contents: parts and two levels of sections, as in the PDF."""
PLAIN = {"sub", "sub-text", "item"}
"""Paragraph classes printed without a first-line indent."""


class WordWriter:
    """Appends a Document's content to a python-docx document, section by section."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.word = new_document()
        self.landscape = False
        self._styles()
        first = self.word.sections[0]
        first.page_width, first.page_height = Mm(210), Mm(297)
        self._margins(first)

    # styles ---------------------------------------------------------------------------------
    def _styles(self) -> None:
        styles = self.word.styles
        normal = styles["Normal"]
        normal.font.size = Pt(12)
        word.set_fonts(normal.element, BODY)
        normal.paragraph_format.first_line_indent = Pt(24)
        normal.paragraph_format.line_spacing = 1.5
        normal.paragraph_format.space_after = Pt(0)
        sizes = {"Title": 20, "Heading 1": 16, "Heading 2": 14, "Heading 3": 13, "Heading 4": 12, "Heading 5": 12, "Heading 6": 12}
        for name, size in sizes.items():
            style = styles[name]
            style.font.size = Pt(size)
            style.font.bold = False
            style.font.italic = False
            style.font.color.rgb = None
            word.set_fonts(style.element, HEADING)
            style.paragraph_format.first_line_indent = Pt(0)
            style.paragraph_format.keep_with_next = True
            style.paragraph_format.space_before = Pt(12 if name != "Title" else 0)
            style.paragraph_format.space_after = Pt(6)
        for name in ("Title", "Heading 1"):
            styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title = styles["Title"].element.pPr
        if title is not None and title.find(qn("w:pBdr")) is not None:  # the default Title has a rule under it
            title.remove(title.find(qn("w:pBdr")))
        caption = styles.add_style("表题", 1)
        caption.base_style = styles["Normal"]
        caption.font.size = Pt(14)
        word.set_fonts(caption.element, HEADING)
        caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption.paragraph_format.first_line_indent = Pt(0)
        caption.paragraph_format.keep_with_next = True
        cell = styles.add_style("表格文字", 1)
        cell.base_style = styles["Normal"]
        cell.font.size = Pt(9)
        word.set_fonts(cell.element, TABLE)
        cell.paragraph_format.first_line_indent = Pt(0)
        cell.paragraph_format.line_spacing = 1.0
        note = styles.add_style("表注", 1)
        note.base_style = styles["Normal"]
        note.font.size = Pt(10)
        note.paragraph_format.first_line_indent = Pt(0)
        note.paragraph_format.line_spacing = 1.2
        word.declare_fallbacks(self.word)
        self.cell_style = cell.style_id

    def _margins(self, section: Any) -> None:
        if self.landscape:
            section.top_margin = section.bottom_margin = Mm(18)
            section.left_margin = section.right_margin = Mm(15)
        else:
            section.top_margin, section.bottom_margin = Mm(25), Mm(22)
            section.left_margin = section.right_margin = Mm(20)

    # pages ------------------------------------------------------------------------------------
    def new_section(self, landscape: bool, restart: bool = False) -> Any:
        section = self.word.add_section(WD_SECTION.NEW_PAGE)
        self.landscape = landscape
        word.orient(section, landscape)
        self._margins(section)
        if restart:
            word.restart_page_numbers(section)
        return section

    def page_width(self) -> Any:
        section = self.word.sections[-1]
        return (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)

    def footer(self, section: Any) -> None:
        """— N — centred at the foot of every body page."""
        section.footer.is_linked_to_previous = False
        p = section.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.first_line_indent = Pt(0)
        p.add_run("— ")
        word.add_field(p, "PAGE", "1")
        p.add_run(" —")

    # front matter -----------------------------------------------------------------------------
    def front(self) -> None:
        """Cover (or the title), contents, then the body's first section, numbered from 1."""
        doc = self.doc
        first = self.word.sections[0]
        first.footer.is_linked_to_previous = False
        if doc.draft:
            first.header.paragraphs[0].text = "草稿"
        if doc.cover:
            self.word.add_paragraph(doc.title, style="Title").paragraph_format.space_before = Pt(200)
        if doc.toc:
            if doc.cover:
                self.page_break()
            heading = self.word.add_paragraph(doc.toc_title, style="TOC Heading")
            style: Any = heading.style
            word.set_fonts(style.element, HEADING)
            style.font.color.rgb = None
            heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            word.toc_field_start(self.word.add_paragraph(), f"1-{TOC_DEPTH}")
            for entry in doc.toc:
                p = self.word.add_paragraph(entry.text)
                p.paragraph_format.first_line_indent = Pt(0)
                p.paragraph_format.left_indent = Pt(24 * entry.level)
            word.field_end(self.word.add_paragraph())
            word.update_fields_on_open(self.word.settings.element)
        body = self.new_section(False, restart=True) if doc.toc or doc.cover else first
        if not doc.cover:
            self.word.add_paragraph(doc.title, style="Title")
        self.footer(body)

    def page_break(self) -> None:
        self.word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def at_page_top(self) -> bool:
        """Whether nothing has been written since the last page or section break."""
        body = self.word.element.body
        last = [el for el in body if el.tag != qn("w:sectPr")][-1:]
        if not last:
            return True
        el = last[0]
        return el.tag == qn("w:p") and (
            el.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None or any(br.get(qn("w:type")) == "page" for br in el.iter(qn("w:br")))
        )

    # body ---------------------------------------------------------------------------------------
    def heading(self, text: str, level: int, break_before: bool) -> None:
        fresh = self.at_page_top()
        p = self.word.add_heading(text, level=min(level, 9))
        if break_before and not fresh:
            p.paragraph_format.page_break_before = True

    def paragraph(self, text: str, label: str = "", cls: str = "") -> None:
        p = self.word.add_paragraph(f"{label}{text}")
        if cls in PLAIN:
            p.paragraph_format.first_line_indent = Pt(0)

    def blocks(self, blocks: list[Any]) -> None:
        for b in blocks:
            if isinstance(b, Paragraph):
                self.paragraph(b.text, b.label, b.cls)
            elif isinstance(b, TableBlock):
                self.table_block(b)
            elif isinstance(b, PageBreak):
                self.page_break()
            elif isinstance(b, Partial):
                self.partial(b)

    def partial(self, block: Partial) -> None:
        for item in partial_items(block):
            if isinstance(item, Heading):
                p = self.word.add_paragraph(item.text, style="表题")
                p.paragraph_format.space_before = Pt(12)
            elif isinstance(item, Text):
                self.paragraph(item.text, item.label, item.cls)
            elif isinstance(item, Grid):
                self.grid(item)
            elif isinstance(item, Chart):
                if item.caption:
                    self.word.add_paragraph(item.caption, style="表注").alignment = WD_ALIGN_PARAGRAPH.CENTER

    def table_block(self, block: TableBlock) -> None:
        turn = block.landscape and not self.landscape
        if turn:
            self.new_section(True)
        elif block.new_page and not self.at_page_top():
            self.page_break()
        if block.label:
            p = self.word.add_paragraph(block.label, style="表注")
            p.paragraph_format.keep_with_next = True
        if block.title:
            self.word.add_paragraph(block.title, style="表题")
        for grid in block.grids:
            self.grid(grid)
        if turn:
            self.new_section(False)

    def grid(self, grid: Grid) -> None:
        for line in (grid.title, grid.subtitle):
            if line:
                self.word.add_paragraph(line, style="表题" if line == grid.title else "表注").paragraph_format.keep_with_next = True
        if grid.captions[0] or grid.captions[1]:
            p = self.word.add_paragraph(style="表注")
            p.paragraph_format.keep_with_next = True
            p.add_run(grid.captions[0])
            if grid.captions[1]:
                p.paragraph_format.tab_stops.add_tab_stop(self.page_width(), alignment=2)  # right-aligned tab
                p.add_run("\t" + grid.captions[1])
        placed, height, width = place(grid)
        if height and width:
            self.table(grid, placed, height, width)
        for note in grid.notes:
            self.word.add_paragraph(note, style="表注")

    def table(self, grid: Grid, placed: list[Any], height: int, width: int) -> None:
        table = self.word.add_table(rows=height, cols=width)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        rows = list(table.rows)
        cells = [list(r.cells) for r in rows]
        shares = grid.cols if len(grid.cols) == width else [1] * width
        total = sum(shares) or 1
        available = self.page_width()
        for c, share in enumerate(shares):
            w = int(available * share / total)
            table.columns[c].width = w
            for r in range(height):
                cells[r][c].width = w
        for i, row in enumerate(rows):
            word.keep_row_whole(row)
            if i < len(grid.header):
                word.header_row(row)
        for p in placed:
            cell = cells[p.row][p.col]
            para = cell.paragraphs[0]
            para._p.style = self.cell_style  # by id: looking the style up by name for each cell is slow
            run = para.add_run(p.cell.text)
            cls = p.cell.cls
            if p.header or "total" in cls:
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif "num" in cls:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if p.header or "strong" in cls or "total" in cls:
                word.set_fonts(run._r, HEADING)
            indent = next((int(k[6:]) for k in cls.split() if k.startswith("indent") and k[6:].isdigit()), 0)
            if indent:
                para.paragraph_format.left_indent = Pt(9 * indent)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        for p in placed:
            rs, cs = max(p.cell.rowspan, 1), max(p.cell.colspan, 1)
            if rs > 1 or cs > 1:
                cells[p.row][p.col].merge(cells[p.row + rs - 1][p.col + cs - 1])
        self.word.add_paragraph(style="表注").paragraph_format.space_after = Pt(0)

    def section(self, s: Section, part_level: int = 1) -> None:
        lead = s.blocks[0] if s.blocks else None
        if s.landscape and isinstance(lead, TableBlock) and not self.landscape:
            self.new_section(True)
            self.heading(f"{s.number}{s.title}", s.level + part_level, False)
            self.blocks(s.blocks)
            for child in s.sections:
                self.section(child, part_level)
            self.new_section(False)
            return
        self.heading(f"{s.number}{s.title}", s.level + part_level, s.break_before)
        self.blocks(s.blocks)
        for child in s.sections:
            self.section(child, part_level)

    def write(self) -> bytes:
        doc = self.doc
        self.front()
        for part in doc.parts:
            self.heading(f"{part.number} {part.title}".strip(), 1, part.break_before)
            self.blocks(part.blocks)
            for s in part.sections:
                self.section(s)
        props = self.word.core_properties
        props.title = doc.title
        props.author = doc.department
        props.keywords = doc.meta.get("keywords", "")
        buffer = io.BytesIO()
        self.word.save(buffer)
        return buffer.getvalue()


def render_docx(doc: Document) -> bytes:
    """The Word document's bytes."""
    return WordWriter(doc).write()
