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
from generator.ingest.paragraphs import paragraph_starts
from generator.ingest.pdf import Line, is_page_number
from generator.present.profile import Block, Profile

_TOKEN = re.compile(r"\[([^\[\]]*)\]|\{([A-Za-z0-9_.]+)\}")
NUMBER = r"-?[\d,]+(?:\.\d+)?%?"


@dataclass
class Body:
    """The running text (lines outside tables) without white space, with the page of every character.

    ``marked`` is the same text with a line break where a paragraph starts (see ``paragraphs``); ``plain_at``
    gives for each of its offsets the offset in ``text``. Sentences are looked for in ``marked``, so a text a
    person wrote never runs on into the next paragraph.
    """

    text: str
    pages: list[int]
    marked: str = ""
    plain_at: list[int] = field(default_factory=list)

    def page_at(self, offset: int) -> int:
        return self.pages[min(offset, len(self.pages) - 1)] if self.pages else 0

    def plain(self, marked_offset: int) -> int:
        return self.plain_at[marked_offset] if self.plain_at else marked_offset


def body_of(lines: list[Line]) -> Body:
    text: list[str] = []
    pages: list[int] = []
    marked: list[str] = []
    plain_at: list[int] = []
    kept = [ln for ln in lines if not is_page_number(ln.text)]
    starts = paragraph_starts(kept)
    offset = 0
    for i, line in enumerate(kept):
        s = squash(line.text)
        if i in starts and marked and marked[-1] != "\n":
            marked.append("\n")
            plain_at.append(offset)
        text.append(s)
        pages.extend([line.page] * len(s))
        marked.extend(s)
        plain_at.extend(range(offset, offset + len(s)))
        offset += len(s)
    plain_at.append(offset)
    return Body("".join(text), pages, "".join(marked), plain_at)


@dataclass
class Found:
    template: str
    fields: dict[str, str]
    page: int
    start: int
    end: int
    entry: dict[str, str] = field(default_factory=dict)
    list_name: str = ""
    blank: list[str] = field(default_factory=list)
    """Figures printed as nothing: the words around them stand, the number before 万元 does not."""


@dataclass
class Spec:
    template: str
    list_name: str = ""
    tail: str = ""
    """The marks that close a list's entries (its joiner)."""
    inline: bool = False
    style: str = ""
    lead: str = ""
    before: str = ""
    """The sentence printed just before the list (the block before it), which its first entry follows."""
    rest: bool = False
    """The template ends its words early: whatever follows in the paragraph is left unread."""


def specs(profile: Profile) -> list[Spec]:
    """Every sentence template of the outline (says, list items with their leads and tails)."""
    out: list[Spec] = []

    def blocks(body: list[Block]) -> None:
        for i, b in enumerate(body):
            if b.say:
                out.append(Spec(b.say))
            if b.list and b.item:
                before = body[i - 1].say or "" if i else ""
                closing = "".join(b.joiner) + (b.tail[0] if b.tail and b.tail[0] not in "[{" else "")  # the tail's first mark closes the last entry
                out.append(Spec(b.item, b.list, "".join(dict.fromkeys(closing)), b.inline, b.style or "", b.lead or "", before))
            if b.lead:
                out.append(Spec(b.lead))
            if b.tail:
                out.append(Spec(b.tail))
            blocks(b.items)
            blocks(b.after)

    def nodes(ns: list) -> None:
        for n in ns:
            blocks(n.body)
            nodes(n.sections)

    nodes(profile.outline)
    return out


PUNCTUATION = {c: f"[{a}{b}]" for a, b in ("，,", "；;", "：:", "（(", "）)", "比较") for c in (a, b)}
"""Marks printed either way in published reports (a full-width mark or its ASCII twin), and 比/较
("比上年增加", "较上年增加"): either reads."""
REASON = re.compile(r"[，,](?=[^，,。；;\[\]]*主要原因|\{(?:change|exec|execution)[.}])")
"""The comma that opens a reason, a change or an execution rate, which published reports often print
as a full stop ("…增长 3.78%。主要原因是…", "…106.36%。支出决算数大于年初预算数的主要原因是…",
"公务接待费 1.00 万元。与 2024 年预算持平", "支出决算为 0.88 万元。完成年初预算的 100.00%")."""
_REASON_MARK = "\x00"
UNIT = ("万元", "元")
"""A figure followed by these words may be left out by hand ("“三公”经费预算 万元"): read as blank."""


def _literal(text: str) -> str:
    """Printed words as a pattern: a paragraph break may fall anywhere in them (a line wrongly taken for a start)."""
    return "\n?".join("[，,。]" if ch == _REASON_MARK else PUNCTUATION.get(ch) or re.escape(ch) for ch in squash(text))


