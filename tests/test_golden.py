"""Golden HTML of the example reports: any change to the output shows up as a diff here.

Run ``pytest --update-golden`` after an intended change and review ``git diff tests/golden``.
"""

from __future__ import annotations

import pytest

from generator.build import prepare
from generator.render.html import render_html

from .conftest import EXAMPLES, GOLDEN


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_golden_html(name: str, update_golden: bool) -> None:
    doc, _ = prepare(EXAMPLES[name])
    html = render_html(doc)
    golden = GOLDEN / f"{name}.html"
    if update_golden:
        golden.write_text(html, encoding="utf-8")
    assert golden.is_file(), f"missing {golden}; run pytest --update-golden"
    assert html == golden.read_text(encoding="utf-8")
