"""What the example reports must say: figures computed right where the published reports were wrong."""

from __future__ import annotations

import re

import pytest

from generator.build import prepare
from generator.render.html import render_html

from .conftest import EXAMPLES


def text_of(name: str) -> str:
    doc, _ = prepare(EXAMPLES[name])
    return re.sub(r"<[^>]+>", "", render_html(doc))


@pytest.fixture(scope="module")
def jianghan() -> str:
    return text_of("jianghan-2020-budget")


@pytest.fixture(scope="module")
def xinzhou() -> str:
    return text_of("xinzhou-2023-budget")


def test_growth_over_last_years_base(jianghan: str) -> None:
    # published: "增长 26%" (and 59% for projects) — over the wrong base
    assert "比2019年预算增加565.57万元，增长33.93%" in jianghan
    assert "比2019年预算增加742.20万元，增长144.12%" in jianghan


def test_basic_figures_are_the_tables(jianghan: str) -> None:
    # published: 一般公共预算基本支出 1932.29, 人员经费 975.31
    assert "2020年一般公共预算基本支出975.31万元" in jianghan
    assert "人员经费838.05万元" in jianghan


def test_whole_department_performance_amount(jianghan: str) -> None:
    assert "部门整体支出也实施了绩效目标管理并编制整体绩效目标，涉及一般公共预算2232.51万元" in jianghan


def test_flat_not_zero_change(xinzhou: str) -> None:
    # published: "“三公”经费预算 万元，比 2022 年预算减少 0 万元，下降 0%"
    assert "“三公”经费预算40.00万元，与2022年预算持平" in xinzhou
    assert "减少0.00万元" not in xinzhou and "下降0.00%" not in xinzhou and "增加0.00万元" not in xinzhou


def test_rate_rounded_not_truncated(xinzhou: str) -> None:
    # published: "下降 7.24%" (124.81 / 1722.47 = 7.2460%)
    assert "比2022年预算减少124.81万元，下降7.25%" in xinzhou


def test_operating_cost_items_add_up(xinzhou: str) -> None:
    assert "机关运行经费297.51万元" in xinzhou
    assert "办公用房物业管理费12.93万元" in xinzhou


def test_project_list_numbered_without_gaps(xinzhou: str) -> None:
    labels = re.findall(r"（(\d+)）\S+?\d+\.\d\d万元。", xinzhou)
    assert labels[:10] == [str(i) for i in range(1, 11)]


def test_headings_numbered_without_gaps_or_duplicates(xinzhou: str) -> None:
    section = xinzhou[xinzhou.index("八、其他重要事项的情况说明") : xinzhou.index("九、联系方式")]
    assert re.findall(r"（([一二三四五])）", section)[:4] == ["一", "二", "三", "四"]
    assert section.count("政府采购预算情况") == 1


def test_table_cross_references_follow_numbering(jianghan: str) -> None:
    assert "按功能分类到项级详见公开表5" in jianghan
    assert "按经济分类到款级详见公开表6" in jianghan
