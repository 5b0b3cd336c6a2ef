"""What changed between two versions of a report: leaf data, computed figures, sentences, table rows.

Both versions go through the whole pipeline (load, check, compute, present); the comparison is of
what each one says, so a changed leaf shows with every total, share and sentence that depends on it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from generator.present.document import Document, Paragraph, Partial
from generator.read.drafts import dotted
from generator.render.layout import table_heading
from generator.render.outline import Text, partial_items


@dataclass(frozen=True)
class Changed:
    name: str
    old: str
    new: str


@dataclass(frozen=True)
class RowChange:
    table: str
    sign: str
    """"-" for a row only the old version has, "+" for a row only the new one has."""
    cells: tuple[str, ...]


@dataclass
class Changes:
    leaves: list[Changed] = field(default_factory=list)
    figures: list[Changed] = field(default_factory=list)
    sentences: list[Changed] = field(default_factory=list)
    rows: list[RowChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.leaves or self.figures or self.sentences or self.rows)


def leaves(raw: Any, path: tuple[str | int, ...] = ()) -> dict[str, Any]:
    """Every leaf value of a loaded data file by its key path (expenditure[2].basic)."""
    if isinstance(raw, dict):
        out: dict[str, Any] = {}
        for key, value in raw.items():
            out.update(leaves(value, path + (key,)))
        return out
    if isinstance(raw, list):
        out = {}
        for i, value in enumerate(raw):
            out.update(leaves(value, path + (i,)))
        return out
    return {dotted(path): raw}


def shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def sentences(doc: Document) -> list[str]:
    """Every sentence of the report in reading order: paragraphs, and the text of duties, glossary and annexes."""
    out: list[str] = []
    for part, section in doc.sections():
        heading = f"{part.number} {part.title}".strip() if section is None else f"{section.number}{section.title}"
        out.append(heading)
        for b in part.blocks if section is None else section.blocks:
            if isinstance(b, Paragraph):
                out.append(f"{b.label}{b.text}")
            elif isinstance(b, Partial):
                out += [f"{i.label}{i.text}" for i in partial_items(b) if isinstance(i, Text)]
    return out


def table_rows(doc: Document) -> dict[str, list[tuple[str, ...]]]:
    """Each numbered table's body rows as printed, by the table's heading."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for block in doc.tables():
        out[table_heading(block) or block.id] = [tuple(c.text for c in row) for grid in block.grids for row in grid.rows]
    return out


def compare(old_raw: dict[str, Any], old: Document, new_raw: dict[str, Any], new: Document) -> Changes:
    changes = Changes()
    a, b = leaves(old_raw), leaves(new_raw)
    for key in list(a) + [k for k in b if k not in a]:
        if shown(a.get(key)) != shown(b.get(key)) or (key in a) != (key in b):
            changes.leaves.append(Changed(key, shown(a.get(key)) if key in a else "（无）", shown(b.get(key)) if key in b else "（无）"))
    for name in sorted(set(old.figures) | set(new.figures)):
        if name.startswith("text."):
            continue  # a paragraph written in the data file: already a changed leaf
        before, after = old.figures.get(name), new.figures.get(name)
        if before != after:
            changes.figures.append(Changed(name, before if before is not None else "（无）", after if after is not None else "（无）"))
    s_old, s_new = sentences(old), sentences(new)
    matcher = difflib.SequenceMatcher(a=s_old, b=s_new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        olds, news = s_old[i1:i2], s_new[j1:j2]
        for k in range(max(len(olds), len(news))):
            changes.sentences.append(Changed("", olds[k] if k < len(olds) else "", news[k] if k < len(news) else ""))
    r_old, r_new = table_rows(old), table_rows(new)
    for table in list(r_old) + [t for t in r_new if t not in r_old]:
        rows_a, rows_b = r_old.get(table, []), r_new.get(table, [])
        rows_matcher = difflib.SequenceMatcher(a=rows_a, b=rows_b, autojunk=False)
        for op, i1, i2, j1, j2 in rows_matcher.get_opcodes():
            if op == "equal":
                continue
            changes.rows += [RowChange(table, "-", r) for r in rows_a[i1:i2]]
            changes.rows += [RowChange(table, "+", r) for r in rows_b[j1:j2]]
    return changes
