"""Facts: every computed figure of a report as the text it prints as, by name.

Profiles' sentence templates and list items refer to these names; templates never
format a number themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

from generator.zh.numbers import fmt_amount


@dataclass
class Facts:
    """Named texts (``values``) and named lists of entries (``lists``)."""

    values: dict[str, str] = field(default_factory=dict)
    lists: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    flags: dict[str, bool] = field(default_factory=dict)
    reason_keys: dict[str, str] = field(default_factory=dict)
    """For each reason fact (why.x, why_budget.x): the ``reasons`` key of the data file that fills it."""
    money: Callable[[Decimal | None], str] = fmt_amount
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

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def truth(self, name: str) -> bool:
        if name in self.flags:
            return self.flags[name]
        return bool(self.values.get(name, ""))
