"""The layout gate: page-level defects of a built PDF, as a publisher would mark them.

The PDF is read back (pdfplumber) without knowing which engine made it: parts come from
its bookmarks (level 1), headings are the lines set in the face of its bookmarked
headings, tables are ruled grids. Each defect names a page and what is wrong there:

- ``fragment``: a piece of a table split over pages with fewer than three body rows (unless
  those rows, of long texts, fill a quarter of the page);
- ``orphan``: a heading, a table title or a table's unit line as the last line of a page;
- ``sparse``: a page less than a quarter full holding only the end of what an earlier page began
  (text, notes, or a table's last rows), unless the next page starts a part (or the report ends);
- ``empty_row``: a table row without any text (or with no height);
- ``toc``: a table of contents running onto another page by a few lines;
- ``zeros``: zero amounts printed in two styles (0.00 and blank, or "-") in one table.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MIN_ROWS = 3
"""A table fragment on a page has at least this many body rows (unless the whole table has fewer)."""
MIN_FILL = 0.25
"""A page is at least this full, unless it ends a part."""
TYPE_AREA = 0.8
"""The share of a page's height inside its margins (A4 with the report's margins, either way up)."""
TOC_OVERFLOW_LINES = 6
"""A table of contents whose last page holds this many lines or fewer could have fitted on the one before."""

KINDS = {
    "fragment": "表格被分页截断，本页只有 {n} 行",
    "orphan": "页末孤立的{what}“{text}”",
    "sparse": "本页只用了 {pct}% 的版面，只有上一页内容的末尾，且不是一个部分的结尾",
    "empty_row": "表格中有空行",
    "toc": "目录溢出到下一页，只有 {n} 行",
    "zeros": "同一张表中零值写法不一（{styles}）",
}

_FOOTER = re.compile(r"^[—–\-－\s]*\d+[—–\-－\s]*$")
_NUMBER = re.compile(r"^-?[\d,]+(\.\d+)?%?$")
_ZERO = {"0.00": "0.00", "0": "0", "0.0": "0.0", "-": "-", "－": "-", "—": "-", "0.00%": "0.00"}
_UNIT_LINE = re.compile(r"单位[:：]\s*\S*元")
_TOC_ENTRY = re.compile(r"[.．…·]{3,}\s*\d+\s*$")


@dataclass(frozen=True)
class Defect:
    page: int
    """1-based page number."""
    kind: str
    message: str

    def __str__(self) -> str:
        return f"第 {self.page} 页：{self.message}（{self.kind}）"


@dataclass
class _Table:
    bbox: tuple[float, float, float, float]
    rows: list[list[str | None]]
    heights: list[float]
    head: int = 0
    """Header rows at its top (repeated on every page of the table)."""


@dataclass
class _Page:
    number: int
    width: float
    height: float
    lines: list[dict[str, Any]] = field(default_factory=list)
    """Text lines outside tables and footers, top to bottom."""
    tables: list[_Table] = field(default_factory=list)
    footer_top: float | None = None

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    def items(self) -> list[tuple[float, float, Any]]:
        """Lines and tables by position: (top, bottom, item)."""
        out: list[tuple[float, float, Any]] = [(ln["top"], ln["bottom"], ln) for ln in self.lines]
        out += [(t.bbox[1], t.bbox[3], t) for t in self.tables]
        return sorted(out, key=lambda x: (x[0], x[1]))

    def top(self) -> float | None:
        items = self.items()
        return items[0][0] if items else None

    def bottom(self) -> float | None:
        items = self.items()
        return max(b for _, b, _ in items) if items else None


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def _outline(pdf: Any) -> tuple[dict[int, list[str]], list[tuple[int, int, str]]]:
    """Bookmarks as (level, page index, title); and per page the titles of parts that start there."""
    from pdfminer.pdftypes import resolve1

    ids = {page.page_obj.pageid: i for i, page in enumerate(pdf.pages)}
    marks: list[tuple[int, int, str]] = []
    try:
        outlines = list(pdf.doc.get_outlines())
    except Exception:  # no outline in the file
        outlines = []
    for level, title, dest, action, _ in outlines:
        target = resolve1(dest) if dest else None
        if target is None and action:
            target = resolve1(resolve1(action).get("D"))
        if isinstance(target, dict):
            target = resolve1(target.get("D"))
        if isinstance(target, (list, tuple)) and target:
            ref = target[0]
            index = ids.get(getattr(ref, "objid", None))
            if index is not None:
                marks.append((level, index, title or ""))
    parts: dict[int, list[str]] = {}
    top = min((m[0] for m in marks), default=1)
    for level, index, title in marks:
        if level == top:
            parts.setdefault(index, []).append(title)
    return parts, marks


def _read(pdf: Any) -> list[_Page]:
    pages = []
    for i, page in enumerate(pdf.pages):
        info = _Page(i + 1, float(page.width), float(page.height))
        found = page.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"})
        for t in found:
            rows = t.extract()
            heights = [r.bbox[3] - r.bbox[1] for r in t.rows]
            if len(rows) >= 1:
                info.tables.append(_Table(tuple(t.bbox), rows, heights))
        lines = page.extract_text_lines(return_chars=True)
        body = []
        for ln in lines:
            mid = (ln["top"] + ln["bottom"]) / 2
            if any(t.bbox[1] - 1 <= mid <= t.bbox[3] + 1 and t.bbox[0] - 1 <= (ln["x0"] + ln["x1"]) / 2 <= t.bbox[2] + 1 for t in info.tables):
                continue
            body.append(ln)
        footers = [ln for ln in body if ln["top"] > info.height * 0.85 and _FOOTER.match(ln["text"].strip())]
        if footers:
            info.footer_top = min(ln["top"] for ln in footers)
            body = [ln for ln in body if ln not in footers]
        info.lines = body
        pages.append(info)
    return pages


def _font(line: dict[str, Any]) -> str:
    fonts = Counter(c.get("fontname", "").split("+")[-1] for c in line.get("chars", []) if c.get("text", "").strip())
    return fonts.most_common(1)[0][0] if fonts else ""


def _heading_fonts(pages: list[_Page], marks: list[tuple[int, int, str]]) -> set[str]:
    """The faces bookmarked headings are set in."""
    titles = {_norm(t) for _, _, t in marks}
    fonts: set[str] = set()
    for page in pages:
        for ln in page.lines:
            text = _norm(ln["text"])
            if text and any(text == t or (len(text) >= 4 and t.startswith(text)) for t in titles):
                fonts.add(_font(ln))
    body = Counter(_font(ln) for page in pages for ln in page.lines)
    if body and len(fonts) > 1:
        fonts.discard(body.most_common(1)[0][0])
    return fonts


def _same_head(a: list[list[str | None]], b: list[list[str | None]]) -> int:
    """How many leading rows two table pieces share (the header repeated on the next page)."""
    n = 0
    for ra, rb in zip(a, b):
        if [_norm(c or "") for c in ra] != [_norm(c or "") for c in rb]:
            break
        n += 1
    return n


def _is_blank(row: list[str | None]) -> bool:
    return all(not (c or "").strip() for c in row)


def _zero_styles(rows: list[list[str | None]]) -> set[str]:
    """The ways zero prints in a table's amount columns: "0.00", "0", "-", or blank (beside a labelled row)."""
    if not rows:
        return set()
    width = max(len(r) for r in rows)
    grid = [[(r[k] if k < len(r) else None) for k in range(width)] for r in rows]
    amount_cols = []
    for k in range(width):
        cells = [(row[k] or "").strip() for row in grid]
        filled = [c for c in cells if c]
        numbers = [c for c in filled if _NUMBER.match(c.replace(" ", "")) or c in _ZERO]
        if filled and len(numbers) == len(filled) and any(_NUMBER.match(c) and not re.fullmatch(r"\d{3,7}", c) for c in filled):
            amount_cols.append(k)
    styles: set[str] = set()
    for row in grid:
        for k in amount_cols:
            cell = (row[k] or "").strip()
            if cell in _ZERO:
                styles.add(_ZERO[cell])
            elif not cell and row[k] is not None:
                label = next(((row[j] or "").strip() for j in range(k - 1, -1, -1) if j not in amount_cols), "")
                if label and not _NUMBER.match(label):
                    styles.add("空白")
            elif _NUMBER.match(cell):
                try:
                    if float(cell.replace(",", "").rstrip("%")) == 0:
                        styles.add(cell)
                except ValueError:
                    pass
    return styles


