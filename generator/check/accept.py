"""Warnings a department has looked at and keeps: the data file's ``accept`` list.

Each entry names a rule and gives the reason; ``at`` (a key path) or ``match`` (text of the message)
narrow it to one warning. An accepted warning is no longer printed nor counted, so the file passes
``check --strict``; an entry that accepts nothing (the warning is gone) is itself a warning, so the
list does not outlive its reasons. Errors cannot be accepted.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.errors import Issue, warning
from generator.read.drafts import parse_dotted
from generator.read.load import Loaded


@dataclass(frozen=True)
class Accepted:
    issue: Issue
    reason: str


def apply_acceptances(loaded: Loaded, issues: list[Issue]) -> tuple[list[Issue], list[Accepted]]:
    """The issues still to report, and the warnings the file's ``accept`` entries took away."""
    entries = list(getattr(loaded.report, "accept", []) or [])
    if not entries:
        return issues, []
    kept: list[Issue] = []
    accepted: list[Accepted] = []
    used = [False] * len(entries)
    for issue in issues:
        hit = None
        for n, entry in enumerate(entries):
            if _matches(loaded, entry, issue):
                hit = n
                break
        if hit is None or issue.is_error:
            kept.append(issue)
            if hit is not None:
                used[hit] = True
                kept.append(warning(loaded.positions.pos(("accept", hit)), f"accept[{hit + 1}]：错误不能确认，只能改正（{entries[hit].rule}）", "accept"))
            continue
        used[hit] = True
        accepted.append(Accepted(issue, entries[hit].reason))
    for n, entry in enumerate(entries):
        if not used[n]:
            what = f"{entry.rule}" + (f"（{entry.at}）" if entry.at else "") + (f"（含“{entry.match}”）" if entry.match else "")
            kept.append(warning(loaded.positions.pos(("accept", n)), f"accept 第 {n + 1} 项确认的警告 {what} 已不再出现，请删去这一项", "accept"))
    return kept, accepted


def _matches(loaded: Loaded, entry: object, issue: Issue) -> bool:
    rule = getattr(entry, "rule", "")
    at = getattr(entry, "at", None)
    match = getattr(entry, "match", None)
    if issue.rule != rule:
        return False
    if match and match not in issue.message:
        return False
    if at:
        spot = loaded.positions.pos(parse_dotted(at))
        if (spot.file, spot.line) != (issue.pos.file, issue.pos.line):
            return False
    return True
