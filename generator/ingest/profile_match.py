"""Which shipped profile prints a layout like the one read: its table titles and section titles found."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.errors import Pos
from generator.ingest.cells import squash
from generator.ingest.tables import Table
from generator.present.profile import Profile, load_profile, profile_names

MIN_SCORE = 6
"""Fewer titles in common than this: the layout is not one of ours (a skeleton profile is written)."""


@dataclass
class Match:
    name: str
    score: int
    profile: Profile | None


_FIELD = re.compile(r"\{[A-Za-z0-9_.]+\}")


def _titles(profile: Profile) -> list[re.Pattern[str]]:
    """Every table title, part and section title of the profile as a pattern: a ``{fact}`` in it stands for any short text."""
    out = [t for t in profile.table_titles.values() if t]

    def nodes(ns: list) -> None:
        for n in ns:
            out.extend(t for t in (n.part, n.title) if t)
            nodes(n.sections)

    nodes(profile.outline)
    patterns = []
    for title in dict.fromkeys(out):
        pieces = _FIELD.split(squash(title))
        if sum(len(p) for p in pieces) >= 4:
            patterns.append(re.compile(".{0,40}?".join(re.escape(p) for p in pieces)))
    return patterns


def best_profile(kind: str, tables: list[Table], body: str) -> Match:
    """The profile of ``kind`` sharing most titles with the document (ties: the first by name)."""
    table_titles = " ".join(squash(t.title) for t in tables)
    best = Match("", 0, None)
    for name in profile_names(kind):
        profile = load_profile(name, Pos(name, 1, 1))
        score = sum(1 for t in _titles(profile) if t.search(body) or t.search(table_titles))
        if score > best.score:
            best = Match(name, score, profile)
    return best


def skeleton_profile(kind: str, tables: list[Table]) -> str:
    """A profile to start from for an unknown layout: the standard tables in the order they were found."""
    lines = ["# 由 disclosure import 生成的模板配置草稿：表格顺序与标题取自所读文件，正文句式待补充。", f"kind: {kind}", "table_titles:"]
    seen = []
    for t in tables:
        if t.kind and t.kind not in seen:
            seen.append(t.kind)
            lines.append(f'  {t.kind}: "{squash(t.title)}"')
    lines += ["outline:", '  - part: "{department}{year}年部门' + ("决算" if kind == "final" else "预算") + '表"', "    sections:"]
    for t in tables:
        if t.kind and t.kind in seen:
            seen.remove(t.kind)
            lines.append(f'      - {{title: "{squash(t.title)}", body: [{{table: {t.kind}}}]}}')
    return "\n".join(lines) + "\n"
