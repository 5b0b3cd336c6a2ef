"""The template context: the whole report as a tree of numbered parts, sections and blocks.

Templates receive a ``Document`` and only lay it out; every number, label, sentence and
cell text is already final here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Callable, Iterator, Union

from generator.present.compose import ProfileError, compose
from generator.present.facts import Facts
from generator.present.profile import Block as BlockSpec
from generator.present.profile import Node as NodeSpec
from generator.present.profile import Profile
from generator.present.tables.grid import Grid, TableBlock
from generator.zh.ordinals import number


@dataclass(frozen=True)
class Paragraph:
    text: str
    label: str = ""
    cls: str = ""
    kind: str = "paragraph"


@dataclass(frozen=True)
class Partial:
    """A block laid out by a template partial (``partials/<name>.html`` of a templates folder) from ``data``."""

    name: str
    data: Any
    kind: str = "partial"


@dataclass(frozen=True)
class PageBreak:
    kind: str = "page_break"


DocBlock = Union[Paragraph, Partial, TableBlock, PageBreak]


@dataclass(frozen=True)
class Section:
    anchor: str
    number: str
    title: str
    level: int
    """1 for a part's direct sections, 2 below, …"""
    blocks: list[DocBlock]
    sections: list["Section"]
    in_toc: bool = True
    break_before: bool = False
    landscape: bool = False
    toc_title: str = ""
    """The table of contents' wording, when not the title."""

    @property
    def heading(self) -> str:
        """The HTML heading element: h2 for a part's sections, one deeper per level, h6 at most."""
        return f"h{min(self.level + 1, 6)}"


@dataclass(frozen=True)
class Part:
    anchor: str
    number: str
    title: str
    blocks: list[DocBlock]
    sections: list[Section]
    break_before: bool = True
    toc_title: str = ""
    landscape: bool = False
    """The heading opens the landscape page of the part's first table (or first section)."""


@dataclass(frozen=True)
class TocEntry:
    anchor: str
    text: str
    level: int


@dataclass(frozen=True)
class Document:
    title: str
    department: str
    year: int
    kind: str
    profile: str
    parts: list[Part]
    toc: list[TocEntry]
    toc_title: str
    cover: bool
    draft: bool = False
    cover_lines: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    figures: dict[str, str] = field(default_factory=dict)
    """Every named fact as it prints in the text (the names profiles' sentences use)."""
    amounts: dict[str, Decimal] = field(default_factory=dict)
    """The exact value in 万元 of each fact that is an amount."""
    lists: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    """Named lists of printed entries (function classes, projects, …)."""
    text_unit: str = "万元"
    """The unit amounts print in within the text."""

    def sections(self) -> Iterator[tuple[Part, Section | None]]:
        """Every part (with ``None``) and every section below it, in reading order."""

        def walk(part: Part, sections: list[Section]) -> Iterator[tuple[Part, Section | None]]:
            for s in sections:
                yield part, s
                yield from walk(part, s.sections)

        for part in self.parts:
            yield part, None
            yield from walk(part, part.sections)

    def tables(self) -> list[TableBlock]:
        """The numbered tables (公开表…) in reading order."""
        found = []
        for part, section in self.sections():
            blocks = section.blocks if section is not None else part.blocks
            found += [b for b in blocks if isinstance(b, TableBlock)]
        return found

    def forms(self) -> list[TableBlock]:
        """The un-numbered tables (forms such as 绩效目标表, 单位构成) in reading order, each under its section's title."""
        found: list[TableBlock] = []
        for part, section in self.sections():
            blocks = section.blocks if section is not None else part.blocks
            heading = section.title if section is not None else part.title
            for b in blocks:
                if isinstance(b, Partial) and b.name == "grids" and b.data:
                    grids = [g for g in b.data if isinstance(g, Grid)]
                    if grids:
                        title = grids[0].title or heading
                        found.append(TableBlock(f"form-{len(found) + 1}", "", title, grids, anchor=""))
        return found


TableFactory = Callable[[str], TableBlock]
PartialFactory = Callable[[str], Any]


