"""The classification code lists shipped with the toolkit, with names by year."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ruamel.yaml import YAML

HERE = Path(__file__).parent


@dataclass(frozen=True)
class CodeEntry:
    code: str
    name: str
    desc: str | None
    since: int | None
    until: int | None
    renamed: tuple[tuple[int, str], ...]
    """(last year used, old name), oldest first."""

    def name_in(self, year: int) -> str:
        for until, old in self.renamed:
            if year <= until:
                return old
        return self.name

    def valid_in(self, year: int) -> bool:
        return (self.since is None or year >= self.since) and (self.until is None or year <= self.until)


@dataclass(frozen=True)
class CodeList:
    kind: str
    entries: dict[str, CodeEntry]

    def get(self, code: str) -> CodeEntry | None:
        return self.entries.get(code)

    def name(self, code: str, year: int) -> str | None:
        entry = self.entries.get(code)
        return entry.name_in(year) if entry else None


def _entry(code: str, raw: dict) -> CodeEntry:
    renamed = tuple(sorted((int(r["until"]), str(r["name"])) for r in raw.get("renamed", [])))
    return CodeEntry(
        code=code,
        name=str(raw["name"]),
        desc=raw.get("desc"),
        since=raw.get("since"),
        until=raw.get("until"),
        renamed=renamed,
    )


@lru_cache(maxsize=None)
def load(kind: str) -> CodeList:
    """``kind`` is "function" (支出功能分类) or "economic" (部门预算支出经济分类)."""
    data = YAML(typ="safe").load((HERE / f"{kind}.yaml").read_text(encoding="utf-8"))
    return CodeList(kind, {str(code): _entry(str(code), raw) for code, raw in data["codes"].items()})


def parent(code: str) -> str | None:
    """2010301 → 20103 → 201 → None (function); 30101 → 301 (economic)."""
    if len(code) == 7:
        return code[:5]
    if len(code) == 5:
        return code[:3]
    return None
