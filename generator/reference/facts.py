"""What each fact name means (``facts.yaml`` beside this module), and the facts of the example reports."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load((files("generator.reference") / "facts.yaml").read_text(encoding="utf-8"))


def fact_meaning(name: str) -> str:
    """The meaning of a fact, or "" when it is not documented."""
    table = _table()
    if name in table["names"]:
        return str(table["names"][name])
    family, _, member = name.partition(".")
    kind = str(table["families"].get(family, ""))
    if not kind or not member:
        return ""
    if kind.startswith("any "):
        return kind.removeprefix("any ")
    what = table["members"].get(member)
    return f"{kind.rstrip('。')}：{what}" if what else ""


def example_facts(files_: list[Path]) -> dict[str, tuple[str, str]]:
    """Every fact of the example reports: name → (a value, the example file it comes from); non-empty values first."""
    from generator.build import prepare

    found: dict[str, tuple[str, str]] = {}
    for path in files_:
        doc, _ = prepare(path)
        for name, value in doc.figures.items():
            if name not in found or (not found[name][0] and value):
                found[name] = (value, f"{path.parent.name}/{path.name}")
    return dict(sorted(found.items()))
