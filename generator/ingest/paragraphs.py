"""Where a paragraph starts in the running text: an indented first line, a heading, a centred line.

Reports set running text with a first-line indent (two characters); a continuation line starts at
the left margin. The margin is the most common left edge of the document's longer lines. Headings
(numbered, short, without clause marks) and centred lines (titles, "单位：万元") stand alone.
"""

from __future__ import annotations

import re
from collections import Counter

from generator.ingest.cells import squash
from generator.ingest.pdf import Line

INDENT = (6.0, 80.0)
"""A first line stands this far right of the margin (points): from half a character to some six."""
_LABEL = re.compile(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[.、]|[(（]\d{1,2}[)）])")


def is_heading(text: str) -> bool:
    """A numbered heading: a label, at most 40 characters, no clause mark."""
    t = squash(text)
    return bool(_LABEL.match(t)) and len(t) <= 40 and not any(ch in t for ch in "。；，：")


def margin(lines: list[Line]) -> float:
    edges = Counter(round(ln.x0) for ln in lines if len(squash(ln.text)) >= 10)
    return float(edges.most_common(1)[0][0]) if edges else 0.0


def paragraph_starts(lines: list[Line]) -> set[int]:
    """The indexes of ``lines`` that start a paragraph (the first line always does)."""
    left = margin(lines)
    starts = {0} if lines else set()
    alone_before = False
    for i, line in enumerate(lines):
        shift = line.x0 - left
        alone = shift > INDENT[1] or is_heading(line.text)
        if alone or alone_before or shift > INDENT[0]:
            starts.add(i)
        alone_before = alone
    return starts
