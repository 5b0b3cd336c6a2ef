"""Last year's data file beside this year's serves as the comparison."""

from __future__ import annotations

import re
from pathlib import Path

from generator.build import prepare
from generator.render.html import render_html

from .conftest import EXAMPLES


def test_sibling_file_gives_last_years_figures(tmp_path: Path) -> None:
    text = EXAMPLES["jianghan-2020-budget"].read_text(encoding="utf-8")
    unit = tmp_path / "jianghan-gov-office"
    unit.mkdir()
    # last year: the same department with 2010302 at 1000.00 instead of 1188.20 (project −188.20)
    last = text.replace("year: 2020", "year: 2019").replace("basic: 0, project: 1188.20", "basic: 0, project: 1000.00")
    (unit / "2019-budget.yaml").write_text(last, encoding="utf-8")
    # this year: no `previous` block, so the sibling file is used
    this = re.sub(r"\nprevious:\n(  .*\n)+", "\n", text)
    assert "previous:" not in this
    (unit / "2020-budget.yaml").write_text(this, encoding="utf-8")
    doc, _ = prepare(unit / "2020-budget.yaml")
    page = re.sub(r"<[^>]+>", "", render_html(doc))
    # 2019 total = 2232.51 − 188.20 = 2044.31; change 188.20 / 2044.31 = 9.21 %
    assert "比2019年预算增加188.20万元，增长9.21%" in page
    assert "基本支出975.31万元" in page and "与2019年预算持平" in page


def test_without_previous_or_sibling_is_an_error(tmp_path: Path) -> None:
    import pytest

    from generator.errors import DataErrors

    text = re.sub(r"\nprevious:\n(  .*\n)+", "\n", EXAMPLES["jianghan-2020-budget"].read_text(encoding="utf-8"))
    unit = tmp_path / "u"
    unit.mkdir()
    (unit / "2020-budget.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as info:
        prepare(unit / "2020-budget.yaml")
    assert "2019-budget.yaml" in str(info.value)
