"""Shared fixtures: the example data files, golden files, an --update-golden switch."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
GOLDEN = Path(__file__).parent / "golden"

SHARED = ROOT.parent / "shared"
SEEDS = {
    "jianghan-2020-budget": "seeds/000_457356a9f160bfb1.txt",
    "jiangan-2023-final": "seeds/002_031ec85276d4be28.txt",
    "xinzhou-2023-budget": "seeds/004_bfe413efcf6bfe76.txt",
}
"""The published report each example was taken from (text of the PDF, beside the project in shared/)."""

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


def fidelity(name: str, pdf: Path) -> tuple[float, float]:
    """Shares of the published report's numbers and headings found in ``pdf`` (skips without shared/)."""
    import importlib.util

    tool, seed = SHARED / "tools" / "fidelity.py", SHARED / SEEDS[name]
    if not tool.is_file() or not seed.is_file():
        pytest.skip("the published reports (shared/) are not beside the project")
    spec = importlib.util.spec_from_file_location("fidelity", tool)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    published = seed.read_text(encoding="utf-8")
    ours = module.text_of(pdf)
    wanted, found = module.numbers(published), module.numbers(ours)
    heads = module.headings(published)
    flat = module.squash(ours)
    return len(wanted & found) / len(wanted), sum(1 for h in heads if h in flat) / len(heads)
