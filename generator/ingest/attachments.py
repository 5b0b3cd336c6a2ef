"""Annex sections read back (the ``attachments`` partial prints them after the project forms): each
annex's centred title, its headings (set in another face than the running text), its paragraphs,
and its tables with their merged cells.

A paragraph starts with an indented line, or after a line that ends short with a closing mark or a
colon (the margin is the annexes' own: most of their paragraphs are one indented line); an entry of a
list prints as a paragraph and is read as one. A table a page break cuts goes on in the next page's
table, its repeated header rows dropped. A merged cell is known by the empty slots it covers: to its
right in its row, then below it while the slot to the left of them is no cell of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from generator.ingest.cells import cell_text, squash
from generator.ingest.paragraphs import CLOSING, INDENT, SHORT
from generator.ingest.pdf import Line, RawTable, is_page_number

_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
CENTRED = 20.0
"""A title's middle is this close to the middle of the text column (points)."""


def _ends(line: Line, right: float) -> bool:
    """A line ending short of the right margin with a closing mark or a colon ends its paragraph."""
    return right - line.x1 > SHORT and squash(line.text)[-1:] in CLOSING + "：:"


def _spans(rows: list[list[str | None]]) -> list[list[Any]]:
    """Rows of cells as the data file writes them: text, or {text, colspan, rowspan} for a merged cell."""
    taken: set[tuple[int, int]] = set()
    out: list[list[Any]] = []
    for r, row in enumerate(rows):
        cells: list[Any] = []
        for c, text in enumerate(row):
            if (r, c) in taken:
                continue
            if text is None:
                cells.append("")
                continue
            colspan = 1
            while c + colspan < len(row) and row[c + colspan] is None and (r, c + colspan) not in taken:
                colspan += 1
            rowspan = 1
            while (
                r + rowspan < len(rows)
                and all(c + k < len(rows[r + rowspan]) and rows[r + rowspan][c + k] is None for k in range(colspan))
                and (c == 0 or rows[r + rowspan][c - 1] is None or (r + rowspan, c - 1) in taken)
            ):
                rowspan += 1
            for i in range(rowspan):
                for k in range(colspan):
                    taken.add((r + i, c + k))
            value = cell_text(text)
            cells.append(
                value
                if colspan == rowspan == 1
                else {"text": value, **({"colspan": colspan} if colspan > 1 else {}), **({"rowspan": rowspan} if rowspan > 1 else {})}
            )
        out.append(cells)
    return out


def _table(pieces: list[RawTable]) -> dict[str, Any]:
    """One table from the pieces a page break cut: the header rows are those every piece starts with."""
    first = pieces[0].rows
    heads = 1
    if len(pieces) > 1:
        heads = 0
        while heads < len(first) and all(len(p.rows) > heads and p.rows[heads] == first[heads] for p in pieces[1:]):
            heads += 1
        heads = max(heads, 1)
    rows = list(first[heads:])
    for piece in pieces[1:]:
        rows += piece.rows[heads:]
    return {"header": _spans(first[:heads]), "rows": _spans(rows)}


def attachments(raw: list[RawTable], lines: list[Line], after: tuple[int, float], data: dict[str, Any]) -> list[Line]:
    """The annexes printed after ``after`` (page, top) up to the next part, into ``data["attachments"]``; the lines used."""
    region = [ln for ln in lines if (ln.page, ln.top) > after and not is_page_number(ln.text)]
    end = next((i for i, ln in enumerate(region) if _PART.match(squash(ln.text))), len(region))
    region = region[:end]
    if not region:
        return []
    stop = (region[-1].page, region[-1].top + 1)
    tables = [t for t in raw if after < (t.page, t.top) < stop]
    body_font = Counter(ln.font for ln in region).most_common(1)[0][0]
    left, right = min(ln.x0 for ln in region), max(ln.x1 for ln in region)
    middle = (left + right) / 2
    items: list[tuple[tuple[int, float], Any]] = [((ln.page, ln.top), ln) for ln in region] + [((t.page, t.top), t) for t in tables]
    items.sort(key=lambda it: it[0])
    out: list[dict[str, Any]] = []
    text: list[Line] = []

    body = [ln for ln in region if ln.font == body_font]
    margin = min((ln.x0 for ln in body), default=left)

    def flush() -> None:
        if not text or not out:
            text.clear()
            return
        paragraphs: list[str] = []
        for i, ln in enumerate(text):
            if not paragraphs or ln.x0 - margin > INDENT[0] or _ends(text[i - 1], right):
                paragraphs.append("")
            paragraphs[-1] += squash(ln.text)
        out[-1]["blocks"] += [{"p": p} for p in paragraphs]
        text.clear()

    pending: list[RawTable] = []
    titled = False  # the line before was a title's (a long title runs on to a second centred line)
    for _, item in items:
        if isinstance(item, RawTable):
            flush()
            titled = False
            if pending and item.page == pending[-1].page + 1 and item.rows[:1] == pending[0].rows[:1]:
                pending.append(item)
                continue
            if pending and out:
                out[-1]["blocks"].append({"table": _table(pending)})
            pending = [item]
            continue
        if pending and out:
            out[-1]["blocks"].append({"table": _table(pending)})
            pending = []
        ln = item
        if ln.font == body_font or not ln.font:
            text.append(ln)
            titled = False
            continue
        flush()
        if abs((ln.x0 + ln.x1) / 2 - middle) < CENTRED:
            if titled and out and not out[-1]["blocks"]:
                out[-1]["title"] += squash(ln.text)
            else:
                out.append({"title": squash(ln.text), "blocks": []})
            titled = True
            continue
        if out:
            out[-1]["blocks"].append({"heading": squash(ln.text)})
        titled = False
    flush()
    if pending and out:
        out[-1]["blocks"].append({"table": _table(pending)})
    if out:
        data["attachments"] = out
    return region if out else []
