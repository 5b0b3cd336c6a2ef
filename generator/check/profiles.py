"""Profile lint: every name a profile uses (facts, lists, tables, partials, text keys) exists for the report.

A mistake is reported at the profile's own file:line:col, with the nearest valid name.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Iterable

from generator.check.run import rule
from generator.errors import Issue, error
from generator.read.load import Loaded

_FIELD = re.compile(r"\{([A-Za-z0-9_.]+)\}")
OPEN = "*"
"""In a scope whose entries are unknown (an empty list), any field may be an entry's."""
TEMPLATE_KEYS = ("say", "item", "lead", "tail", "part", "title", "toc_title")
"""Keys of the outline whose values are sentence templates."""


def nearest(name: str, names: Iterable[str]) -> str:
    """ "，是不是“x”？" with the closest valid name, or "" when none is close."""
    match = difflib.get_close_matches(name, sorted(set(names)), n=1, cutoff=0.6)
    return f"；是不是“{match[0]}”？" if match else ""


@rule
def profile_names(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """Facts in sentence templates, lists, tables, partials and text keys the profile names, at the profile's lines."""
    if profile is None or profile.source is None:
        return
    from generator.present.kinds import vocabulary

    raw, positions = profile.source
    try:
        vocab = vocabulary(loaded.report, profile)
    except Exception:  # the data has errors of its own, reported by the other rules
        return
    texts = set(getattr(loaded.report, "texts", {}) or {}) | set(profile.texts)
    found: list[Issue] = []

    def bad(path: tuple[Any, ...], message: str) -> None:
        found.append(error(positions.pos(path), message, "profile_names"))

    def template(path: tuple[Any, ...], text: Any, scope: set[str]) -> None:
        if not isinstance(text, str) or OPEN in scope:
            return
        for name in _FIELD.findall(text):
            if name in vocab.facts or name in scope:
                continue
            if name.startswith("text.") and name[5:] not in texts:
                bad(path, f"模板配置引用的文字 texts.{name[5:]} 在数据文件和模板配置的 texts 中都没有{nearest(name[5:], texts)}")
            elif not name.startswith("text."):
                bad(path, f"模板配置引用了未知的数据项 {{{name}}}{nearest(name, [*vocab.facts, *scope])}")

    lists = dict(vocab.lists)
    families = {k.split(".", 1)[0] for k in vocab.facts if "." in k}

    def known_condition(name: str, scope: set[str]) -> bool:
        """A condition's fact, or one of a family set per entry present (has.econ.303 is there only when 303 is)."""
        return name in vocab.facts or name in scope or OPEN in scope or ("." in name and name.split(".", 1)[0] in families)

    scope_lists: dict[str, set[str]] = {}

    def blocks(path: tuple[Any, ...], items: Any, scope: set[str]) -> None:
        for j, b in enumerate(items if isinstance(items, list) else []):
            if not isinstance(b, dict):
                continue
            here = (*path, j)
            inner = scope
            if isinstance(b.get("list"), str):
                if b["list"] not in lists and b["list"] not in scope and OPEN not in scope:
                    bad((*here, "list"), f"模板配置引用了未知的列表 {b['list']}{nearest(b['list'], [*lists, *scope])}")
                inner = scope | set(lists.get(b["list"], [])) | set(scope_lists.get(b["list"], []))
                if not lists.get(b["list"]) and not scope_lists.get(b["list"]):
                    inner = inner | {OPEN}  # an empty list: its entries' fields are not known here
            if isinstance(b.get("table"), str) and b["table"] not in vocab.tables:
                bad((*here, "table"), f"模板配置引用了未知的表格 {b['table']}{nearest(b['table'], vocab.tables)}")
            for key in ("forms", "chart", "partial"):
                if isinstance(b.get(key), str) and key != "partial" and b[key] not in vocab.partials:
                    bad((*here, key), f"模板配置引用了未知的{'图表' if key == 'chart' else '表单'} {b[key]}{nearest(b[key], vocab.partials)}")
            if isinstance(b.get("text"), str) and b["text"] not in texts:
                bad((*here, "text"), f"模板配置引用的文字 texts.{b['text']} 在数据文件和模板配置的 texts 中都没有{nearest(b['text'], texts)}")
            for key in TEMPLATE_KEYS:
                template((*here, key), b.get(key), inner if key == "item" else scope)
            for key in ("when", "unless"):
                name = b.get(key)
                if isinstance(name, str) and not known_condition(name, scope):
                    bad((*here, key), f"模板配置的条件引用了未知的数据项 {name}{nearest(name, [*vocab.facts, *scope])}")
            blocks((*here, "items"), b.get("items"), scope)
            blocks((*here, "after"), b.get("after"), scope)

    def nodes(path: tuple[Any, ...], items: Any, scope: set[str]) -> None:
        for i, n in enumerate(items if isinstance(items, list) else []):
            if not isinstance(n, dict):
                continue
            here = (*path, i)
            inner = scope
            if isinstance(n.get("each"), str):
                each = n["each"]
                if each not in lists:
                    bad((*here, "each"), f"模板配置引用了未知的列表 {each}{nearest(each, lists)}")
                inner = scope | set(lists.get(each, []))
                if not lists.get(each):
                    inner = inner | {OPEN}  # no entries: their fields are not known here
                # an entry's own lists are named <list>.<i>.<name>
                for key, fields in lists.items():
                    parts = key.split(".", 2)
                    if len(parts) == 3 and parts[0] == each:
                        inner = inner | {parts[2]}
                        scope_lists.setdefault(parts[2], set()).update(fields)
            for key in ("part", "title", "toc_title"):
                template((*here, key), n.get(key), inner)
            for key in ("when", "unless"):
                name = n.get(key)
                if isinstance(name, str) and not known_condition(name, inner):
                    bad((*here, key), f"模板配置的条件引用了未知的数据项 {name}{nearest(name, [*vocab.facts, *inner])}")
            blocks((*here, "body"), n.get("body"), inner)
            nodes((*here, "sections"), n.get("sections"), inner)

    nodes(("outline",), raw.get("outline"), set())
    template(("title",), raw.get("title"), set())
    for i, line in enumerate(raw.get("cover_lines") or []):
        template(("cover_lines", i), line, set())
    for key in ("table_titles", "table_notes", "table_options"):
        for tid, value in (raw.get(key) or {}).items():
            if tid not in vocab.tables and tid not in vocab.partials:
                bad((key, tid), f"模板配置 {key} 中的表格 {tid} 不存在{nearest(tid, [*vocab.tables, *vocab.partials])}")
            if key == "table_titles":
                template((key, tid), value, set())
            if key == "table_notes":
                for j, note in enumerate(value or []):
                    template((key, tid, j), note, set())
    yield from found
