"""Every accepted input prints tables that add up: a property over perturbed valid budgets.

Leaf amounts of the Jianghan budget (which prints spending by function and by economic 类
side by side) are changed at random, two decimals each. Either ``check`` reports an error,
or every printed total of the summary tables and the classification tables equals the sum
of its printed rows. The sums are taken from the printed cells, not from computed figures.
"""

from __future__ import annotations

import re
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import inspect
from generator.present.kinds import build_document
from generator.present.tables.grid import Grid

from .conftest import DATA

SOURCE = (DATA / "jianghan-gov-office" / "2020-budget.yaml").read_text(encoding="utf-8")
AMOUNT = re.compile(r"\b(basic|project|amount): (\d+(?:\.\d+)?)")
SPOTS = [(i, m.start(2), m.end(2)) for i, line in enumerate(SOURCE.split("\n")) for m in AMOUNT.finditer(line)]


def tables(doc: Any) -> dict[str, list[Grid]]:
    return {block.id: block.grids for block in doc.tables()}


def printed(text: str) -> Decimal:
    return Decimal(text.replace(",", "")) if text.strip() else Decimal(0)


def column_sums(grid: Grid, total_label: str, columns: Iterable[int]) -> list[tuple[int, Decimal, Decimal]]:
    """(column, sum of the printed rows above the total row, printed total) for each column."""
    rows = [[c.text for c in row] for row in grid.rows]
    end = next(i for i, row in enumerate(rows) if row[0] == total_label)
    return [(c, sum((printed(r[c]) for r in rows[:end] if not r[c - 1].startswith("支出（")), Decimal(0)), printed(rows[end][c])) for c in columns]


def tree_sums(grid: Grid) -> list[tuple[int, Decimal, Decimal]]:
    """Classification tables: the 合计 row against the sum of the 类 rows, column by column."""
    rows = grid.rows
    total = rows[0]
    classes = [r for r in rows[1:] if "level0" in r[0].cls]
    return [(c, sum((printed(r[c + 1].text) for r in classes), Decimal(0)), printed(total[c].text)) for c in range(1, len(total))]


def mismatches(doc: Any) -> list[str]:
    found = tables(doc)
    checks = {
        "summary_econ": column_sums(found["summary_econ"][0], "本年收入合计", [1, 3, 5]),
        "appropriation_econ": column_sums(found["appropriation_econ"][0], "本年收入合计", [1, 3, 4, 6, 7]),
        "general": tree_sums(found["general"][0]),
        "basic": tree_sums(found["basic"][0]),
    }
    return [f"{table} column {c}: rows {rows} ≠ total {total}" for table, sums in checks.items() for c, rows, total in sums if rows != total]


def outcome(text: str) -> tuple[bool, list[str]]:
    """(check reported an error, the printed totals that do not add up)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "jianghan-gov-office" / "2020-budget.yaml"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        loaded, profile, issues = inspect(path)
        if any(i.is_error for i in issues):
            return True, []
        return False, mismatches(build_document(loaded.report, profile))


@st.composite
def perturbed(draw: st.DrawFn) -> str:
    lines = SOURCE.split("\n")
    for _ in range(draw(st.integers(1, 3))):
        i, start, end = draw(st.sampled_from(SPOTS))
        cents = draw(st.integers(0, 200_000))
        value = f"{cents // 100}.{cents % 100:02d}"
        line = SOURCE.split("\n")[i]
        lines[i] = line[:start] + value + line[end:] if lines[i] == line else lines[i]
    return "\n".join(lines)


def test_the_example_adds_up() -> None:
    assert outcome(SOURCE) == (False, [])


def test_the_mismatch_of_the_issue_is_caught() -> None:
    moved = SOURCE.replace("basic: 0, project: 69.00}", "basic: 0, project: 169.00}")
    assert moved != SOURCE
    assert outcome(moved)[0]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(perturbed())
def test_accepted_budgets_print_tables_that_add_up(text: str) -> None:
    caught, wrong = outcome(text)
    assert caught or not wrong, wrong
