"""Where a paragraph starts in the running text: an indented first line, a heading, a centred line.

Reports set running text justified, with a first-line indent (two characters): a continuation line
starts at the left margin, and a paragraph's last line ends short of the right one. A page's margins
come from its longer lines. Headings (numbered, short, without clause marks) and centred lines
(titles, "单位：万元") stand alone.
"""

from __future__ import annotations

import re
from collections import Counter

from generator.ingest.cells import squash
from generator.ingest.pdf import Line

INDENT = (6.0, 80.0)
"""A first line stands this far right of the margin (points): from half a character to some six."""
SHORT = 18.0
"""A line ending this far short of the right margin (points, some two characters) ends its paragraph."""
_LABEL = re.compile(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[.、]|[(（]\d{1,2}[)）])")


def is_heading(text: str) -> bool:
    """A numbered heading: a label, at most 40 characters, no clause mark."""
    t = squash(text)
    return bool(_LABEL.match(t)) and len(t) <= 40 and not any(ch in t for ch in "。；，：")


def margins(lines: list[Line]) -> dict[int, tuple[float, float]]:
    """Each page's left and right margin: the most common left edge and the farthest right edge of its longer lines."""
    out: dict[int, tuple[float, float]] = {}
    for page in {ln.page for ln in lines}:
        long = [ln for ln in lines if ln.page == page and len(squash(ln.text)) >= 10]
        if long:
            left = Counter(round(ln.x0) for ln in long).most_common(1)[0][0]
            out[page] = (float(left), max(ln.x1 for ln in long))
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
        alone = shift > INDENT[1] or is_heading(line.text)
        turned = i > 0 and line.page != lines[i - 1].page and abs(left - edges.get(lines[i - 1].page, (left, 0))[0]) > 3
        if alone or ended or turned or shift > INDENT[0]:
            starts.add(i)
        ended = alone or (line.x1 > 0 and right - line.x1 > SHORT)
    return starts
