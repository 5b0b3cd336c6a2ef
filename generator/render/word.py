"""Word features that python-docx reaches only through its XML elements: fields (TOC, PAGE),
repeated header rows and rows that do not split, East Asian font names and their fallbacks,
page orientation."""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.table import _Row
from docx.text.paragraph import Paragraph

FALLBACK = {"仿宋": "Noto Serif SC", "宋体": "Noto Serif SC", "黑体": "Noto Sans SC"}
"""Each official face the document names, and the bundled face that stands in where it is missing."""


def set_fonts(rpr_owner: object, east_asian: str) -> None:
    """Name ``east_asian`` for Chinese text and for Latin text of a style or run (w:rFonts)."""
    rpr = rpr_owner.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), east_asian)


def add_field(paragraph: Paragraph, instruction: str, shown: str = "") -> None:
    """A field (PAGE, TOC …) whose current result reads ``shown`` until the reader updates it."""

    def char(kind: str) -> Any:
        run = OxmlElement("w:r")
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        run.append(fld)
        return run

    p = paragraph._p
    p.append(char("begin"))
    run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run.append(instr)
    p.append(run)
    p.append(char("separate"))
    if shown:
        result = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = shown
        result.append(text)
        p.append(result)
    p.append(char("end"))


def toc_field_start(paragraph: Paragraph, levels: str) -> None:
    """Open a TOC field in ``paragraph``; its result (the entries) follows as ordinary paragraphs."""
    p = paragraph._p
    for kind, text in (("begin", None), (None, f' TOC \\o "{levels}" \\h \\z \\u '), ("separate", None)):
        run = OxmlElement("w:r")
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run.append(fld)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run.append(instr)
        p.append(run)


def field_end(paragraph: Paragraph) -> None:
    run = OxmlElement("w:r")
    fld = OxmlElement("w:fldChar")
    fld.set(qn("w:fldCharType"), "end")
    run.append(fld)
    paragraph._p.append(run)


def update_fields_on_open(settings_element: object) -> None:
    """Ask Word to refresh the fields (the table of contents' page numbers) when the file is opened."""
    el = OxmlElement("w:updateFields")
    el.set(qn("w:val"), "true")
    settings_element.append(el)  # type: ignore[attr-defined]


def header_row(row: _Row) -> None:
    """Repeat this row at the top of each page the table runs onto."""
    row._tr.get_or_add_trPr().append(_on("w:tblHeader"))


def keep_row_whole(row: _Row) -> None:
    """Do not split this row across pages."""
    row._tr.get_or_add_trPr().append(_on("w:cantSplit"))


def _on(tag: str) -> Any:
    el = OxmlElement(tag)
    el.set(qn("w:val"), "true")
    return el


def orient(section: Section, landscape: bool) -> None:
    """Turn a section's A4 pages landscape or portrait, keeping its margins' roles."""
    width: Any = section.page_width
    height: Any = section.page_height
    long, short = max(width, height), min(width, height)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)


def restart_page_numbers(section: Section, start: int = 1) -> None:
    pg = OxmlElement("w:pgNumType")
    pg.set(qn("w:start"), str(start))
    section._sectPr.append(pg)


def declare_fallbacks(document: object) -> None:
    """List the official faces in the font table with the bundled faces as their alternative names,
    so that a reader without 仿宋/宋体/黑体 is offered Noto Serif SC / Noto Sans SC instead."""
    part = document.part  # type: ignore[attr-defined]
    table = next((rel.target_part for rel in part.rels.values() if rel.reltype == RT.FONT_TABLE), None)
    if table is None:
        return
    root = parse_xml(table.blob)
    for name, alt in FALLBACK.items():
        font = parse_xml(
            f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
            f'<w:family w:val="{"swiss" if name == "黑体" else "roman"}"/><w:pitch w:val="variable"/></w:font>'
        )
        root.append(font)
    from lxml import etree

    table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
