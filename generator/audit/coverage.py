"""What the audit could not check: lines of running text with figures that no sentence template reads
(nor a chart whose labels the audit reads)."""

from __future__ import annotations

import re

from generator.audit.charts import chart_lines
from generator.audit.reading import Reading
from generator.ingest.cells import squash
from generator.ingest.pdf import is_page_number
from generator.ingest.run import Imported

_FIGURE = re.compile(r"\d\.\d+|\d\s*%")


def unread_lines(imported: Imported, reading: Reading | None) -> list[tuple[int, str]]:
    """Each line (page, text) printing an amount or a percentage outside every sentence read."""
    covered = bytearray(len(imported.body.text))
    for f in reading.found if reading is not None else []:
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)
    out: list[tuple[int, str]] = []
    offset = 0
    charted = {id(line) for line in chart_lines(imported.source.lines)}
    for line in imported.source.lines:
        if is_page_number(line.text):
            continue
        text = squash(line.text)
        start, offset = offset, offset + len(text)
        if _FIGURE.search(text) and sum(covered[start:offset]) < len(text) / 2 and id(line) not in charted:
            out.append((line.page, line.text.strip()))
    return out
