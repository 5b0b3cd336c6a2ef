"""A PDF's pages as text lines and ruled tables (pdfplumber), each with its page number.

Lines are rebuilt from words by their vertical overlap, so that figures set in another font
(a slightly different baseline) stay on the line they belong to. Text inside a table is not
part of the lines.
"""

from __future__ import annotations

import re

from typing import Any

import logging
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import UserError

MAX_PAGES = 400


class ImportFailed(UserError):
    """A source that cannot be read as a disclosure (not a PDF, no text layer, no tables)."""


@dataclass
class Line:
    page: int
    top: float
    x0: float
    text: str
    x1: float = 0.0
    """Where the line's last word ends (a paragraph's last line ends short of the right margin)."""
    font: str = ""
    """The face of its first character (headings stand in another face than the running text)."""


_PAGE_NUMBER = re.compile(r"^[-－—\s]*\d{1,3}[-－—\s]*$|^第\d+页")


def is_page_number(text: str) -> bool:
    """A page's footer number (— 12 —, -12-, 第12页): no text of the report."""
    return _PAGE_NUMBER.match(text.strip()) is not None


@dataclass
class RawTable:
    """A table as printed: its rows of cell texts (None where a merged cell continues), where it stands."""

    page: int
    top: float
    bottom: float
    rows: list[list[str | None]]
    filled: list[list[str]] = field(default_factory=list)
    """The rows with each merged cell's text repeated in every slot it covers (headers read columns from it)."""
    title: str = ""
    pages: list[int] = field(default_factory=list)


@dataclass
class Source:
    lines: list[Line]
    tables: list[RawTable]
    pages: int


def _lines(words: list[dict], page: int, fonts: dict[tuple[int, int], str] | None = None) -> list[Line]:
    out: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        for line in out:
            ref = line[0]
            overlap = min(ref["bottom"], w["bottom"]) - max(ref["top"], w["top"])
            if overlap > 0.5 * min(ref["bottom"] - ref["top"], w["bottom"] - w["top"]):
                line.append(w)
                break
        else:
            out.append([w])
    result = []
    for line in out:
        line.sort(key=lambda w: w["x0"])
        font = (fonts or {}).get((round(line[0]["top"]), round(line[0]["x0"])), "")
        result.append(Line(page, min(w["top"] for w in line), line[0]["x0"], " ".join(w["text"] for w in line), max(w["x1"] for w in line), font))
    result.sort(key=lambda ln: ln.top)
    return result


def _inside(word: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(x0 - 1 <= cx <= x1 + 1 and t - 1 <= cy <= b + 1 for x0, t, x1, b in boxes)


def _filled(table: Any, rows: list[list[str | None]]) -> list[list[str]]:
    """Each slot's text, a merged cell's text in every slot it covers (found by the slot's centre)."""
    boxes = [(box, rows[r][i]) for r, row in enumerate(table.rows) for i, box in enumerate(row.cells) if box is not None]
    lefts = sorted({round(b[0], 1) for b, _ in boxes})
    right = table.bbox[2]
    width = max(len(r) for r in rows)
    xs = [((lefts[i] if i < len(lefts) else right) + (lefts[i + 1] if i + 1 < len(lefts) else right)) / 2 for i in range(width)]
    out = []
    for r, row in enumerate(rows):
        top, bottom = table.rows[r].bbox[1], table.rows[r].bbox[3]
        cy = (top + bottom) / 2
        line = []
        for i in range(width):
            text = row[i] if i < len(row) else None
            if text is None:
                text = next((t or "" for b, t in boxes if b[0] <= xs[i] <= b[2] and b[1] <= cy <= b[3]), "")
            line.append(text)
        out.append(line)
    return out


def read_pdf(path: Path) -> Source:
    """Every page's lines and tables; a file that is no PDF, or has no text, is refused with a message."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        import pdfplumber

        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many kinds for a damaged file
        raise ImportFailed(f"{path} 不是可读取的 PDF 文件（{type(exc).__name__}）") from None
    lines: list[Line] = []
    tables: list[RawTable] = []
    try:
        with pdf:
            pages = pdf.pages
            if len(pages) > MAX_PAGES:
                raise ImportFailed(f"{path} 有 {len(pages)} 页，超过可读取的 {MAX_PAGES} 页")
            for number, page in enumerate(pages, start=1):
                found = page.find_tables()
                boxes = [t.bbox for t in found]
                for t in found:
                    rows = t.extract()
                    if rows:
                        tables.append(RawTable(number, t.bbox[1], t.bbox[3], rows, _filled(t, rows), pages=[number]))
                words = [w for w in page.extract_words() if not _inside(w, boxes)]
                fonts = {(round(c["top"]), round(c["x0"])): str(c.get("fontname", "")) for c in page.chars}
                lines.extend(_lines(words, number, fonts))
            count = len(pages)
    except ImportFailed:
        raise
    except Exception as exc:
        raise ImportFailed(f"{path} 无法完整读取（{type(exc).__name__}），文件可能已损坏或不完整") from None
    if not lines and not tables:
        raise ImportFailed(f"{path} 没有可读取的文字（可能是扫描件，没有文字层）")
    return Source(lines, tables, count)
