"""The final-account PDF read back: charts' titles and labels, all nine tables, corrected figures (both engines)."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest

from generator.build import build
from generator.render.engines import ENGINES

from .conftest import EXAMPLES, fidelity

CAPTIONS = ("图1：收、支决算总计变动情况", "图2：收入决算结构", "图3：支出决算结构", "图4：财政拨款收、支决算总计变动情况")


@pytest.fixture(scope="module", params=ENGINES)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp(f"final-{request.param}")
    result = build(EXAMPLES["jiangan-2023-final"], out, formats=("pdf",), engine=request.param)
    assert result.outputs[0] == Path(out) / "jiangan-gov-office" / "2023-final.pdf"
    return result.outputs[0]


@pytest.fixture(scope="module")
def pages(built: Path) -> list[str]:
    with pdfplumber.open(built) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


def test_chart_titles_and_labels_read_back(pages: list[str]) -> None:
    text = "\n".join(pages)
    for caption in CAPTIONS:
        assert caption in text
    assert text.count("2022年度 2023年度") == 2  # the two bar charts' axis labels (SVG text)
    assert "基本支出1399.78" in text.replace(" ", "")


def test_all_tables_and_parts(pages: list[str]) -> None:
    flat = re.sub(r"\s+", "", "".join(pages))
    for n in range(1, 10):
        assert f"公开0{n}表" in flat
    for n, title in enumerate(("江岸区人民政府办公室概况", "江岸区人民政府办公室2023年度部门决算表", "江岸区人民政府办公室2023年度部门决算情况说明",
                               "2023年重点工作完成情况", "名词解释", "附件"), start=1):
        assert f"第{'一二三四五六'[n - 1]}部分{title}" in flat


def test_corrected_figures(pages: list[str]) -> None:
    flat = re.sub(r"\s+", "", "".join(pages))
    assert "增长3.78%" in flat and "0.04%" not in flat
    assert "118.82" in flat and "118.81" not in flat
    assert "1397.59" in flat and "1397.58" not in flat


def test_every_page_has_chinese(pages: list[str]) -> None:
    assert len(pages) > 20
    for i, text in enumerate(pages):
        assert re.search(r"[\u4e00-\u9fff]", text), i
        assert "\ufffd" not in text


def test_fidelity_against_the_published_report(built: Path) -> None:
    numbers, headings = fidelity("jiangan-2023-final", built)
    assert numbers >= 0.96 and headings >= 0.98, (numbers, headings)
