"""Year-over-year change and execution against budget: exact figures, no wording."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.zh.numbers import q2, ratio


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
        """ "up", "down" or "flat", decided on the change as printed (2 decimals)."""
        shown = q2(self.delta)
        if shown == 0:
            return "flat"
        return "up" if shown > 0 else "down"

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
        """ "over", "under" or "equal", on the amounts as printed."""
        diff = q2(self.actual) - q2(self.budget)
        if diff == 0:
            return "equal"
        return "over" if diff > 0 else "under"