def layout_defects(pdf_file: bytes | str | Path) -> list[Defect]:
    """Every page-level defect of a built PDF, in page order."""
    import pdfplumber

    source = io.BytesIO(pdf_file) if isinstance(pdf_file, (bytes, bytearray)) else str(pdf_file)
    with pdfplumber.open(source) as pdf:
        parts, marks = _outline(pdf)
        pages = _read(pdf)
    heads = _heading_fonts(pages, marks)
    marked = {index for _, index, _ in marks}
    front = min(marked, default=0)  # cover and contents: before the first bookmarked page
    if pages and not pages[0].tables and len(pages[0].lines) <= 6:
        front = max(front, 1)  # a cover page, bookmarked or not
    defects: list[Defect] = []

    def add(page: _Page, kind: str, **fields: Any) -> None:
        defects.append(Defect(page.number, kind, KINDS[kind].format(**fields)))

    # tables continued from one page onto the next: find the header they repeat
    chains: list[list[tuple[_Page, _Table]]] = []
    for i, page in enumerate(pages):
        for t in page.tables:
            prev = pages[i - 1] if i else None
            starts_page = page.items() and page.items()[0][2] is t
            if prev is not None and starts_page and chains and chains[-1][-1][0] is prev:
                last_prev = prev.items()[-1][2] if prev.items() else None
                if last_prev is chains[-1][-1][1] and _same_head(chains[-1][0][1].rows, t.rows) > 0:
                    chains[-1].append((page, t))
                    continue
            chains.append([(page, t)])
    for chain in chains:
        if len(chain) < 2:
            continue
        head = min(_same_head(chain[0][1].rows, t.rows) for _, t in chain[1:])
        for page, t in chain:
            t.head = head
            body = len(t.rows) - head
            tall = sum(t.heights[head:]) >= page.height * TYPE_AREA * MIN_FILL  # rows of long texts: a fair piece all the same
            if body < MIN_ROWS and not tall:
                add(page, "fragment", n=body)

    for page in pages:
        for t in page.tables:
            for row, height in zip(t.rows, t.heights):
                if _is_blank(row) or height < 2:
                    add(page, "empty_row")
                    break

    for chain in chains:
        rows = [r for k, (_, t) in enumerate(chain) for r in (t.rows if k == 0 else t.rows[t.head :])]
        styles = _zero_styles(rows)
        if len(styles) > 1:
            add(chain[0][0], "zeros", styles="、".join(sorted(styles)))

    # the last line of a page: not a heading, a table title or a unit line
    for i, page in enumerate(pages[:-1]):
        if i < front:
            continue
        items = page.items()
        if not items or not isinstance(items[-1][2], dict):
            continue
        line = items[-1][2]
        text = line["text"].strip()
        if _UNIT_LINE.search(text):
            add(page, "orphan", what="表格单位行", text=text[:30])
        elif _font(line) in heads and not _TOC_ENTRY.search(text):
            add(page, "orphan", what="标题", text=text[:30])

    # the table of contents
    toc_pages = [p for p in pages if sum(1 for ln in p.lines if _TOC_ENTRY.search(ln["text"])) >= max(2, len(p.lines) // 2)]
    for a, b in zip(toc_pages, toc_pages[1:]):
        if b.number == a.number + 1 and b is toc_pages[-1]:
            n = sum(1 for ln in b.lines if _TOC_ENTRY.search(ln["text"]))
            if n <= TOC_OVERFLOW_LINES:
                add(b, "toc", n=n)

    # pages less than a quarter full
    tops: dict[bool, float] = {}
    bottoms: dict[bool, float] = {}
    for page in pages:
        upper, lower = page.top(), page.bottom()
        if upper is None or lower is None:
            continue
        tops[page.landscape] = min(tops.get(page.landscape, upper), upper)
        bottoms[page.landscape] = max(bottoms.get(page.landscape, lower), page.footer_top or lower, lower)
    continued = {id(t): len(t.rows) - t.head for chain in chains for _, t in chain[1:]}
    for i, page in enumerate(pages):
        upper, lower = page.top(), page.bottom()
        if upper is None or lower is None or i == len(pages) - 1 or (i + 1) in parts or i < front:
            continue
        if i in marked or any(id(t) not in continued for t in page.tables):
            continue  # it begins something (a heading, a table)
        if page in toc_pages and page is toc_pages[-1]:
            continue  # reported as toc when it is an overflow
        full = bottoms[page.landscape] - tops[page.landscape]
        fill = (lower - tops[page.landscape]) / full if full > 0 else 1
        if fill < MIN_FILL:
            add(page, "sparse", pct=round(fill * 100))
    return sorted(defects, key=lambda d: (d.page, d.kind))


__all__ = ["Defect", "layout_defects", "KINDS"]
