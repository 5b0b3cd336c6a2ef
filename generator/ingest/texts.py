"""Texts a report prints outside its sentence templates: department, year, kind, duties, composition."""

from __future__ import annotations

import re
from typing import Any

from generator.ingest.cells import squash
from generator.ingest.pdf import Line
from generator.zh.ordinals import number

_HEADING = re.compile(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
_DEPT = re.compile(r"(?:编制部门|预算单位|部门/单位|单位名称|部门)[:：]\s*(.+?)(?:\s*单位[:：].*)?$")
_COVER = re.compile(r"^(.{4,40}?)20\d{2}年度?部门(?:预算|决算)$")
"""The cover's title: the department's full name, the year, 部门预算 or 部门决算."""
_YEAR = re.compile(r"(20\d{2})\s*年")
DUTY_STYLES = ("cn_paren", "arabic_dot", "arabic_dun", "arabic_paren", "cn_dun")
DUTY_HEADS = ("主要职能", "主要职责", "部门职责", "职能职责")
COMPOSITION_HEADS = ("单位构成", "机构设置", "部门构成")


def meta(lines: list[Line], titles: list[str]) -> dict[str, Any]:
    """Department, year and kind of report from the cover, the table titles and their head lines."""
    text = " ".join(ln.text for ln in lines[:60]) + " " + " ".join(titles)
    kind = "final" if text.count("决算") > text.count("预算") / 3 and "决算" in text else "budget"
    years = [int(y) for y in _YEAR.findall(" ".join(titles) or text) if 1990 <= int(y) <= 2100]
    if not years:
        years = [int(y) for y in _YEAR.findall(text) if 1990 <= int(y) <= 2100] or [int(m) for m in re.findall(r"\b(20\d{2})\b", text)]
    names = [squash(m.group(1)) for ln in lines for m in [_DEPT.search(ln.text)] if m]
    parts = [m.group(1) for ln in lines for m in [re.match(r"^第一部分(.{4,40}?)(?:概况|基本情况)", squash(ln.text))] if m]
    covers = [m.group(1) for ln in lines[:10] for m in [_COVER.match(squash(ln.text))] if m and not _HEADING.match(m.group(1))]
    name = ""
    if covers:
        name = covers[0]
    elif parts:
        name = max(set(parts), key=parts.count)
    elif names:
        name = max(set(names), key=names.count)
    out: dict[str, Any] = {"kind": kind, "department": name}
    table_name = max(set(names), key=names.count) if names else ""
    if name and table_name and table_name != name and not name.startswith(table_name):
        out["table_name"] = table_name
    if years:
        out["year"] = max(set(years), key=years.count)
    return out


def _is_heading(t: str) -> bool:
    if t.startswith("第") and "部分" in t[:6]:
        return True
    return bool(_HEADING.match(t)) and len(t) <= 25 and not any(ch in t for ch in "。；，：")


def _section(lines: list[Line], heads: tuple[str, ...]) -> tuple[list[Line], int]:
    """The lines of the last section titled by one of ``heads`` (the table of contents lists it first)."""
    best: list[Line] = []
    page = 0
    for k, line in enumerate(lines):
        s = squash(line.text)
        title = _HEADING.sub("", s)
        if len(title) > 30 or not any(title.endswith(h) or title.endswith(h + "情况") for h in heads):
            continue
        body = []
        for nxt in lines[k + 1 :]:
            t = squash(nxt.text)
            if _is_heading(t):
                break
            if re.fullmatch(r"[-－—\s]*\d{1,3}[-－—\s]*", nxt.text):
                continue
            body.append(nxt)
        if body and len(squash("".join(b.text for b in body))) >= 4:
            best, page = body, line.page
    return best, page


def _markers(text: str, style: str) -> list[int]:
    at, n = 0, 1
    out: list[int] = []
    while True:
        label = number(style, n)
        pos = text.find(label, at)
        if pos < 0:
            return out
        if style.startswith("arabic") and pos > 0 and (text[pos - 1].isdigit() or text[pos - 1] == "."):
            at = pos + 1
            continue
        out.append(pos)
        at, n = pos + len(label), n + 1


def duties(lines: list[Line]) -> tuple[dict[str, Any], list[Line]]:
    """The duties paragraph split into its numbered items (the intro before the first), and the lines used."""
    body, _ = _section(lines, DUTY_HEADS)
    text = "".join(ln.text.strip() for ln in body)
    if not text:
        return {}, []
    style, marks = max(((s, _markers(text, s)) for s in DUTY_STYLES), key=lambda x: len(x[1]))
    if len(marks) < 2:
        return {"duties": [text]}, body
    items = [text[a + len(number(style, i + 1)) : b].strip() for i, (a, b) in enumerate(zip(marks, marks[1:] + [len(text)]))]
    out: dict[str, Any] = {"duties": items, "duties_numbering": style}
    intro = text[: marks[0]].strip()
    if intro:
        out["duties_intro"] = intro
    return out, body


def composition(lines: list[Line]) -> tuple[str, list[Line]]:
    body, _ = _section(lines, COMPOSITION_HEADS)
    text = "".join(ln.text.strip() for ln in body)
    return text, body
