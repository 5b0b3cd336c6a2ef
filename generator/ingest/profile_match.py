"""Which shipped profile prints a layout like the one read: its table titles and section titles found."""

from __future__ import annotations

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


def _titles(profile: Profile) -> list[str]:
    out = [squash(t) for t in profile.table_titles.values() if t and "{" not in t]

    def nodes(ns: list) -> None:
        for n in ns:
            if n.title and "{" not in n.title:
                out.append(squash(n.title))
            nodes(n.sections)

    nodes(profile.outline)
    return [t for t in out if len(t) >= 4]


def best_profile(kind: str, tables: list[Table], body: str) -> Match:
    """The profile of ``kind`` sharing most titles with the document (ties: the first by name)."""
    table_titles = " ".join(squash(t.title) for t in tables)
    best = Match("", 0, None)
    for name in profile_names(kind):
        profile = load_profile(name, Pos(name, 1, 1))
        score = sum(1 for t in _titles(profile) if t in body or t in table_titles)
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
