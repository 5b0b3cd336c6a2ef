"""A long unbroken string (a URL, a file number) in a person's text wraps inside the page, in both PDF engines."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest

from generator.build import prepare, render_pdf

from .conftest import DATA

URL = "https://www.jianghan.gov.cn/zwgk/zdlyxxgk/czyjs/bmyjs/" + "abcdefghij0123456789" * 8 + ".html"


@pytest.mark.parametrize("engine", ["typst", "weasyprint"])
def test_a_long_url_stays_on_the_page(tmp_path: Path, engine: str) -> None:
    assert len(URL) > 200
    source = (DATA / "jianghan-gov-office" / "2020-budget.yaml").read_text(encoding="utf-8")
    duty = '    - "负责区人民政府及办公室收发文电的处理和日常事务工作。"'
    assert duty in source
    text = source.replace(duty, duty[:-1] + f'详见{URL}。"')
    path = tmp_path / "jianghan-gov-office" / "2020-budget.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    doc, _ = prepare(path)
    pdf = render_pdf(doc, path.parent, engine=engine)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        pages = [p for p in document.pages if "jianghan.gov.cn" in (p.extract_text() or "").replace("\n", "")]
        assert pages, "the URL is printed"
        page = pages[0]
        assert max(c["x1"] for c in page.chars) <= page.width - 20  # within the right margin
        assert URL in (page.extract_text() or "").replace("\n", "")  # and it reads back whole
