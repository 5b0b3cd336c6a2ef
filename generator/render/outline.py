"""A document's partial blocks (duties, glossary, annexes, forms, charts) as plain items.

HTML lays partials out with its own templates; the other formats (Word, JSON) share this
reading of them: headings, labelled paragraphs, grids and charts, in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Union

from generator.present.document import Partial
from generator.present.tables.grid import Grid


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Text:
    text: str
    label: str = ""
    cls: str = ""


@dataclass(frozen=True)
class Chart:
    caption: str
    svg: str


Item = Union[Heading, Text, Grid, Chart]


def partial_items(block: Partial) -> list[Item]:
    """The items a partial shows, in the order its template shows them."""
    data: Any = block.data
    if block.name == "duties":
        intro: list[Item] = [Text(data.intro)] if data.intro else []
        return intro + [Text(text, label) for label, text in data.items]
    if block.name == "glossary":
        items: list[Item] = []
        for e in data:
            items.append(Text(f"{e.term}：{e.text}" if e.text else e.term, e.label, "term"))
            for label, title, text in e.items:
                if label or title:
                    items.append(Text(title or "", label or "", "sub"))
                if text:
                    items.append(Text(text, cls="sub-text"))
        return items
    if block.name == "attachments":
        items = []
        for att in data:
            items.append(Heading(att.title))
            for kind, content in att.blocks:
                if kind == "heading":
                    items.append(Heading(content))
                elif kind == "p":
                    items.append(Text(content))
                elif kind == "items":
                    items += [Text(t, cls="item") for t in content]
                elif kind == "table":
                    items.append(content)
        return items
    if block.name == "grids":
        return list(data)
    if block.name == "chart":
        return [Chart(data.caption, data.svg)]
    return []
