"""Items carried over from last year's file that nobody has confirmed yet (``review``)."""

from __future__ import annotations

from typing import Any, Iterable

from generator.check.run import rule
from generator.errors import Issue, warning
from generator.read.drafts import parse_dotted
from generator.read.load import Loaded


@rule
def carried_over_unconfirmed(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """Each entry of ``review``: a warning at the item itself (or at the entry when the item is gone)."""
    for i, entry in enumerate(loaded.report.review):
        path = parse_dotted(entry)
        where = loaded.positions.pos(path) if path in loaded.positions.spots else loaded.positions.pos(("review", i))
        yield warning(where, f"{entry}：沿用上年的内容，尚待核对（核对或改写后，从 review 中删去这一项）", "review")
