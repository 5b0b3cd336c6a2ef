"""The PDFs read back: Chinese text, embedded fonts, footers, TOC page numbers, bookmarks, metadata.

Every test runs on the PDFs of both engines (Typst and WeasyPrint).
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest

from generator.build import build
from generator.render.engines import ENGINES

from .conftest import EXAMPLES, fidelity


@pytest.fixture(scope="session", params=ENGINES)
def pdfs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp(f"out-{request.param}")
    built = {}
    for name in ("jianghan-2020-budget", "xinzhou-2023-budget"):
        result = build(EXAMPLES[name], out, formats=("pdf",), engine=request.param)
        built[name] = result.outputs[0]
    return built


def pages_text(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


@pytest.mark.parametrize("name", ["jianghan-2020-budget", "xinzhou-2023-budget"])
def test_every_page_reads_back_in_chinese(pdfs: dict[str, Path], name: str) -> None:
    texts = pages_text(pdfs[name])
    assert len(texts) > 10
    for i, text in enumerate(texts):
        assert re.search(r"[\u4e00-\u9fff]", text), f"page {i + 1} has no Chinese text"
        assert "\ufffd" not in text


@pytest.mark.parametrize("name", ["jianghan-2020-budget", "xinzhou-2023-budget"])
def test_fonts_are_embedded_subsets(pdfs: dict[str, Path], name: str) -> None:
    with pdfplumber.open(pdfs[name]) as pdf:
        fonts = {c["fontname"] for page in pdf.pages[:6] for c in page.chars}
    assert fonts and all(re.match(r"^[A-Z]{6}\+", f) for f in fonts), fonts
    assert any("Serif" in f for f in fonts) and any("Sans" in f for f in fonts)


def test_a4_and_landscape_pages(pdfs: dict[str, Path]) -> None:
    with pdfplumber.open(pdfs["jianghan-2020-budget"]) as pdf:
        sizes = {(round(p.width), round(p.height)) for p in pdf.pages}
    assert (595, 842) in sizes and (842, 595) in sizes


def test_footer_page_numbers(pdfs: dict[str, Path]) -> None:
    texts = pages_text(pdfs["jianghan-2020-budget"])
    for n, text in enumerate(texts, start=1):
        assert text.rstrip().endswith(f"— {n} —"), (n, text[-20:])


def test_toc_page_numbers_point_at_their_headings(pdfs: dict[str, Path]) -> None:
    texts = pages_text(pdfs["xinzhou-2023-budget"])
    toc = texts[1] + "\n" + texts[2]  # the contents fit one page; the next is read too
    # body pages are numbered from 1 after the cover and the contents
    first_body = next(i for i, t in enumerate(texts) if t.rstrip().endswith("— 1 —"))
    checked = 0
    for title in ("一、部门基本情况", "四、一般公共预算财政拨款支出预算情况", "九、联系方式", "三、支出总表", "第三部分 名词解释"):
        match = re.search(re.escape(title) + r"[.\s]*?(\d+)\s*$", toc, re.M)
        assert match, title
        page = int(match.group(1))
        body = texts[first_body + page - 1].replace(" ", "")
        assert title.replace(" ", "") in body, (title, page)
        checked += 1
    assert checked == 5


def test_table_header_repeats_on_every_page(pdfs: dict[str, Path]) -> None:
    texts = pages_text(pdfs["jianghan-2020-budget"])
    pages = [i for i, t in enumerate(texts) if "支出（经济分类）" in t]
    # the summary table runs over two pages; its header is printed on both
    assert len(pages) >= 2 and pages[1] == pages[0] + 1
    assert all("项目 预算数 项目 预算数 项目 预算数" in texts[i] for i in pages)


def test_bookmarks_and_metadata(pdfs: dict[str, Path]) -> None:
    with pdfplumber.open(pdfs["jianghan-2020-budget"]) as pdf:
        titles = [o[1] for o in pdf.doc.get_outlines()]
        assert pdf.metadata["Title"] == "江汉区人民政府办公室2020年部门预算"
        assert pdf.doc.catalog.get("Lang") == b"zh-CN"
    assert "第一部分 部门预算公开说明" in titles
    assert "（三）人员情况" in titles


def test_published_numbers_found_in_pdf(pdfs: dict[str, Path]) -> None:
    text = "\n".join(pages_text(pdfs["jianghan-2020-budget"]))
    for figure in ("2,232.51", "975.31", "838.05", "137.26", "1,078.20", "33.93%", "144.12%", "43.69%", "56.31%"):
        assert figure in text, figure


@pytest.mark.parametrize("name, numbers, headings", [("jianghan-2020-budget", 0.98, 1.0), ("xinzhou-2023-budget", 0.96, 0.93)])
def test_fidelity_against_the_published_report(pdfs: dict[str, Path], name: str, numbers: float, headings: float) -> None:
    found = fidelity(name, pdfs[name])
    assert found[0] >= numbers and found[1] >= headings, found
