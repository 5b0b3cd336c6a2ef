"""Sentences read back with the profile's own templates: each ``{fact}`` becomes a group of a pattern.

A template's literal words, and the facts already known (department, year, a 项's path), must
appear as printed (white space aside); the other facts are read from what stands in their place.
Each match keeps the page it starts on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from generator.ingest.cells import squash
from generator.ingest.pdf import Line
from generator.present.profile import Block, Profile

_TOKEN = re.compile(r"\[([^\[\]]*)\]|\{([A-Za-z0-9_.]+)\}")
_PAGE_NUMBER = re.compile(r"^[-－—\s]*\d{1,3}[-－—\s]*$|^第\d+页")
NUMBER = r"-?[\d,]+(?:\.\d+)?%?"


@dataclass
class Body:
    """The running text (lines outside tables) without white space, with the page of every character."""

    text: str
    pages: list[int]

    def page_at(self, offset: int) -> int:
        return self.pages[min(offset, len(self.pages) - 1)] if self.pages else 0


def body_of(lines: list[Line]) -> Body:
    text: list[str] = []
    pages: list[int] = []
    for line in lines:
        if _PAGE_NUMBER.match(line.text):
            continue
        s = squash(line.text)
        text.append(s)
        pages.extend([line.page] * len(s))
    return Body("".join(text), pages)


@dataclass
class Found:
    template: str
    fields: dict[str, str]
    page: int
    start: int
    end: int
    entry: dict[str, str] = field(default_factory=dict)
    list_name: str = ""


@dataclass
class Spec:
    template: str
    list_name: str = ""
    tail: str = ""


def specs(profile: Profile) -> list[Spec]:
    """Every sentence template of the outline (says, list items and their leads)."""
    out: list[Spec] = []

    def blocks(body: list[Block]) -> None:
        for b in body:
            if b.say:
                out.append(Spec(b.say))
            if b.list and b.item:
                out.append(Spec(b.item, b.list, "".join(dict.fromkeys(b.joiner))))
            if b.lead:
                out.append(Spec(b.lead))
            blocks(b.items)
            blocks(b.after)

    def nodes(ns: list) -> None:
        for n in ns:
            blocks(n.body)
            nodes(n.sections)

    nodes(profile.outline)
    return out


def compile_template(template: str, known: dict[str, str], numeric: set[str], tail: str = "") -> tuple[re.Pattern[str], list[str]]:
    """The pattern of a template; the names of its groups in order."""
    names: list[str] = []

    def piece(text: str) -> str:
        out, last = [], 0
        for m in re.finditer(r"\{([A-Za-z0-9_.]+)\}", text):
            out.append(re.escape(squash(text[last : m.start()])))
            name = m.group(1)
            if name in known:
                out.append(re.escape(squash(known[name])))
            else:
                names.append(name)
                out.append(f"({NUMBER})" if name in numeric else "(.+?)")
            last = m.end()
        out.append(re.escape(squash(text[last:])))
        return "".join(out)

    parts, last = [], 0
    for m in _TOKEN.finditer(template):
        parts.append(piece(template[last : m.start()]))
        if m.group(1) is not None:
            parts.append(f"(?:{piece(m.group(1))})?")
        else:
            parts.append(piece(m.group(0)))
        last = m.end()
    parts.append(piece(template[last:]))
    pattern = "".join(parts)
    if pattern.endswith("。"):
        pattern = pattern[:-1] + "[。；]"
    if tail:
        pattern += "(?=[" + re.escape(tail) + "]|$)"
    elif names and template.rstrip().endswith("}"):
        pattern += "(?=[。；]|$)"
    return re.compile(pattern), names


def find(body: Body, spec: Spec, known: dict[str, str], numeric: set[str]) -> Iterator[Found]:
    pattern, names = compile_template(spec.template, known, numeric, spec.tail)
    bare = re.sub(r"\(\?=[^()]*\)$", "", pattern.pattern)  # the lookahead at the end is no word of the template
    literal = re.sub(r"\(\.\+\?\)|\([^()]*\\d[^()]*\)|\\.|[()?:|]", "", bare)
    if len(literal) < 4:
        return
    for m in pattern.finditer(body.text):
        fields = {n: v for n, v in zip(names, m.groups()) if v is not None}
        yield Found(spec.template, fields, body.page_at(m.start()), m.start(), m.end(), list_name=spec.list_name)
