"""The glossary (名词解释): fixed entries from a versioned file plus entries generated from codes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from generator.codes import load as load_codes
from generator.present.compose import ProfileError
from generator.zh.ordinals import number


@dataclass(frozen=True)
class GlossaryEntry:
    label: str
    term: str
    text: str
    items: list[tuple[str, str, str]]
    """Sub-entries: (label, title, text)."""


def function_items(codes: list[str], year: int, names: dict[str, str]) -> list[tuple[str, str, str]]:
    """本部门使用的支出功能分类科目（到项级）: one entry per 项 used, named 类（类）款（款）项（项）."""
    lst = load_codes("function")
    out = []
    for i, code in enumerate(sorted(set(codes))):
        parts = []
        for prefix, kind in ((code[:3], "类"), (code[:5], "款"), (code, "项")):
            name = lst.name(prefix, year) or names.get(prefix, prefix)
            if kind == "类" and name.endswith("支出"):
                name = name[:-2]
            parts.append(f"{name}（{kind}）")
        entry = lst.get(code)
        out.append((number("arabic_dot", i + 1), "".join(parts), (entry.desc if entry and entry.desc else "")))
    return out


def load_glossary(path: Path, style: str, codes: list[str], year: int, names: dict[str, str]) -> list[GlossaryEntry]:
    if not path.is_file():
        raise ProfileError(f"找不到名词解释文件 {path}")
    raw = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or []
    entries = []
    for i, item in enumerate(raw):
        generated = item.get("generated")
        subs: list[tuple[str, str, str]] = []
        if generated == "function_items":
            subs = function_items(codes, year, names)
        elif item.get("items"):
            subs = [(number("arabic_dot", j + 1), str(t), "") for j, t in enumerate(item["items"])]
        entries.append(GlossaryEntry(number(style, i + 1), str(item["term"]), str(item.get("text", "")), subs))
    return entries
