"""Shared fixtures: the example data files, golden files, an --update-golden switch."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
GOLDEN = Path(__file__).parent / "golden"

EXAMPLES = {
    "jianghan-2020-budget": DATA / "jianghan-gov-office" / "2020-budget.yaml",
    "xinzhou-2023-budget": DATA / "xinzhou-gov-office" / "2023-budget.yaml",
    "jiangan-2023-final": DATA / "jiangan-gov-office" / "2023-final.yaml",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden HTML files from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
