"""Column widths of the WeasyPrint PDF's tables, computed once from the cells' own text.

WeasyPrint's automatic table layout lays every cell's text out twice (its narrowest and its widest
form) before it can size a column: a third or more of the typesetting of a large report. Here the
same sizes are found from the text itself: HarfBuzz shapes it with the font WeasyPrint uses
(``typst_measure.Measurer``, without the closing up of Chinese punctuation that Typst does and
WeasyPrint does not), the text breaks where Pango breaks it, and ``allocate`` shares the table's
width out as WeasyPrint's automatic layout does (CSS Tables 3, "width distribution"). The page
then carries the widths (``<col style="width:…">``) with ``table-layout: fixed``: WeasyPrint sets
the columns as given and lays each cell out once.

The sizes below are those of the print CSS (static/report.css and print.css); a test holds them
to it. ``DISCLOSURE_TABLE_LAYOUT=auto`` turns this off (WeasyPrint then sizes the columns itself), and
so do the official fonts (``layout_choice``).
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from generator.present.tables.grid import Cell, Grid
from generator.render.typst_measure import Measurer, cell_font, tabular

BODY_SIZE = 9.5
"""table.grid font-size (pt)."""
HEAD_SIZE = 9.0
"""table.grid th font-size (pt)."""
PAD_X = 3.0
"""table.grid th, td padding left and right (pt)."""
BORDER = 0.6
"""table.grid th, td border width (pt): collapsed, half of it on each side of a cell."""
INDENTS = {"indent1": 1.2, "indent2": 2.4}
"""td.indent1, td.indent2 padding-left (em of the cell's size)."""
PORTRAIT, LANDSCAPE = 481.8897637795276, 756.8503937007874
"""The width of a page's text (pt): A4 less 20 mm margins each side, A4 landscape less 15 mm."""

LANG = "zh-CN"
_SPACES = re.compile(r"[ \t\r\n\f]+")


def layout_choice(font_set: str | None = None) -> str:
    """The table layout of the WeasyPrint PDF: "fixed" (the toolkit sizes the columns), or "auto" if
    DISCLOSURE_TABLE_LAYOUT says so, or with the official fonts (the print CSS sets some cells in the
    bundled Hei face among them, and WeasyPrint falls back per character where a face lacks one: the
    widths are only known to match WeasyPrint's with the bundled faces)."""
    if (font_set or os.environ.get("DISCLOSURE_FONTS", "bundled")) != "bundled":
        return "auto"
    return "auto" if os.environ.get("DISCLOSURE_TABLE_LAYOUT", "").strip().lower() == "auto" else "fixed"


@dataclass(frozen=True)
class Span:
    """One cell as the layout sees it: where it starts, how many columns it spans, and its narrowest
    and widest widths (pt, padding and border included)."""

    col: int
    colspan: int
    least: float
    most: float


def nowrap(cell: Cell, head: bool, grid_cls: str) -> bool:
    """print.css: header cells keep to one line (except in forms and wide tables), amounts and codes always."""
    if head:
        return not {"form", "wide"} & set(grid_cls.split())
    return bool({"num", "code"} & set(cell.cls.split()))


def cell_widths(cell: Cell, head: bool, grid_cls: str, measurer: Measurer) -> tuple[float, float]:
    """(narrowest, widest) width of a cell (pt): its longest unbreakable piece and its whole text on one line,
    plus padding and half a border each side."""
    classes = cell.cls.split()
    size = HEAD_SIZE if head else BODY_SIZE
    indent = max((INDENTS[k] for k in classes if k in INDENTS), default=0.0)
    pad = PAD_X + (indent * size if indent and not head else PAD_X) + BORDER
    text = _SPACES.sub(" ", cell.text).strip()
    role, tnum = cell_font(classes, head), tabular(classes, head)
    most = measurer.width(text, role, tnum, close_up=False) * size
    if nowrap(cell, head, grid_cls):
        return most + pad, most + pad
    least = max((measurer.width(p, role, tnum, close_up=False) for p in pieces(text)), default=0.0) * size
    return least + pad, most + pad


@lru_cache(maxsize=65536)
def pieces(text: str) -> tuple[str, ...]:
    """The text cut where Pango may break a line (WeasyPrint's line breaking), spaces at a break dropped."""
    if len(text) < 2:
        return (text,) if text else ()
    from weasyprint.text.line_break import get_log_attrs

    attrs = get_log_attrs(text, LANG)
    cuts = [i for i in range(1, len(text)) if attrs[i].is_line_break] + [len(text)]
    out, start = [], 0
    for end in cuts:
        piece = text[start:end].rstrip(" ")
        if piece:
            out.append(piece)
        start = end
    return tuple(out)


def spans(grid: Grid, measurer: Measurer) -> tuple[list[Span], int]:
    """Every cell of a grid placed in its columns (rows merged from above skipped), and the number of columns."""
    out: list[Span] = []
    n = 0
    for head, rows in ((True, grid.header), (False, grid.rows)):
        taken: dict[int, int] = {}  # column -> rows still covered by a cell merged from above
        for row in rows:
            col = 0
            for cell in row:
                while taken.get(col, 0) > 0:
                    col += 1
                least, most = cell_widths(cell, head, grid.cls, measurer)
                out.append(Span(col, cell.colspan, least, most))
                if cell.rowspan > 1:
                    for j in range(col, col + cell.colspan):
                        taken[j] = cell.rowspan
                col += cell.colspan
                n = max(n, col)
            taken = {j: t - 1 for j, t in taken.items() if t > 1}
    return out, n


def allocate(cells: list[Span], n: int, width: float, percents: list[float] | None = None) -> list[float]:
    """Column widths (pt) summing to ``width``, as WeasyPrint's automatic layout gives them to a table of
    ``width: 100%``: each column between its narrowest and widest cell; a colspan cell's excess goes to
    its columns; ``percents`` (the colgroup's widths, in %) are followed as far as the text allows."""
    if n == 0:
        return []
    least = [0.0] * n
    most = [0.0] * n
    pct = [0.0] * n
    for i, p in enumerate((percents or [])[:n]):
        pct[i] = float(p)
    spanning: list[Span] = []
    for c in sorted(cells, key=lambda c: c.col):  # column by column, top to bottom, as WeasyPrint goes
        if c.colspan == 1:
            least[c.col] = max(least[c.col], c.least)
            most[c.col] = max(most[c.col], c.most)
        else:
            spanning.append(c)
    pct = [min(p, 100 - sum(pct[:i])) for i, p in enumerate(pct)]
    for c in spanning:
        part = slice(c.col, min(n, c.col + c.colspan))
        if c.least > sum(least[part]):
            _distribute(c.least - sum(least[part]), least, pct, most, part)
        if c.most > sum(most[part]):
            _distribute(c.most - sum(most[part]), most, pct, most, part)
    if width < sum(least):  # too narrow for the text: the table grows
        width = sum(least)
    by_pct = [max(p / 100 * width, low) if p else low for p, low in zip(pct, least)]
    widest = [max(p / 100 * width, low) if p else high for p, low, high in zip(pct, least, most)]
    guesses = (least, by_pct, by_pct, widest)  # no column has a width of its own: the specified guess is the percent one
    if width * (1 + 1e-9) < sum(widest):
        lower = _last_fitting(guesses, width)
        upper = _first_reaching(guesses, width)
        if upper == lower:
            return list(upper)
        added = [u - lo for u, lo in zip(upper, lower)]
        share = (width - sum(lower)) / sum(added)
        return [lo + a * share for lo, a in zip(lower, added)]
    out = list(widest)
    _distribute(width - sum(widest), out, pct, most, slice(0, n))
    return out


def _last_fitting(guesses: tuple[list[float], ...], width: float) -> list[float]:
    lower = guesses[0]
    for guess in guesses:
        if sum(guess) <= width * (1 + 1e-9):
            lower = guess
        else:
            break
    return lower


def _first_reaching(guesses: tuple[list[float], ...], width: float) -> list[float]:
    upper = guesses[-1]
    for guess in reversed(guesses):
        if sum(guess) >= width * (1 - 1e-9):
            upper = guess
        else:
            break
    return upper


def _distribute(excess: float, widths: list[float], pct: list[float], most: list[float], part: slice) -> None:
    """Give ``excess`` to the columns of ``part`` (CSS Tables 3, "distributing width to columns"): to those
    without a percentage in proportion to their widest text, else evenly, else by their percentages."""
    cols = range(*part.indices(len(widths)))
    free = [i for i in cols if pct[i] == 0 and most[i] > 0]
    if free:
        total = sum(most[i] for i in free)
        for i in free:
            widths[i] += excess * most[i] / total
        return
    free = [i for i in cols if pct[i] == 0]
    if free:
        for i in free:
            widths[i] += excess / len(free)
        return
    sized = [i for i in cols if pct[i] > 0 and most[i] > 0]
    if sized:
        total = sum(pct[i] for i in sized)
        for i in sized:
            widths[i] += excess * pct[i] / total
        return
    for i in cols:
        widths[i] += excess / len(cols)


def grid_widths(grid: Grid, width: float, measurer: Measurer) -> list[float]:
    """The column widths (pt) of one grid on a page whose text is ``width`` wide: the table's own border
    (half of the collapsed one, each side) comes off it."""
    cells, n = spans(grid, measurer)
    return allocate(cells, n, width - BORDER, [float(c) for c in grid.cols])


def page_widths(value: Any, wide: bool = False) -> Iterator[tuple[Grid, float]]:
    """Every grid of a Document with the width of the text of its page: a table block or section marked
    landscape, and everything in it, is set on a landscape page (print.css ``.landscape { page: wide }``)."""
    if isinstance(value, Grid):
        yield value, LANDSCAPE if wide else PORTRAIT
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        inner = wide or (bool(getattr(value, "landscape", False)) and type(value).__name__ in ("TableBlock", "Section"))
        for f in dataclasses.fields(value):
            yield from page_widths(getattr(value, f.name), inner)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from page_widths(v, wide)
    elif isinstance(value, dict):
        for v in value.values():
            yield from page_widths(v, wide)


def column_widths(doc: Any) -> Callable[[Grid], list[str] | None]:
    """For the print page's template: a grid's column widths as CSS, or None for a grid not found in ``doc``:
    percents of the table, so that the columns fill it exactly, or points for a table wider than the page
    (its texts' narrowest widths do not fit: it outgrows the page as it would with the automatic layout)."""
    measurer = Measurer("bundled")
    found: dict[int, list[str]] = {}
    for grid, width in page_widths(doc):
        if id(grid) not in found:
            widths = grid_widths(grid, width, measurer)
            total = sum(widths)
            if total > width - BORDER + 1e-6:
                found[id(grid)] = [f"{w:.4f}pt" for w in widths]
            else:
                found[id(grid)] = [f"{w / total * 100:.6f}%" for w in widths] if total > 0 else []
    return lambda grid: found.get(id(grid)) or None
