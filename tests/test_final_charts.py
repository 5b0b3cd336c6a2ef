"""The four final-account charts: valid SVG, fonts on every text, values equal to the tables'."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal as D

import pytest

from generator.present.charts import ChartView, bar_chart, final_charts, pie_chart
from generator.compute.final import FinalFigures, compute
from generator.read.load import load_report
from generator.present.tables.final import FinalTables
from generator.present.tables.grid import Money

from .conftest import EXAMPLES

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def fig() -> FinalFigures:
    return compute(load_report(EXAMPLES["jiangan-2023-final"]).report)


@pytest.fixture(scope="module")
def charts(fig: FinalFigures) -> dict[str, ChartView]:
    return final_charts(fig, 2023, {f"chart_{n}": f"图{n}" for n in range(1, 5)})


def texts(svg: str) -> list[str]:
    return [t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text")]


def test_every_text_has_a_font_family(charts: dict[str, ChartView]) -> None:
    for view in charts.values():
        nodes = list(ET.fromstring(view.svg).iter(f"{SVG}text"))
        assert nodes and all("Noto Sans SC" in (n.get("font-family") or "") for n in nodes)


def test_bars_compare_last_year_with_this_year(charts: dict[str, ChartView]) -> None:
    for name in ("chart_1", "chart_4"):
        labels = texts(charts[name].svg)
        assert labels == ["单位：万元", "1946.23", "2022年度", "2019.84", "2023年度"]
    rects = list(ET.fromstring(charts["chart_1"].svg).iter(f"{SVG}rect"))
    heights = [float(r.get("height") or 0) for r in rects]
    assert heights[0] < heights[1]  # 1946.23 < 2019.84


def test_pie_values_match_the_tables(fig: FinalFigures, charts: dict[str, ChartView]) -> None:
    report = load_report(EXAMPLES["jiangan-2023-final"]).report
    general = FinalTables(report, fig, Money(), {}, []).general()[0]
    total_row = [c.text for c in general.rows[0]]  # 合计, 小计, 基本支出, 项目支出
    assert texts(charts["chart_3"].svg) == ["单位：万元", f"基本支出 {total_row[2]}", "69.30%", f"项目支出 {total_row[3]}", "30.70%"]
    assert texts(charts["chart_2"].svg) == ["单位：万元", f"财政拨款收入 {total_row[1]}", "100.00%"]
    assert ET.fromstring(charts["chart_2"].svg).find(f"{SVG}circle") is not None  # one part: the whole circle


def test_labels_are_escaped() -> None:
    svg = bar_chart([("<a>&", D(1))], "单位：万元", "x\"y")
    root = ET.fromstring(svg)  # still well-formed
    assert "<a>&" in [t.text for t in root.iter(f"{SVG}text")]
    assert "&lt;a&gt;&amp;" in svg


def test_pie_skips_zero_parts_and_slices_add_up() -> None:
    svg = pie_chart([("甲", D(3)), ("乙", D(0)), ("丙", D(1))], "单位：万元", "")
    assert texts(svg) == ["单位：万元", "甲 3.00", "75.00%", "丙 1.00", "25.00%"]
    assert len(list(ET.fromstring(svg).iter(f"{SVG}path"))) == 2


def test_income_chart_shows_every_source_and_totals_include_carry_over() -> None:
    from generator.compute.final import compute
    from generator.present.charts import final_charts
    from generator.read.load import load_report

    from .conftest import DATA

    report = load_report(DATA / "putuo-finance" / "2024-final.yaml").report
    fig = compute(report)
    charts = final_charts(fig, report.year, {})
    assert "其他收入 6.20" in charts["chart_2"].svg and "财政拨款收入 2940.05" in charts["chart_2"].svg
    # 图1 compares 收入支出总计 (income, 使用结余 and 年初结转), not 一般公共预算 spending
    assert f"{fig.grand_total:.2f}" in charts["chart_1"].svg and fig.grand_total != fig.total
