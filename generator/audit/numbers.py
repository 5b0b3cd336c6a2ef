"""Printed numbers and what they can stand for: a printed figure is any value that rounds (half-up) to it.

A figure printed with two decimals stands for every value within half a cent of it; a sum of
such figures is known only up to the sum of their halves. A derived figure (a share, a rate,
a total) is correct when rounding some value it could be computed from gives what is printed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

ZERO = Decimal(0)
HUNDRED = Decimal(100)
_NUMBER = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


@dataclass(frozen=True)
class Shown:
    """A number as printed: its value, how many decimals it shows, its text."""

    value: Decimal
    places: int
    text: str

    @property
    def half(self) -> Decimal:
        """Half a unit of the last printed digit: how far the value it stands for can be."""
        return Decimal(5).scaleb(-(self.places + 1))

    @property
    def span(self) -> Span:
        return Span(self.value - self.half, self.value + self.half)


def shown(text: str | None) -> Shown | None:
    """The number a text prints ("1,234.50", "33.93%", "26 %"), or None when it prints none."""
    s = re.sub(r"\s+", "", text or "").replace("，", ",").removesuffix("%")
    if not _NUMBER.fullmatch(s):
        return None
    plain = s.replace(",", "")
    places = len(plain.split(".")[1]) if "." in plain else 0
    return Shown(Decimal(plain), places, (text or "").strip())


def rounded(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def truncated(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)


@dataclass(frozen=True)
class Span:
    """Every value a figure may have (lo ≤ value ≤ hi)."""

    lo: Decimal
    hi: Decimal

    @staticmethod
    def exact(value: Decimal) -> Span:
        return Span(value, value)

    @staticmethod
    def around(value: Decimal, tolerance: Decimal) -> Span:
        return Span(value - tolerance, value + tolerance)

    @property
    def mid(self) -> Decimal:
        return (self.lo + self.hi) / 2

    def __add__(self, other: Span) -> Span:
        return Span(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Span) -> Span:
        return Span(self.lo - other.hi, self.hi - other.lo)

    def scale(self, factor: Decimal) -> Span:
        a, b = self.lo * factor, self.hi * factor
        return Span(min(a, b), max(a, b))

    def over(self, other: Span) -> Span | None:
        """self / other; None when the divisor may be zero."""
        if other.lo <= 0 <= other.hi:
            return None
        quotients = [a / b for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Span(min(quotients), max(quotients))

    def percent_of(self, whole: Span) -> Span | None:
        q = self.over(whole)
        return None if q is None else q.scale(HUNDRED)

    def holds(self, value: Decimal) -> bool:
        return self.lo <= value <= self.hi


def reaches(printed: Shown, span: Span | None) -> bool:
    """Whether rounding some value of ``span`` at the printed precision gives the printed number."""
    if span is None:
        return False
    places = printed.places
    return rounded(span.lo, places) <= printed.value <= rounded(span.hi, places)


def reaches_any(printed: Shown, spans: Sequence[Span | None]) -> bool:
    return any(reaches(printed, s) for s in spans)


def show(value: Decimal, places: int = 2, percent: bool = False, thousands: bool = False) -> str:
    """A value as the audit prints what a figure should be (half-up at ``places`` decimals)."""
    v = rounded(value, places)
    if v == 0:
        v = abs(v)
    text = f"{v:,.{places}f}" if thousands else f"{v:.{places}f}"
    return text + ("%" if percent else "")


def show_as(value: Decimal, printed: Shown, percent: bool = False) -> str:
    """A value as the figure it corrects is printed: as many decimals, thousands separators if it has them."""
    return show(value, printed.places, percent=percent, thousands="," in printed.text)
