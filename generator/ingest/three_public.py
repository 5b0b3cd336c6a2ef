"""The "三公" table: each item's budget and actual (决算) amounts, whatever the order of its columns."""

from __future__ import annotations

from decimal import Decimal

from generator.ingest.cells import amount, is_blank_amount, squash
from generator.ingest.tables import Table

ITEMS = (("出国", "outbound"), ("购置", "vehicle_purchase"), ("运行", "vehicle_operation"), ("接待", "reception"))


def _item(labels: list[str]) -> str | None:
    for label in reversed(labels):
        if label in ("小计", "合计") or "合计" in label:
            return None
        for word, key in ITEMS:
            if word in label and "购置及运行" not in label:
                return key
    return None


def _side(labels: list[str]) -> str:
    for label in labels:
        if "决算" in label:
            return "actual"
    return "budget"


def _numbering(row: list[str]) -> bool:
    """A row of column numbers (1 2 3 …), not of amounts."""
    cells = [squash(c) for c in row if squash(c)]
    if not cells or not all(c.isdigit() and len(c) <= 2 for c in cells):
        return False
    numbers = [int(c) for c in cells]
    return all(b == a + 1 for a, b in zip(numbers, numbers[1:]))  # 1 2 3 …, not whole amounts (40 0 40)


def three_public(table: Table) -> dict[str, dict[str, Decimal]]:
    """{"budget": {outbound: …}, "actual": {…}} from a one-row table, or from rows labelled by item."""
    grid = table.grid or []
    values_at = next(
        (
            k
            for k, row in enumerate(grid)
            if sum(1 for c in row if amount(c) is not None) >= 2
            and not _numbering(row)
            and not any(squash(c) and amount(c) is None and not is_blank_amount(c) for c in row)
        ),
        None,
    )
    out: dict[str, dict[str, Decimal]] = {}
    if values_at is not None:
        header = grid[:values_at]
        row = grid[values_at]
        for i, cell in enumerate(row):
            labels = [squash(h[i]) for h in header if i < len(h) and squash(h[i])]
            key = _item(labels)
            if key is None or any("机关运行" in label for label in labels):
                continue
            number = amount(cell)
            out.setdefault(_side(labels), {})[key] = number if number is not None else Decimal(0)
        return out
    for row in grid:  # one item per row: label | amount …
        label = squash(row[0]) if row else ""
        key = _item([label])
        if key is None:
            continue
        number = next((a for a in (amount(c) for c in row[1:]) if a is not None), Decimal(0))
        out.setdefault("budget", {})[key] = number
    return out
