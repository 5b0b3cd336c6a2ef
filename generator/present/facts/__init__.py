"""Facts: every computed figure of a report as the text it prints as, by name.

Profiles' sentence templates and list items refer to these names; templates never
format a number themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from generator.compute.change import Change, Execution
from generator.present.tables.grid import Money


@dataclass
class Facts:
    """Named texts (``values``) and named lists of entries (``lists``)."""

    values: dict[str, str] = field(default_factory=dict)
    lists: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    flags: dict[str, bool] = field(default_factory=dict)
    reason_keys: dict[str, str] = field(default_factory=dict)
    """For each reason fact (why.x, why_budget.x): the ``reasons`` key of the data file that fills it."""
    money: Money = field(default_factory=Money)
    """How an amount prints in running text (the profile's text unit and number style)."""
    amounts: dict[str, Decimal] = field(default_factory=dict)
    """For each fact that is an amount: its exact value in 万元."""

    def amount(self, value: Decimal | None) -> str:
        return self.money(value)

    def figure(self, name: str, value: Decimal | None) -> None:
        """An amount fact: printed in the text's style, its exact value kept (in 万元)."""
        self.values[name] = self.amount(value)
        if value is not None:
            self.amounts[name] = value

    # Rates and shares are computed from the amounts as printed (Money.printed), never from the
    # exact ones: a reader who redoes a printed rate with the printed amounts gets the same figure.

    def change(self, change: Change) -> Change:
        """A change between the two amounts as printed: its amount, direction and rate follow from them."""
        return Change(self.money.printed(change.current), self.money.printed(change.previous))

    def execution(self, execution: Execution) -> Execution:
        """An execution between the budget and the actual amount as printed."""
        return Execution(self.money.printed(execution.budget), self.money.printed(execution.actual))

    def share(self, part: Decimal | None, whole: Decimal) -> str:
        """part / whole as printed (33.93%); "" when there is no part or the whole is zero."""
        return self.money.share(part, whole)

    def shares(self, parts: list[Decimal], whole: Decimal) -> list[str]:
        """Shares of ``whole``, each rounded on its own (zh.numbers.shares), from the printed amounts."""
        return self.money.shares(parts, whole)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def truth(self, name: str) -> bool:
        if name in self.flags:
            return self.flags[name]
        return bool(self.values.get(name, ""))
