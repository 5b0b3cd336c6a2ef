"""Hierarchical subtotals of code rows: 类 → 款 → 项, every column summed."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable, Mapping, Sequence

from generator.codes import parent


@dataclass
class Node:
    code: str
    level: int
    """0 for 类 (3 digits), 1 for 款 (5 digits), 2 for 项 (7 digits)."""
    values: dict[str, Decimal | None] = field(default_factory=dict)
    children: list["Node"] = field(default_factory=list)
    leaf_index: int | None = None
    """Position of the leaf row in the data file's list (for error positions)."""

    def walk(self) -> Iterable["Node"]:
        yield self
        for child in self.children:
            yield from child.walk()


def _add(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    """Sum of a column; unknown (None) in any part makes the sum unknown."""
    if a is None or b is None:
        return None
    return a + b


def build_tree(leaves: Sequence[tuple[str, Mapping[str, Decimal | None]]], columns: tuple[str, ...]) -> list[Node]:
    """Top-level nodes in code order, each with children and summed columns.

    ``leaves`` are (code, values) pairs at the lowest level (项 for function,
    款 for economic); parents are created from the code prefixes.
    """
    nodes: dict[str, Node] = {}
    roots: list[Node] = []

    def node_for(code: str) -> Node:
        if code in nodes:
            return nodes[code]
        level = {3: 0, 5: 1, 7: 2}.get(len(code), 0)
        node = Node(code, level, {c: Decimal(0) for c in columns})
        nodes[code] = node
        up = parent(code)
        if up is None:
            roots.append(node)
        else:
            node_for(up).children.append(node)
        return node

    for index, (code, values) in enumerate(leaves):
        leaf = node_for(code)
        leaf.leaf_index = index
        up: str | None = code
        chain = []
        while up is not None:
            chain.append(nodes[up])
            up = parent(up)
        for col in columns:
            value = values.get(col)
            for n in chain:
                n.values[col] = _add(n.values[col], value)
    for n in nodes.values():
        n.children.sort(key=lambda c: c.code)
    roots.sort(key=lambda r: r.code)
    return roots


def column_total(roots: list[Node], column: str) -> Decimal | None:
    total: Decimal | None = Decimal(0)
    for r in roots:
        total = _add(total, r.values[column])
    return total
