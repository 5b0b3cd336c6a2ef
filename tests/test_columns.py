"""The column widths the toolkit computes for the WeasyPrint PDF (generator.render.columns).

The sharing out is checked by hand arithmetic; the sizes against the print CSS; the widths of a
whole report against those WeasyPrint's own automatic table layout gives the same page; and the
PDF set with them against the one WeasyPrint lays out by itself.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from generator.build import prepare
from generator.render import columns
from generator.render.columns import Span, allocate, grid_widths, page_widths, pieces
from generator.render.html import render_html, stylesheet
from generator.render.typst_measure import Measurer
from generator.paths import template_dirs

from .conftest import EXAMPLES

pytest.importorskip("weasyprint")


def test_widths_fill_the_table_from_the_widest_texts() -> None:
    # both texts fit on one line: each column its widest text, the 150pt left over shared 50:100
    cells = [Span(0, 1, 10, 50), Span(1, 1, 20, 100)]
    assert allocate(cells, 2, 300) == pytest.approx([100, 200])


def test_narrow_table_shares_between_narrowest_and_widest() -> None:
    # 90pt between the narrowest (30) and the widest (150): each column gets half of its own range
    cells = [Span(0, 1, 10, 50), Span(1, 1, 20, 100)]
    widths = allocate(cells, 2, 90)
    assert widths == pytest.approx([10 + 40 * 0.5, 20 + 80 * 0.5])
    assert sum(widths) == pytest.approx(90)


def test_too_narrow_a_table_keeps_every_column_at_its_minimum() -> None:
    assert allocate([Span(0, 1, 10, 50), Span(1, 1, 20, 100)], 2, 20) == pytest.approx([10, 20])


def test_a_merged_cell_widens_the_columns_it_spans() -> None:
    # the merged cell wants 300 on one line; its columns have 100 together: 200 more, shared 1:3
    # (75, 225, 100); the 100pt left of 500 then goes to the three in proportion
    cells = [Span(0, 2, 40, 300), Span(0, 1, 10, 25), Span(1, 1, 10, 75), Span(2, 1, 10, 100)]
    assert allocate(cells, 3, 500) == pytest.approx([75 + 100 * 75 / 400, 225 + 100 * 225 / 400, 100 + 100 * 100 / 400])


def test_percentages_of_the_colgroup_are_followed_as_far_as_the_text_allows() -> None:
    # 20 % and 80 % of 200pt are 40 and 160; the first column's text needs 60 and keeps it, the other gives way
    assert allocate([Span(0, 1, 60, 80), Span(1, 1, 10, 90)], 2, 200, [20, 80]) == pytest.approx([60, 140])
    assert allocate([Span(0, 1, 10, 30), Span(1, 1, 10, 30)], 2, 200, [25, 75]) == pytest.approx([50, 150])


def test_lines_break_where_pango_breaks_chinese_text() -> None:
    # between ideographs; never after an opening bracket, before a closing one, or inside a figure
    assert pieces("一般公共预算（财政拨款）") == ("一", "般", "公", "共", "预", "算", "（财", "政", "拨", "款）")
    assert pieces("2023年预算2,232.51万元") == ("2023", "年", "预", "算", "2,232.51", "万", "元")


def test_sizes_are_those_of_the_print_css() -> None:
    css = stylesheet(tuple(template_dirs()), "report.css") + stylesheet(tuple(template_dirs()), "print.css")
    assert "table.grid { width: 100%; border-collapse: collapse; font-size: 9.5pt;" in css
    assert columns.BODY_SIZE == 9.5
    assert re.search(r"table\.grid th, table\.grid td \{ border: 0\.6pt solid #333; padding: 2pt 3pt;", css)
    assert (columns.BORDER, columns.PAD_X) == (0.6, 3.0)
    assert "table.grid th { background: #f1f1f1; text-align: center; font-size: 9pt; }" in css
    assert columns.HEAD_SIZE == 9.0
    assert "table.grid td.indent1 { padding-left: 1.2em; }" in css and "table.grid td.indent2 { padding-left: 2.4em; }" in css
    assert columns.INDENTS == {"indent1": 1.2, "indent2": 2.4}
    mm = 72 / 25.4
    assert "@page { size: A4; margin: 25mm 20mm 22mm 20mm;" in css
    assert columns.PORTRAIT == pytest.approx((210 - 2 * 20) * mm)
    assert "@page wide { size: A4 landscape; margin: 18mm 15mm 18mm 15mm; }" in css
    assert columns.LANDSCAPE == pytest.approx((297 - 2 * 15) * mm)


def test_every_table_fills_its_page_and_no_column_is_narrower_than_its_text() -> None:
    doc, _ = prepare(EXAMPLES["xinzhou-2023-budget"])
    measurer = Measurer()
    found = list(page_widths(doc))
    assert len(found) > 50 and {w for _, w in found} == {columns.PORTRAIT, columns.LANDSCAPE}
    for grid, width in found:
        widths = grid_widths(grid, width, measurer)
        assert sum(widths) == pytest.approx(width - columns.BORDER)
        cells, n = columns.spans(grid, measurer)
        assert len(widths) == n
        for c in cells:
            assert sum(widths[c.col : c.col + c.colspan]) >= c.least - 1e-6


def weasyprint_layout(html: str, base: Path) -> tuple[list[list[float]], list[str]]:
    """The column widths (pt) of each table as WeasyPrint lays the page out, and the text of each PDF page."""
    import pdfplumber
    from weasyprint import CSS, HTML
    from weasyprint.formatting_structure import boxes
    from weasyprint.text.fonts import FontConfiguration

    from generator.render.fonts import font_css

    fonts = FontConfiguration()
    document = HTML(string=html, base_url=str(base)).render(stylesheets=[CSS(string=font_css("bundled"), font_config=fonts)], font_config=fonts)
    widths, seen = [], set()
    for page in document.pages:
        for box in page._page_box.descendants():
            if isinstance(box, boxes.TableBox) and id(box.element) not in seen:
                seen.add(id(box.element))
                widths.append([w * 0.75 for w in box.column_widths])  # CSS px to pt
    with pdfplumber.open(io.BytesIO(document.write_pdf())) as pdf:
        texts = [p.extract_text() or "" for p in pdf.pages]
    return widths, texts


def test_fixed_layout_sets_the_columns_weasyprint_would_and_the_same_pages() -> None:
    path = EXAMPLES["jianghan-2020-budget"]
    doc, _ = prepare(path)
    ours = [grid_widths(g, w, Measurer("bundled")) for g, w in page_widths(doc)]
    auto_widths, auto_pages = weasyprint_layout(render_html(doc, print_css=True), path.parent)
    assert len(auto_widths) == len(ours) > 10
    for theirs, mine in zip(auto_widths, ours):
        assert mine == pytest.approx(theirs, abs=0.05)
    page = render_html(doc, print_css=True, column_widths=columns.column_widths(doc))
    assert page.count('<table class="grid') == page.count(' fixed">') == len(ours)
    fixed_widths, fixed_pages = weasyprint_layout(page, path.parent)
    for theirs, mine in zip(fixed_widths, ours):
        assert mine == pytest.approx(theirs, abs=0.01)
    assert fixed_pages == auto_pages
    assert "项目 预算数 项目 预算数 项目 预算数" in "\n".join(fixed_pages)  # as test_pdf reads the summary table


def test_the_web_page_keeps_the_automatic_layout() -> None:
    doc, _ = prepare(EXAMPLES["jianghan-2020-budget"])
    for page in (render_html(doc), render_html(doc, print_css=True)):
        assert page.count('<table class="grid') > 10 and ' fixed">' not in page
    assert "table-layout" not in render_html(doc)


def test_the_switch_turns_the_fixed_layout_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISCLOSURE_FONTS", raising=False)
    monkeypatch.setenv("DISCLOSURE_TABLE_LAYOUT", "auto")
    assert columns.layout_choice() == "auto"
    monkeypatch.delenv("DISCLOSURE_TABLE_LAYOUT")
    assert columns.layout_choice() == "fixed" and columns.layout_choice("bundled") == "fixed"
    assert columns.layout_choice("official") == "auto"


def test_a_table_too_wide_for_its_page_keeps_its_columns_in_points() -> None:
    # eight columns of 20 unbreakable ideographs (9.5pt each, plus 6pt padding and 0.6pt border) need
    # 8 × 196.6pt, more than the 481.9pt of a portrait page: the table outgrows the page
    from generator.present.tables.grid import Cell, Grid

    grid = Grid([], [[Cell("一" * 20, cls="num") for _ in range(8)]])
    assert columns.column_widths({"grids": []})(grid) is None  # a grid not in the document
    found = columns.column_widths({"grids": [grid]})(grid)
    assert found is not None and all(w.endswith("pt") for w in found)
    assert [float(w[:-2]) for w in found] == pytest.approx([20 * 9.5 + 6.6] * 8, abs=0.01)
