"""Where a paragraph starts in the running text: an indented first line, a heading, a centred line.

Reports set running text justified, with a first-line indent (two characters): a continuation line
starts at the left margin, and a paragraph's last line ends short of the right one, with a closing mark. A page's margins
come from its longer lines. Headings (numbered, short, without clause marks) and centred lines
(titles, "单位：万元") stand alone.
"""

from __future__ import annotations

import re
from collections import Counter

from generator.ingest.cells import squash
from generator.ingest.pdf import Line

INDENT = (8.0, 80.0)
"""A first line stands this far right of the margin (points): from some two thirds of a character to some six."""
SHORT = 18.0
"""A line ending this far short of the right margin (points, some two characters) with a closing mark (or a heading)
ends its paragraph; without one it is a line cut short by a number or word that did not fit."""
HALF = 0.6
"""A line ending before this share of the text width ends its paragraph whatever its last mark (a number that did not
fit takes a few characters, not half a line), but for a colon: "主要原因：" may be followed by a line break of its own."""
CLOSING = "。；！？”）)"
_LABEL = re.compile(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[.、]|[(（]\d{1,2}[)）])")


def is_heading(text: str) -> bool:
    """A numbered heading: a label, at most 40 characters, no clause mark."""
    t = squash(text)
    return bool(_LABEL.match(t)) and len(t) <= 40 and not any(ch in t for ch in "。；，：")


def _left(lines: list[Line]) -> float | None:
    """The most common left edge of the lines (rounded)."""
    edges = Counter(round(ln.x0) for ln in lines)
    return float(edges.most_common(1)[0][0]) if edges else None


def margins(lines: list[Line]) -> dict[int, tuple[float, float]]:
    """Each page's left and right margin, from its longer lines: their most common left edge, their farthest right edge.
    A page whose paragraphs are all one line long shows only indented lines: it takes the document's left margin."""
    long = [ln for ln in lines if len(squash(ln.text)) >= 10]
    whole = _left(long)
    out: dict[int, tuple[float, float]] = {}
    for page in {ln.page for ln in long}:
        own = [ln for ln in long if ln.page == page]
        left = _left(own) or 0.0
        if whole is not None and 0 < left - whole <= INDENT[1] / 2:
            left = whole
        out[page] = (left, max(ln.x1 for ln in own))
    return out


def paragraphs(lines: list[Line]) -> list[str]:
    """The lines' text as paragraphs, cut where ``paragraph_starts`` finds one starting."""
    starts = paragraph_starts(lines)
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in starts or not out:
            out.append("")
        out[-1] += squash(line.text)
    return out


def paragraph_starts(lines: list[Line]) -> set[int]:
    """The indexes of ``lines`` that start a paragraph (the first line always does; so does the first line of a page
    set with other margins, such as a landscape table's)."""
    edges = margins(lines)
    starts = {0} if lines else set()
    ended = False
    for i, line in enumerate(lines):
        left, right = edges.get(line.page, (line.x0, line.x1))
        shift = line.x0 - left
        turned = i > 0 and line.page != lines[i - 1].page and abs(left - edges.get(lines[i - 1].page, (left, 0))[0]) > 3
        heading = is_heading(line.text)
        if ended or turned or heading or shift > INDENT[0]:
            starts.add(i)
        short = line.x1 > 0 and right - line.x1 > SHORT
        half = line.x1 > 0 and line.x1 - left < HALF * (right - left) and not squash(line.text).endswith(("：", ":"))
        ended = shift > INDENT[1] or half or short and (heading or squash(line.text)[-1:] in CLOSING)
    return starts
