"""A table as the templates see it: header rows and body rows of already-printed cells."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from generator.model.base import PER_WAN
from generator.zh.numbers import fmt_amount, fmt_pct, fmt_shares, q2, ratio


@dataclass(frozen=True)
class Cell:
    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    cls: str = ""
    value: Decimal | None = None
    """For an amount: the number the text prints (in the table's unit, rounded as printed), for formats that keep numbers."""
    style: str = ""
    """For an amount: how it prints as a spreadsheet number format (separators, zero style)."""


KEEP_ROWS = 3
"""A table's first rows kept together: a page never holds fewer of them."""
TAIL_ROWS = 9
"""The last rows kept together of a table that a new page follows: when it runs onto another page it
takes at least this many rows there, so that page is at least a quarter full (a page of a table's
last three rows before a new page is a defect of the layout gate)."""
KEEP_TEXT = 240
"""Rows holding more characters than this are not held together (a group could outgrow a page)."""


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
    tail: int = KEEP_ROWS
    """How many last rows are kept together: ``TAIL_ROWS`` for a table that a new page follows."""

    def row_groups(self) -> list[tuple[int, int, bool]]:
        """The body rows as (start, end, keep) runs: the first ``KEEP_ROWS`` and the last ``tail``
        rows are kept on one page (``keep``), so no page holds a piece of the table of one or two rows;
        rows joined by a merged cell are never parted. Rows with long texts are not held together."""
        return row_groups(self.rows, tail=self.tail)


def row_bounds(rows: list[list[Cell]]) -> list[int]:
    """Where a page may break between body rows (the index of the row after): not inside a merged cell's rows."""
    bounds: list[int] = []
    reach = 0
    for i, row in enumerate(rows):
        if 0 < i and reach <= i:
            bounds.append(i)
        reach = max(reach, i + max((c.rowspan for c in row), default=1))
    return bounds


def row_groups(rows: list[list[Cell]], keep: int = KEEP_ROWS, tail: int = KEEP_ROWS) -> list[tuple[int, int, bool]]:
    """See ``Grid.row_groups``: [(start, end, keep)] covering every body row in order."""
    n = len(rows)
    if n == 0:
        return []
    bounds = row_bounds(rows)

    def light(a: int, b: int) -> bool:
        return sum(len(c.text) for row in rows[a:b] for c in row) <= KEEP_TEXT * (b - a)

    first = next((b for b in bounds if b >= keep), n)
    last = next((b for b in reversed(bounds) if n - b >= tail), 0)
    if first >= last:
        return [(0, n, n > 1 and light(0, n) and n <= keep + tail)]
    return [(0, first, light(0, first)), (first, last, False), (last, n, light(last, n))]


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
    title_shown: bool = True
    """False when the title repeats the heading of the section the table is alone in: the page prints it once."""


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

    def printed(self, value: Decimal) -> Decimal:
        """The amount a reader sees, back in 万元: rounded half-up to the cent of this unit.

        Rates and shares are computed from these, so that each one printed follows from the
        amounts printed beside it (a 元 file printed in 万元 included)."""
        per = PER_WAN[self.unit]
        return q2(value * per) / per

    def share(self, part: Decimal | None, whole: Decimal) -> str:
        """part / whole from the amounts as printed (33.93%); "" without a part or with a zero whole."""
        if part is None:
            return ""
        return fmt_pct(ratio(self.printed(part), self.printed(whole)))

    def shares(self, parts: list[Decimal], whole: Decimal) -> list[str]:
        """Shares of ``whole`` from the amounts as printed, each rounded on its own (zh.numbers.shares)."""
        return fmt_shares([self.printed(p) for p in parts], self.printed(whole))

    def cell(self, value: Decimal | None) -> Cell:
        """An amount cell: the printed text, and the printed number when there is one."""
        text = self(value)
        number = q2(value * PER_WAN[self.unit]) if value is not None and text else None
        return Cell(text, cls="num", value=number, style=self.number_format)

    @property
    def number_format(self) -> str:
        """The same printing as a spreadsheet number format: 2 decimals, separators, how a zero shows."""
        body = "#,##0.00" if self.thousands else "0.00"
        if self.zero in ("", "0.00"):  # a zero printed blank has no number at all
            return body
        return f'{body};-{body};"{self.zero}"'

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


def amount_cell(value: Decimal | None) -> Cell:
    """An amount in 万元 as forms print it: 2 decimals, a zero as 0.00, nothing when there is none."""
    return FORM_MONEY.cell(value)


FORM_MONEY = Money(zero="0.00")


def label(text: str, indent: int = 0, strong: bool = False) -> Cell:
    cls = f"name indent{indent}" + (" strong" if strong else "")
    return Cell(text, cls=cls)
