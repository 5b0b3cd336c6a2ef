"""Which lines of the running text an import placed, and the list of those it did not.

A line is placed when most of its characters belong to something read or recognised:
a sentence matched by a template (its figures and texts went into the data file), a text taken
whole (duties, composition, a project's sections), the profile's own fixed wording (a table note,
a glossary entry), a heading of the profile's outline or a table title (also as a table-of-contents
entry), a table's furniture (单位：万元, 编制部门, 公开表 labels), a running header or footer (the
same line on three pages or more), a page number, or the cover (first page: department, year,
kind of report, date). Every other line is listed with its page: nothing is taken as a heading
only because it is short.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.ingest.cells import squash
from generator.ingest.pdf import Line, is_page_number
from generator.ingest.sentences import Body, Found
from generator.ingest.tables import Table
from generator.present.profile import Profile

"""Page numbers, left out of the body text as sentences.body_of leaves them out (the offsets must agree)."""
_NUMBERING = re.compile(
    r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d+[.、．]|（\d+）)"
)
_TOC = re.compile(r"^(.*?)[.…·．\-—]{2,}\d+$|^(.*?\D)\d{1,3}$")
_FURNITURE = re.compile(r"^(单位[:：]|金额单位[:：]|编制(部门|单位)[:：]|部门(名称)?[:：]|公开\d+表$|部门公开表\d+|附表\d|表\d+$|目录$)")
_DATE = re.compile(r"20\d{2}年(\d{1,2}月(\d{1,2}日)?)?")
_FACT = re.compile(r"\{[A-Za-z0-9_.]+\}")
MIN_LITERAL = 4
"""A matched template places its lines only if it has this many characters of its own."""
COVER_PAGES = 2
REPEATED = 3
"""A line printed on this many pages or more is a running header or footer."""


@dataclass
class Known:
    """What the profile and the tables let a line be recognised as."""

    headings: list[re.Pattern[str]]
    fixed: list[str]
    department: str
    year: str


def _pattern(template: str, known: dict[str, str]) -> re.Pattern[str]:
    s = squash(template)
    for name, value in known.items():
        s = s.replace("{" + name + "}", squash(value))
    parts = _FACT.split(s)
    return re.compile("^" + ".+?".join(re.escape(p) for p in parts) + "$")


def _titles(profile: Profile | None) -> list[str]:
    out: list[str] = []
    if profile is None:
        return out

    def nodes(ns: list[Any]) -> None:
        for n in ns:
            for t in (n.part, n.title, n.toc_title):
                if t:
                    out.append(t)
            nodes(n.sections)

    nodes(profile.outline)
    out.extend(t for t in profile.table_titles.values() if t)
    return out


def _fixed(profile: Profile | None, known: dict[str, str]) -> list[str]:
    """Texts a profile prints as they are: table notes and the glossary."""
    out: list[str] = []
    if profile is None:
        return out
    for notes in profile.table_notes.values():
        for note in notes or []:
            text = squash(str(note))
            for name, value in known.items():
                text = text.replace("{" + name + "}", squash(value))
            if "{" not in text:
                out.append(text)
    if profile.glossary:
        out.extend(_glossary(profile.glossary))
    return [t for t in out if len(t) >= 6]


def _glossary(name: str) -> list[str]:
    from ruamel.yaml import YAML

    from generator.paths import find_template

    try:
        raw = YAML(typ="safe").load(find_template("glossary", f"{name}.yaml").read_text(encoding="utf-8")) or []
    except Exception:  # a glossary that cannot be read only places fewer lines
        return []
    out = []
    for item in raw:
        if isinstance(item, dict):
            out.append(squash(f"{item.get('term', '')}：{item.get('text', '')}"))
            out.append(squash(str(item.get("text", ""))))
            out.extend(squash(str(t)) for t in item.get("items") or [])
    return out


def known_of(profile: Profile | None, tables: list[Table], data: dict[str, Any]) -> Known:
    dept = str((data.get("department") or {}).get("name", ""))
    year = str(data.get("year", ""))
    facts = {"department": dept, "year": year, "prev_year": str(int(year) - 1) if year.isdigit() else ""}
    titles = _titles(profile)
    titles += [t.replace("部门", "{department}", 1) for t in titles if t.startswith("部门")]  # 部门主要职能 → X局主要职能
    heads = [_pattern(t, facts) for t in titles]
    heads += [re.compile("^" + re.escape(squash(t.title)) + "$") for t in tables if t.title]
    return Known(heads, _fixed(profile, facts), squash(dept), year)


def _is_heading(s: str, known: Known) -> bool:
    bare = _NUMBERING.sub("", s)
    for text in {s, bare}:
        for candidate in (text, *(g for m in [_TOC.match(text)] if m for g in m.groups() if g)):
            c = candidate.rstrip(".…·．-—").removesuffix("。").removesuffix("（续）").removesuffix("(续)")
            if c and any(p.match(c) for p in known.headings):
                return True
    return False


def _is_cover(line: Line, s: str, known: Known) -> bool:
    if line.page > COVER_PAGES:
        return False
    if known.department and (known.department in s and len(s) <= len(known.department) + 30 or len(s) >= 2 and s in known.department):
        return True  # the department's name, also broken over two lines
    return bool(_DATE.fullmatch(s)) or (known.year in s and ("预算" in s or "决算" in s) and len(s) <= 40) or s == "目录"


def _covered(body: Body, found: list[Found], known: Known) -> bytearray:
    covered = bytearray(len(body.text))
    for f in found:
        if len(squash(_FACT.sub("", f.template)).replace("[", "").replace("]", "")) < MIN_LITERAL and not (f.list_name and f.fields):
            continue  # a template that is one fact ("{overview}") places nothing by itself (a list's entry read in its place does)
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)
    for text in known.fixed:
        at = body.text.find(text)
        while at >= 0:
            covered[at : at + len(text)] = b"\x01" * len(text)
            at = body.text.find(text, at + len(text))
    return covered


def unplaced(lines: list[Line], body: Body, found: list[Found], used: list[Line], tables: list[Table], known: Known) -> list[tuple[int, str]]:
    """Every line of the running text not placed (see the module's note), with its page."""
    covered = _covered(body, found, known)
    used_ids = {id(ln) for ln in used}
    pages: dict[str, set[int]] = {}
    for line in lines:
        pages.setdefault(re.sub(r"\d+", "#", squash(line.text)), set()).add(line.page)
    out: list[tuple[int, str]] = []
    offset = 0
    text_lines = [ln for ln in lines if not is_page_number(ln.text)]  # nor are they in the body text
    wrapped: set[int] = set()
    for k, (line, nxt) in enumerate(zip(text_lines, text_lines[1:])):
        both = squash(line.text) + squash(nxt.text)
        if line.page == nxt.page and len(both) <= 60 and _is_heading(both, known):
            wrapped.update((k, k + 1))  # a heading broken over two lines
    for k, line in enumerate(text_lines):
        s = squash(line.text)
        start, offset = offset, offset + len(s)
        if not s or id(line) in used_ids or k in wrapped:
            continue
        if sum(covered[start:offset]) * 2 >= len(s):
            continue
        if len(pages.get(re.sub(r"\d+", "#", s), ())) >= REPEATED or _FURNITURE.match(s) or _is_heading(s, known) or _is_cover(line, s, known):
            continue
        out.append((line.page, line.text.strip()))
    return out
