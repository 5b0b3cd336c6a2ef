"""Year-over-year change and execution against budget: exact figures, no wording.

What a report prints is a Change or Execution of the two amounts *as printed*
(present.facts.Facts.change / .execution), so that its amount, direction and rate follow
from the amounts a reader sees beside them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.zh.numbers import ratio


@dataclass(frozen=True)
class Change:
    """This year's figure against last year's."""

    current: Decimal
    previous: Decimal

    @property
    def delta(self) -> Decimal:
        return self.current - self.previous

    @property
    def rate(self) -> Decimal | None:
        """delta / previous; None when last year's base is zero."""
        return ratio(self.delta, self.previous)

    @property
    def direction(self) -> str:
        """ "up", "down" or "flat"; on amounts as printed, flat exactly when both print the same."""
        if self.delta == 0:
            return "flat"
        return "up" if self.delta > 0 else "down"

    @property
    def is_new(self) -> bool:
        return self.previous == 0 and self.direction == "up"


@dataclass(frozen=True)
class Execution:
    """A final figure against its budget (完成预算的 P%)."""

    budget: Decimal
    actual: Decimal

    @property
    def rate(self) -> Decimal | None:
        """actual / budget; None when the budget is zero (then no rate may be printed)."""
        return ratio(self.actual, self.budget)

    @property
    def comparison(self) -> str:
        """ "over", "under" or "equal"; on amounts as printed, equal exactly when both print the same."""
        diff = self.actual - self.budget
        if diff == 0:
            return "equal"
        return "over" if diff > 0 else "under"
