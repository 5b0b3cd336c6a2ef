"""Counts a sentence prints against the entries printed after it: ``count.<list>`` is the number of
entries of ``<list>`` (the facts define it so), e.g. "由机关及下属3个二级单位组成。二级单位包括：1.… 2.…".

Only numbered lists are judged: their entries are read while the numbering runs on (1. 2. 3. …),
so the entries read are all the entries printed, and a count that differs is the document's error.
"""

from __future__ import annotations

from generator.audit.context import Context, finding
from generator.audit.finding import Finding
from generator.audit.numbers import shown
from generator.ingest.sentences import Found, specs

PREFIX = "count."


def _numbered_lists(ctx: Context) -> set[str]:
    return {s.list_name for s in specs(ctx.reading.profile) if s.list_name and s.style and not s.inline}


def _entries_after(found: list[Found], lead: Found, list_name: str) -> int:
    """How many entries of the list follow the lead sentence, before any other sentence read."""
    following = sorted((f for f in found if f.start >= lead.end), key=lambda f: f.start)
    count = 0
    for f in following:
        if f.list_name != list_name:
            break
        count += 1
    return count


def count_findings(ctx: Context, found: list[Found]) -> list[Finding]:
    numbered = _numbered_lists(ctx)
    out: list[Finding] = []
    for f in found:
        if f.list_name:
            continue
        for name, text in f.fields.items():
            listed = name.removeprefix(PREFIX)
            printed = shown(text)
            if not name.startswith(PREFIX) or listed not in numbered or printed is None:
                continue
            entries = _entries_after(found, f, listed)
            if entries and printed.value != entries:
                out.append(finding(ctx, f, printed.text, str(entries), f"其后列出了 {entries} 个", "计数"))
    return out