@dataclass
class Composer:
    """Walks a profile outline and produces the numbered document."""

    profile: Profile
    facts: Facts
    tables: TableFactory
    partials: PartialFactory
    counter: int = 0

    def _anchor(self) -> str:
        self.counter += 1
        return f"s{self.counter}"

    def _shown(self, spec: BlockSpec | NodeSpec) -> bool:
        if spec.when is not None and not self.facts.truth(spec.when):
            return False
        if spec.unless is not None and self.facts.truth(spec.unless):
            return False
        return True

    def say(self, template: str) -> str:
        return compose(template, self.facts.values)

    def blocks(self, specs: list[BlockSpec]) -> list[DocBlock]:
        out: list[DocBlock] = []
        for spec in specs:
            if self._shown(spec):
                out.extend(self.block(spec))
        return out

    def block(self, spec: BlockSpec) -> list[DocBlock]:
        return self.own_block(spec) + self.blocks(spec.after)

    def own_block(self, spec: BlockSpec) -> list[DocBlock]:
        cls = spec.cls or ""
        if spec.say is not None:
            return [Paragraph(self.say(spec.say), cls=cls)]
        if spec.text is not None:
            key = f"text.{spec.text}"
            if key not in self.facts.values:
                raise ProfileError(f"数据文件缺少 texts.{spec.text}（模板配置“{self.profile.name}”要用到这段文字）")
            return [Paragraph(p.strip(), cls=cls) for p in self.facts.values[key].split("\n\n") if p.strip()]
        if spec.list is not None:
            return self.list_block(spec)
        if spec.numbered is not None:
            out: list[DocBlock] = []
            n = 0
            for item in spec.items:
                if not self._shown(item):
                    continue
                n += 1
                produced = self.block(item)
                if produced and isinstance(produced[0], Paragraph):
                    first = produced[0]
                    produced[0] = Paragraph(first.text, number(spec.numbered, n), first.cls)
                out.extend(produced)
            return out
        if spec.table is not None:
            return [self.tables(spec.table)]
        if spec.partial is not None:
            return [Partial(spec.partial, self.partials(spec.partial))]
        if spec.chart is not None:
            return [Partial("chart", self.partials(spec.chart))]
        if spec.forms is not None:
            return [Partial("grids", self.partials(spec.forms))]
        if spec.glossary:
            return [Partial("glossary", self.partials("glossary"))]
        return [PageBreak()]

    def list_block(self, spec: BlockSpec) -> list[DocBlock]:
        if spec.list not in self.facts.lists:
            raise ProfileError(f"模板配置引用了未知的列表 {spec.list}")
        entries = self.facts.lists[spec.list]
        texts = []
        for i, entry in enumerate(entries):
            merged = {**self.facts.values, **{k: v for k, v in entry.items()}}
            end = spec.joiner[1] if i == len(entries) - 1 else spec.joiner[0]
            labelled = number(spec.style, i + 1) if spec.style else ""
            plain_end = not any(ch in end for ch in "{}[]")
            # the joiner goes through the template, so a text ending in its own "。" is not doubled
            texts.append((labelled, compose((spec.item or "") + end, merged) if plain_end else compose(spec.item or "", merged) + end))
        if spec.inline:
            lead = self.say(spec.lead) if spec.lead else ""
            tail = self.say(spec.tail) if spec.tail else ""
            return [Paragraph(lead + "".join(label + t for label, t in texts) + tail, cls=spec.cls or "")] if texts else []
        return [Paragraph(t, label=label, cls=spec.cls or "") for label, t in texts]

    def node(self, spec: NodeSpec, level: int, index: int, styles: list[str]) -> Section:
        title = self.say(spec.title or "")
        label = number(styles[min(level - 1, len(styles) - 1)], index) if spec.numbered else ""
        below = styles if spec.levels is None else [*styles[:level], *spec.levels]
        children = self.children(spec.sections, level + 1, below)
        blocks = self.blocks(spec.body)
        lead = blocks[0] if blocks else None
        toc = self.say(spec.toc_title) if spec.toc_title else ""
        if isinstance(lead, TableBlock):
            # a section that opens with a table starts on the table's page (landscape if it is);
            # the section's only table, titled as the section is, does not print the title again
            alone = sum(isinstance(b, TableBlock) for b in blocks) == 1
            blocks[0] = replace(lead, new_page=False, title_shown=not (alone and _same_words(lead.title, title)))
            return Section(self._anchor(), label, title, level, blocks, children, spec.in_toc, spec.break_before or lead.new_page, lead.landscape, toc)
        return Section(self._anchor(), label, title, level, blocks, children, spec.in_toc, spec.break_before, toc_title=toc)

    def children(self, specs: list[NodeSpec], level: int, styles: list[str] | None = None) -> list[Section]:
        styles = styles or self.profile.numbering.levels
        out = []
        n = 0
        for spec in specs:
            for scope in self.scopes(spec):
                with scope:
                    if not self._shown(spec):
                        continue
                    n += 1 if spec.numbered else 0
                    out.append(self.node(spec, level, n, styles))
        return out

    def scopes(self, spec: NodeSpec) -> list["Scope"]:
        """One scope per entry of the node's ``each`` list (its fields become facts), or the plain scope."""
        if spec.each is None:
            return [Scope(self, None, "")]
        if spec.each not in self.facts.lists:
            raise ProfileError(f"模板配置引用了未知的列表 {spec.each}")
        return [Scope(self, entry, f"{spec.each}.{i}.") for i, entry in enumerate(self.facts.lists[spec.each])]

    def parts(self) -> list[Part]:
        out = []
        n = 0
        for spec in self.profile.outline:
            if not self._shown(spec):
                continue
            n += 1
            title = self.say(spec.part or spec.title or "")
            label = number(self.profile.numbering.part, n) if spec.numbered else ""
            styles = self.profile.numbering.levels if spec.levels is None else spec.levels
            toc = self.say(spec.toc_title) if spec.toc_title else ""
            blocks = self.blocks(spec.body)
            sections = self.children(spec.sections, 1, styles)
            landscape = False
            if spec.heading_with_table and blocks and isinstance(blocks[0], TableBlock):
                # the part's first table follows its heading instead of leaving the heading alone on a page
                blocks[0] = replace(blocks[0], new_page=False)
                landscape = blocks[0].landscape
            elif spec.heading_with_table and not blocks and sections and sections[0].break_before:
                # so does its first section, when that opens on a page of its own
                sections[0] = replace(sections[0], break_before=False)
                landscape = sections[0].landscape
            out.append(Part(self._anchor(), label, title, blocks, sections, spec.break_before or n > 1, toc, landscape))
        return out


