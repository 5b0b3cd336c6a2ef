"""The Shanghai budget layout (putuo-commerce 2025): income by source, split code columns, per-项 usage list,
sections repeated per project. Expected figures are the published report's (../shared/samples)."""

from __future__ import annotations

import re
from html import unescape

import pytest

from generator.build import prepare
from generator.present.document import Paragraph, Section
from generator.present.tables.common import split_code, tree_header, with_total
from generator.present.tables.grid import Cell
from generator.render.html import render_html

from .conftest import DATA

COMMERCE = DATA / "putuo-commerce" / "2025-budget.yaml"


@pytest.fixture(scope="module")
def doc():  # type: ignore[no-untyped-def]
    return prepare(COMMERCE)[0]


@pytest.fixture(scope="module")
def text(doc) -> str:  # type: ignore[no-untyped-def]
    return unescape(re.sub(r"<[^>]+>", " ", render_html(doc)))


def paragraphs(doc) -> list[str]:  # type: ignore[no-untyped-def]
    out: list[str] = []

    def walk(blocks, sections) -> None:  # type: ignore[no-untyped-def]
        out.extend(b.label + b.text for b in blocks if isinstance(b, Paragraph))
        for s in sections:
            walk(s.blocks, s.sections)

    for part in doc.parts:
        walk(part.blocks, part.sections)
    return out


def test_explanation_compares_each_figure_with_its_own_base(doc) -> None:  # type: ignore[no-untyped-def]
    said = paragraphs(doc)
    income = next(p for p in said if p.startswith("2025年，上海市普陀区商务委员会收入预算"))
    assert "收入预算37,151.47万元" in income
    assert "财政拨款收入37,151.47万元，比2024年预算执行数增加24,558.18万元" in income
    assert "事业收入0万元；事业单位经营收入0万元；其他收入0万元。" in income
    spending = next(p for p in said if p.startswith("支出预算"))
    assert "财政拨款支出预算37,151.47万元，比2024年预算增加24,491.71万元。" in spending
    assert "政府性基金拨款支出预算0万元，与2024年预算执行数持平" in spending
    assert "财政拨款收入支出增加的主要原因是：政策资金项目预算增加，根据实际工作安排编制预算。" in said


def test_every_item_listed_with_its_path_and_use(doc) -> None:  # type: ignore[no-untyped-def]
    items = [p for p in paragraphs(doc) if re.match(r"\d+\.“", p)]
    assert len(items) == 16
    assert items[0] == "1.“一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元，主要用于机关行政运行和机关人员经费支出。"
    assert items[12].startswith("13.“资源勘探工业信息等支出（类）支持中小企业发展和管理支出（款）其他支持中小企业发展和管理支出（项）”29,381.00万元")


def test_project_sections_repeat_per_project(doc) -> None:  # type: ignore[no-untyped-def]
    part = next(p for p in doc.parts if p.title == "项目经费情况说明")
    assert [s.title for s in part.sections] == ["科技创新专项经费情况说明", "生命健康专项（政策资金）经费情况说明",
                                                 "商业创新专项（政策资金）经费情况说明", "贸易高质量发展专项（政策资金）经费情况说明"]
    first: Section = part.sections[0]
    assert [s.number + s.title for s in first.sections] == ["一、项目概述", "二、立项依据", "三、实施主体", "四、实施方案",
                                                            "五、实施周期", "六、年度预算安排", "七、绩效目标"]
    basis = [b.label + b.text for b in first.sections[1].blocks]
    assert basis == ["1、《普陀区服务企业发展工作实施意见》（普投资规范〔2023〕1号）。", "2、《普陀区支持科技创新实施意见》（普科合规范〔2023〕3号）。"]
    said = paragraphs(doc)
    assert "2025年度项目总预算1,720.00万，其中各级企业技术中心及专精特新认定1,720.00万。" in said
    assert ("2025年度项目总预算1,170.00万，其中支持企业规模化发展870.00万，支持企业创新化发展70.00万，"
            "支持企业协同化发展180.00万，支持企业国际化发展50.00万，合计1,170.00万。") in said


def test_tables_in_yuan_with_split_codes_and_total_last(text: str) -> None:
    assert "201 13 01 行政运行 9,389,913.00 9,389,913.00" in re.sub(r"\s+", " ", text)
    assert "合计 371,514,655.00 19,830,655.00 351,684,000.00" in re.sub(r"\s+", " ", text)
    assert "301 01 基本工资 1,952,616.00 1,952,616.00" in re.sub(r"\s+", " ", text)
    assert "合计 19,830,655.00 18,120,593.00 1,710,062.00" in re.sub(r"\s+", " ", text)


def test_summary_income_rows_by_source(doc) -> None:  # type: ignore[no-untyped-def]
    table = next(b for b in doc.parts[4].blocks if getattr(b, "id", "") == "summary")
    rows = [[c.text for c in r] for r in table.grids[0].rows]
    assert rows[0][:2] == ["一、财政拨款收入", "371,514,655.00"]
    assert rows[1][:2] == ["1. 一般公共预算资金", "371,514,655.00"]
    assert rows[2][:2] == ["2. 政府性基金", ""]
    assert rows[4][:2] == ["二、事业收入", ""]
    assert rows[-1] == ["收入总计", "371,514,655.00", "支出总计", "371,514,655.00"]


def test_other_information(doc) -> None:  # type: ignore[no-untyped-def]
    said = paragraphs(doc)
    assert "（一）因公出国（境）费0万元，与2024年预算持平，主要原因是此部分预算由区外办统一安排。" in said
    assert "2025年度本部门政府采购预算38.20万元，其中：政府采购货物预算7.80万元、政府采购工程预算0万元、政府采购服务预算30.40万元。" in said
    assert "2025年度，本部门编报绩效目标的项目共25个，涉及项目预算资金11,381.60万元。" in said
    assert any(p.startswith("截至2024年8月31日，上海市普陀区商务委员会共有车辆0辆，其中：部级领导干部用车0辆、") for p in said)
    assert doc.cover_lines == ["预算主管部门：上海市普陀区商务委员会"]


def test_split_code() -> None:
    assert split_code("2011301") == ["201", "13", "01"]
    assert split_code("20113") == ["201", "13", ""]
    assert split_code("201") == ["201", "", ""]
    assert split_code("30101") == ["301", "01"]


def test_tree_header_split_and_group() -> None:
    rows = tree_header("编码", "名称", ["合计", "基本支出"], split=True, group="支出预算")
    assert [[(c.text, c.colspan, c.rowspan) for c in r] for r in rows] == [
        [("项目", 4, 1), ("支出预算", 2, 1)],
        [("编码", 3, 1), ("名称", 1, 2), ("合计", 1, 2), ("基本支出", 1, 2)],
        [("类", 1, 1), ("款", 1, 1), ("项", 1, 1)],
    ]


def test_total_row_top_or_bottom() -> None:
    body, total = [[Cell("a")]], [Cell("合计")]
    assert with_total(body, total)[0] == total
    assert with_total(body, total, "bottom")[-1] == total
