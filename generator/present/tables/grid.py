"""A table as the templates see it: header rows and body rows of already-printed cells."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from generator.model.base import PER_WAN
from generator.zh.numbers import fmt_amount


@dataclass(frozen=True)
class Cell:
    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    cls: str = ""


@dataclass(frozen=True)
class Grid:
    """One printed table. ``cols`` gives relative column widths (optional)."""

    header: list[list[Cell]]
    rows: list[list[Cell]]
    title: str = ""
    captions: tuple[str, str] = ("", "")
    notes: list[str] = field(default_factory=list)
    cols: list[int] = field(default_factory=list)
    cls: str = ""
    subtitle: str = ""


@dataclass(frozen=True)
class TableBlock:
    """A numbered table (公开表N) of one or more grids, possibly on landscape pages."""

    id: str
    label: str
    title: str
    grids: list[Grid]
    landscape: bool = False
    anchor: str = ""
    new_page: bool = False
    kind: str = "table"


@dataclass(frozen=True)
class Money:
    """How amounts print in one table (or in the running text): unit, separators, zero style."""

    thousands: bool = False
    zero: str = ""
    unit: str = "万元"

    def __call__(self, value: Decimal | None) -> str:
        if value is None:
            return ""
        if value == 0:
            return self.zero
        return fmt_amount(value * PER_WAN[self.unit], self.thousands)

    def with_options(self, options: dict[str, object]) -> "Money":
        """This style with a table's own ``zero``, ``thousands`` and ``unit`` options."""
        zero = options.get("zero", self.zero)
        thousands = options.get("thousands", self.thousands)
        unit = options.get("unit", self.unit)
        return Money(bool(thousands), str(zero), str(unit))


def head(*texts: str | Cell) -> list[Cell]:
    return [t if isinstance(t, Cell) else Cell(t) for t in texts]


def num(text: str) -> Cell:
    return Cell(text, cls="num")


def label(text: str, indent: int = 0, strong: bool = False) -> Cell:
    cls = f"name indent{indent}" + (" strong" if strong else "")
    return Cell(text, cls=cls)