@dataclass
class Scope:
    """Inside an ``each`` section: the entry's fields are facts, and the lists named ``<list>.<i>.<name>`` are its lists."""

    composer: Composer
    entry: dict[str, str] | None
    prefix: str
    saved: Facts | None = None

    def __enter__(self) -> None:
        if self.entry is None:
            return
        facts = self.saved = self.composer.facts
        own = {k[len(self.prefix) :]: v for k, v in facts.lists.items() if k.startswith(self.prefix)}
        self.composer.facts = replace(facts, values={**facts.values, **self.entry}, lists={**facts.lists, **own})

    def __exit__(self, *exc: object) -> None:
        if self.saved is not None:
            self.composer.facts = self.saved


def toc_of(parts: list[Part], depth: int = 2) -> list[TocEntry]:
    entries = []

    def walk(sections: list[Section]) -> None:
        for s in sections:
            if s.in_toc and s.level <= depth:
                entries.append(TocEntry(s.anchor, f"{s.number}{s.toc_title or s.title}", s.level))
                walk(s.sections)

    for p in parts:
        entries.append(TocEntry(p.anchor, f"{p.number} {p.toc_title or p.title}".strip(), 0))
        walk(p.sections)
    return entries


__all__ = ["Document", "Part", "Section", "Paragraph", "Partial", "PageBreak", "TocEntry", "Composer", "toc_of", "Grid"]


def _same_words(a: str, b: str) -> bool:
    """Two titles that read the same (spaces aside)."""
    return "".join(a.split()) == "".join(b.split())
