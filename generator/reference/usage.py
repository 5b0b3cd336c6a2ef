"""Which tables, sections and facts each data key feeds, found by experiment on the example reports.

Each key of an example file is changed in turn (an amount by one, a text by a marker, a switch
flipped) and the report composed again: the tables whose rows, the sections whose sentences and the
facts whose values differ from the unchanged report are the ones that key feeds.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.compare import table_rows
from generator.compute.units import department_of
from generator.errors import Pos, UserError
from generator.present.document import Document, Paragraph, Partial
from generator.present.kinds import build_document
from generator.present.profile import for_report, load_profile
from generator.read.load import load_report
from generator.read.sources import load_file
from generator.read.validate import to_report
from generator.render.outline import Text, partial_items

MARK = "〔试〕"
SKIPPED = {"profile", "kind", "unit", "year", "code", "accept", "review", "rule", "reason"}
"""Keys not changed in the experiment: they choose the layout or identify a row rather than feed a figure."""


@dataclass
class Usage:
    tables: set[str] = field(default_factory=set)
    sections: set[str] = field(default_factory=set)
    facts: set[str] = field(default_factory=set)
    example: str = ""
    example_file: str = ""


def pattern(path: tuple[str | int, ...]) -> str:
    """A concrete key path as a pattern: list positions become [] (expenditure[].basic)."""
    text = ""
    for part in path:
        text += "[]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _leaves(raw: Any, path: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], Any]]:
    if isinstance(raw, dict):
        return [leaf for k, v in raw.items() for leaf in _leaves(v, (*path, k))]
    if isinstance(raw, list):
        return [leaf for i, v in enumerate(raw) for leaf in _leaves(v, (*path, i))]
    return [(path, raw)]


def _changed(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, Decimal)):
        return value + 1
    if isinstance(value, str):
        return value + MARK
    return None


def _set(raw: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(raw)
    target: Any = out
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return out


def section_texts(doc: Document) -> dict[str, str]:
    """The sentences of each section (headings included), by the section's heading."""
    out: dict[str, str] = {}
    for part, section in doc.sections():
        heading = f"{part.number} {part.title}".strip() if section is None else f"{section.number}{section.title}"
        texts = [heading]
        for b in part.blocks if section is None else section.blocks:
            if isinstance(b, Paragraph):
                texts.append(f"{b.label}{b.text}")
            elif isinstance(b, Partial):
                texts += [f"{i.label}{i.text}" for i in partial_items(b) if isinstance(i, Text)]
        out[re.sub(r"\s+", " ", heading)] = "\n".join(texts)
    return out


def _changed_sections(before: dict[str, str], after: dict[str, str]) -> set[str]:
    """Headings (as the unchanged report prints them) of the sections whose text differs; sections are matched in order."""
    if len(before) != len(after):
        return {s for s, t in after.items() if t != before.get(s)} & set(before) | (set(before) - set(after))
    return {old for (old, a), b in zip(before.items(), after.values()) if a != b}


def _shown(value: Any) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value).lower() if isinstance(value, bool) else str(value)


def usage_of(path: Path, found: dict[str, Usage]) -> None:
    """Add what each key of the data file ``path`` feeds to ``found`` (keyed by pattern)."""
    base = load_report(path)
    profile = for_report(load_profile(base.report.profile, Pos(str(path), 1, 1)), base.report)
    raw, positions = load_file(path)

    def compose(data: dict[str, Any]) -> Document:
        report = department_of(to_report(data, positions))
        if report.previous is None:
            report = report.model_copy(update={"previous": base.report.previous})
        return build_document(report, profile)

    reference = compose(raw)
    rows, sections = table_rows(reference), section_texts(reference)
    tried: set[str] = set()
    for leaf, value in _leaves(raw):
        key = pattern(leaf)
        entry = found.setdefault(key, Usage())
        if not entry.example and value not in (None, "") and not (isinstance(value, str) and len(value) > 60):
            entry.example, entry.example_file = _shown(value), path.name
        if key in tried or any(isinstance(p, str) and p in SKIPPED for p in leaf[-1:]):
            continue
        tried.add(key)
        new = _changed(value)
        if new is None:
            continue
        try:
            doc = compose(_set(raw, leaf, new))
        except (UserError, ValueError, ArithmeticError):
            continue  # the changed value is not a valid report: nothing to learn from it
        entry.tables |= {t for t, r in table_rows(doc).items() if r != rows.get(t)}
        entry.sections |= _changed_sections(sections, section_texts(doc))
        entry.facts |= {n for n in set(doc.figures) | set(reference.figures) if doc.figures.get(n) != reference.figures.get(n)}


def usages(files: list[Path]) -> dict[str, dict[str, Usage]]:
    """What each key feeds, by kind of report (budget, final) and key pattern."""
    found: dict[str, dict[str, Usage]] = {}
    for f in files:
        kind = "final" if f.stem.endswith("-final") else "budget"
        usage_of(f, found.setdefault(kind, {}))
    return found
