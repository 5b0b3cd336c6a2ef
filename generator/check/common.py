"""What the rules share: amounts as messages print them, positions, the report's code trees."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator.compute import budget, final
from generator.compute.common import econ_totals, econ_tree
from generator.compute.tree import Node, column_total
from generator.errors import Pos
from generator.read.sources import PositionMap
from generator.zh.numbers import fmt_amount, q2

Path_ = tuple[str | int, ...]


def amt(value: Decimal) -> str:
    """An amount in a message: 1399.78 → "1,399.78"."""
    return fmt_amount(value, thousands=True)


def shown(text: str) -> str:
    """A person's text inside a message: on one line, control characters as spaces."""
    return "".join(ch if ch.isprintable() else " " for ch in text)


def differs(a: Decimal, b: Decimal) -> bool:
    """Two amounts differ as printed (to the cent)."""
    return q2(a) != q2(b)


def exceeds(part: Decimal, whole: Decimal) -> bool:
    """``part`` is more than ``whole`` as printed."""
    return differs(part, whole) and part > whole


def gap(a: Decimal, b: Decimal) -> str:
    """ "，相差 0.55"."""
    return f"，相差 {amt(abs(a - b))}"


def first_pos(positions: PositionMap, *paths: Path_) -> Pos:
    """The position of the first path the file gives (else of the file's first key)."""
    for path in paths:
        if path in positions.spots:
            return positions.pos(path)
    return positions.pos(paths[-1]) if paths else positions.pos(())


def functions(report: Any) -> list[Node]:
    """一般公共预算支出 by function (类 → 款 → 项), budget or final rows alike."""
    kind = final if report.kind == "final" else budget
    return kind.function_tree(report.expenditure)


def function_column(tree: list[Node], column: str) -> Decimal | None:
    """A column total of a function tree; None when the table has no such column or a row leaves it unknown."""
    if any(column not in root.values for root in tree):
        return None
    return column_total(tree, column)


def economics(report: Any) -> list[Node]:
    """Basic expenditure by economic classification (类 → 款)."""
    return econ_tree([(r.code, r.amount) for r in report.basic_economic])


def econ_basic(report: Any) -> tuple[Decimal, Decimal, Decimal]:
    """(basic, personnel, public) of the basic-expenditure table by economic class."""
    return econ_totals(economics(report))


def econ_amounts(report: Any) -> dict[str, Decimal]:
    """Every economic 类 and 款 code → its basic-expenditure amount."""
    return {node.code: node.values["amount"] or Decimal(0) for root in economics(report) for node in root.walk()}
