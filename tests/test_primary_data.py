"""The example data files hold leaves only: no total, share or change is typed in them."""

from __future__ import annotations

import re

import pytest

from generator.compute.budget import compute
from generator.read.load import load_report
from generator.zh.numbers import fmt_amount, fmt_pct, ratio

from .conftest import EXAMPLES

BUDGETS = ["jianghan-2020-budget", "xinzhou-2023-budget"]


def numbers_in(text: str) -> set[str]:
    body = "\n".join(line.split("#", 1)[0] for line in text.splitlines())  # comments may explain
    return {m.group(0) for m in re.finditer(r"(?<![\d.])\d+\.\d+(?![\d.])", body)}


@pytest.mark.parametrize("name", BUDGETS)
def test_budget_totals_are_not_typed(name: str) -> None:
    path = EXAMPLES[name]
    fig = compute(load_report(path).report)
    typed = {str(float(n)) for n in numbers_in(path.read_text(encoding="utf-8"))}
    # sums of several leaves (a total of a single leaf is that leaf, and may be typed as it)
    derived = {"total": fig.total, "basic": fig.basic, "personnel": fig.personnel, "grand total": fig.grand_total}
    for what, value in derived.items():
        if value:
            assert str(float(fmt_amount(value))) not in typed, f"{what} {value} is typed in {path.name}"
    share = fmt_pct(ratio(fig.basic, fig.total)).rstrip("%")
    assert share not in path.read_text(encoding="utf-8")