def ends_with_text(template: str, known: dict[str, str], numeric: set[str]) -> bool:
    """Whether the template's last fact (before its closing marks) is a text a person wrote."""
    m = re.search(r"\{([A-Za-z0-9_.]+)\}[\]。；]*$", template.strip())
    return m is not None and m.group(1) not in known and m.group(1) not in numeric


def compile_template(
    template: str, known: dict[str, str], numeric: set[str], tail: str = "", to_end: bool = False, bare: bool = False
) -> tuple[re.Pattern[str], list[str]]:
    """The pattern of a template; the names of its groups in order.

    ``to_end``: the last text runs to the end of its paragraph (a reason may hold a "。" of its own).
    ``bare``: the template's words alone, for the caller to say how the match ends.
    """
    names: list[str] = []
    template = REASON.sub(_REASON_MARK, template)

    def piece(text: str, after: str = "") -> str:
        """``after``: the template's words after ``text``, which say whether a figure ending it may be blank."""
        out, last = [], 0
        for m in re.finditer(r"\{([A-Za-z0-9_.]+)\}", text):
            out.append(_literal(text[last : m.start()]))
            name = m.group(1)
            if name in known:
                out.append(_literal(known[name]))
            else:
                names.append(name)
                blank = "|" if squash(text[m.end() :] + after).startswith(UNIT) else ""
                out.append(f"({NUMBER}{blank})" if name in numeric else "(.+?)")
            last = m.end()
        out.append(_literal(text[last:]))
        return "".join(out)

    parts, last = [], 0
    for m in _TOKEN.finditer(template):
        parts.append(piece(template[last : m.start()]))
        if m.group(1) is not None:
            parts.append(f"(?:{piece(m.group(1))})?")
        else:
            parts.append(piece(m.group(0), template[m.end() :]))
        last = m.end()
    parts.append(piece(template[last:]))
    pattern = "".join(parts)
    if bare:
        return re.compile(pattern, re.M), names
    if to_end and template.rstrip().endswith(("。", "；")):
        return re.compile(re.sub(r"(?:\[；;\]|。)$", "", pattern) + "[。；;]?$", re.M), names
    if to_end:
        return re.compile(pattern + "$", re.M), names
    if pattern.endswith("。"):
        pattern = pattern[:-1] + "[。；;]"
    if tail:
        pattern += "(?=[" + re.escape(tail) + "]|$)"
    elif names and template.rstrip().endswith("}"):
        pattern += "(?=[。；;]|$)"
    return re.compile(pattern, re.M), names


def find(body: Body, spec: Spec, known: dict[str, str], numeric: set[str], min_literal: int = 4) -> Iterator[Found]:
    """Every match in reading order. A sentence ending with a person's text is first read to the end of its
    paragraph; where it is not the paragraph's last sentence, to the next "。" or "；"."""
    required = re.sub(r"\[[^\[\]]*\]", "", spec.template)
    literal = squash(re.sub(r"\{([A-Za-z0-9_.]+)\}", lambda m: known.get(m.group(1), ""), required))
    if len(literal) < min_literal:
        return  # a template of facts alone ("{composition}") says nothing to find it by
    pattern, names = compile_template(spec.template, known, numeric, spec.tail)
    text = body.marked or body.text
    if spec.rest:
        pattern = re.compile(compile_template(spec.template, known, numeric, bare=True)[0].pattern + "[^\n]*$", re.M)
    matches = []
    if not spec.tail and not spec.rest and ends_with_text(spec.template, known, numeric):
        matches = list(compile_template(spec.template, known, numeric, to_end=True)[0].finditer(text))
    for m in pattern.finditer(text):
        if not any(a.start() <= m.start() < a.end() for a in matches):
            matches.append(m)
    for m in sorted(matches, key=lambda m: m.start()):
        fields = {n: v.replace("\n", "") for n, v in zip(names, m.groups()) if v}
        blank = [n for n, v in zip(names, m.groups()) if v == "" and n in numeric]
        start, end = body.plain(m.start()), body.plain(m.end())
        yield Found(spec.template, fields, body.page_at(start), start, end, list_name=spec.list_name, blank=blank)


def table_region(body: Body, title: str, others: list[str], known: dict[str, str], numeric: set[str]) -> list[tuple[int, int]]:
    """Where a table's notes may stand: from each place its title is printed to the next title of another table."""
    text = body.marked or body.text
    found = [m.end() for m in compile_template(title, known, numeric)[0].finditer(text)]
    ends = sorted(m.start() for other in others for m in compile_template(other, known, numeric)[0].finditer(text))
    out = []
    for at in found:
        stop = next((e for e in ends if e > at), len(text))
        out.append((body.plain(at), body.plain(stop)))
    return out
