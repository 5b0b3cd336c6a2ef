"""The layout gate: the PDF of every example has no page-level defect, with either engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build import prepare, render_pdf
from generator.commands.cli import main
from generator.present.tables.grid import TAIL_ROWS, Cell, row_groups
from generator.render.gate import layout_defects
from generator.render.html import render_html

from .conftest import DATA

ALL = sorted(DATA.glob("*/*.yaml"))


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.parent.name)
def test_no_defect_typst(path: Path) -> None:
    doc, _ = prepare(path)
    assert [str(d) for d in layout_defects(render_pdf(doc, path.parent, engine="typst"))] == []


# jianghan and xinzhou: their project forms once left a header and one row at the foot of a page
@pytest.mark.parametrize(
    "path",
    [
        DATA / "jiangan-gov-office" / "2023-final.yaml",
        DATA / "putuo-commerce" / "2025-budget.yaml",
        DATA / "jianghan-gov-office" / "2020-budget.yaml",
        DATA / "xinzhou-gov-office" / "2023-budget.yaml",
    ],
    ids=lambda p: p.parent.name,
)
def test_no_defect_weasyprint(path: Path) -> None:
    doc, _ = prepare(path)
    assert [str(d) for d in layout_defects(render_pdf(doc, path.parent, engine="weasyprint"))] == []


def test_the_gate_finds_what_it_should(tmp_path: Path) -> None:
    """The same report laid out without keeping a table's first and last rows together: the gate names the pages."""
    from generator.present.tables import grid

    path = DATA / "jianghan-gov-office" / "2020-budget.yaml"
    doc, _ = prepare(path)
    original = grid.Grid.row_groups
    try:
        grid.Grid.row_groups = lambda self: [(0, len(self.rows), False)] if self.rows else []  # type: ignore[method-assign]
        pdf = render_pdf(doc, path.parent, engine="typst")
    finally:
        grid.Grid.row_groups = original  # type: ignore[method-assign]
    kinds = {d.kind for d in layout_defects(pdf)}
    assert "fragment" in kinds


def test_a_table_tail_alone_before_a_new_page_is_sparse() -> None:
    """Tables that a new page follows, laid out keeping only their last three rows together: 公开表2
    of Jianghan runs one page and three rows, and the page of those three rows is less than a quarter full."""
    from generator.present.tables import grid

    path = DATA / "jianghan-gov-office" / "2020-budget.yaml"
    doc, _ = prepare(path)
    original = grid.Grid.row_groups
    try:
        grid.Grid.row_groups = lambda self: row_groups(self.rows)  # type: ignore[method-assign]
        defects = layout_defects(render_pdf(doc, path.parent, engine="typst"))
    finally:
        grid.Grid.row_groups = original  # type: ignore[method-assign]
    assert [d.kind for d in defects] == ["sparse"]


def test_row_groups_keep_first_and_last_rows_and_merged_cells() -> None:
    rows = [[Cell("a")] for _ in range(10)]
    assert row_groups(rows) == [(0, 3, True), (3, 7, False), (7, 10, True)]
    assert row_groups(rows[:5]) == [(0, 5, True)]
    longer = [[Cell("a")] for _ in range(20)]
    assert row_groups(longer, tail=TAIL_ROWS) == [(0, 3, True), (3, 20 - TAIL_ROWS, False), (20 - TAIL_ROWS, 20, True)]
    assert row_groups(longer[: 3 + TAIL_ROWS], tail=TAIL_ROWS) == [(0, 3 + TAIL_ROWS, True)]
    assert row_groups([[Cell("字" * 300)] for _ in range(20)], tail=TAIL_ROWS)[-1][2] is False  # long texts are not held
    merged = [[Cell("a", rowspan=4)], [Cell("b")], [Cell("c")], [Cell("d")]] + [[Cell("e")] for _ in range(6)]
    assert row_groups(merged)[0] == (0, 4, True)


def test_build_layout_report(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(DATA / "putuo-commerce"), "-o", str(tmp_path), "--layout-report", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "版面：没有发现问题" in result.output


JIANGAN = DATA / "jiangan-gov-office" / "2023-final.yaml"


def _key_work(doc):  # type: ignore[no-untyped-def]
    [grid] = [g for form in doc.forms() for g in form.grids if g.header and any(c.text == "重要事项" for c in g.header[0])]
    return grid


def _with_options(tmp_path: Path, options: str) -> Path:
    text = JIANGAN.read_text(encoding="utf-8").replace('kind: "final"\n', f'table_options:\n{options}\nkind: "final"\n', 1)
    target = tmp_path / JIANGAN.parent.name / JIANGAN.name
    target.parent.mkdir(parents=True)
    target.write_text(text, encoding="utf-8")
    return target


def test_form_column_widths_from_the_profile(tmp_path: Path) -> None:
    """The key-work form takes the widths the profile (or the data file over it) gives, as percents of the table."""
    path = _with_options(tmp_path, "  key_work_table: {widths: [1, 2, 6, 1]}")
    grid = _key_work(prepare(path)[0])
    assert grid.cols == [10, 20, 60, 10]
    assert '<col style="width:60%">' in render_html(prepare(path)[0])


def test_form_column_widths_of_the_wrong_count(tmp_path: Path) -> None:
    path = _with_options(tmp_path, "  key_work_table: {widths: [1, 2, 6]}")
    with pytest.raises(Exception) as raised:
        prepare(path)
    assert "widths" in str(raised.value) and "4 列" in str(raised.value)
