"""The final-account document: sentences, tables and formula lines as they print."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.build import prepare
from generator.compute.final import compute
from generator.present.context import table_labels
from generator.present.facts.final import final_facts
from generator.read.load import load_report
from generator.present.profile import load_profile
from generator.render.html import render_html
from generator.present.tables.final import FinalTables
from generator.present.tables.grid import Grid, Money

from .conftest import EXAMPLES

SOURCE = EXAMPLES["jiangan-2023-final"]


@pytest.fixture(scope="module")
def html() -> str:
    doc, _ = prepare(SOURCE)
    return render_html(doc)


@pytest.fixture(scope="module")
def text(html: str) -> str:
    body = html[html.index("<body"):]
    return re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", body))


@pytest.fixture(scope="module")
def parts():  # type: ignore[no-untyped-def]
    report = load_report(SOURCE).report
    profile = load_profile(report.profile, None)  # type: ignore[arg-type]
    fig = compute(report)
    tables = FinalTables(report, fig, Money(), profile.table_options, profile.summary_classes)
    return report, profile, fig, tables


def cells(grid: Grid) -> list[list[str]]:
    return [[c.text for c in row] for row in grid.rows]


def test_growth_is_printed_as_a_percentage_of_last_year(text: str) -> None:
    assert "收、支总计各增加73.61万元，增长3.78%，主要原因是缴纳社保费和职业年金做实增加。" in text
    assert "0.04%" not in text
    assert "比2022年度决算数增加73.61万元" in text
    assert "比2022年度减少19.69万元，下降23.99%" in text


def test_no_execution_rate_when_the_initial_budget_is_zero(text: str) -> None:
    sentence = re.search(r"农林水支出年初预算为0\.00万元[^。]*。", text)
    assert sentence is not None
    assert "完成年初预算" not in sentence.group(0) and "完成全年预算" not in sentence.group(0)
    assert "年初未安排预算，为年度中追加安排" in sentence.group(0)
    outbound = re.search(r"因公出国（境）费预算为0\.00万元[^；]*；", text)
    assert outbound is not None and "完成年初预算" not in outbound.group(0)
    assert "住房保障支出年初预算为167.02万元，支出决算为177.63万元，完成年初预算的106.35%" in text


def test_shares_and_structure(text: str) -> None:
    assert "基本支出1399.78万元，占本年支出69.30%；项目支出620.06万元，占本年支出30.70%。" in text
    # each class share rounded on its own, as the report prints them (they add up to 99.99%)
    for share in ("占54.57%", "占6.93%", "占4.95%", "占24.75%", "占8.79%"):
        assert share in text
    assert "年初预算为1397.59万元，支出决算为2019.84万元，完成年初预算的144.52%" in text


def test_three_public_sentences(text: str) -> None:
    assert "年初预算数为2.52万元，支出决算为2.44万元，完成年初预算的96.83%，较上年减少0.34万元，下降12.23%，决算数小于预算数" in text
    assert "完成年初预算的11.11%；较上年减少1.61万元，下降85.19%。决算数小于预算数的主要原因是" in text
    assert "较上年减少0.55万元，下降61.80%。决算数大于预算数的主要原因是" in text
    assert "公务用车购置费支出0.00万元，较上年持平" in text


def test_facts_use_the_profile_wording(parts) -> None:  # type: ignore[no-untyped-def]
    report, profile, fig, _ = parts
    facts = final_facts(report, fig, profile, table_labels(profile))
    assert facts.values["change.total"] == "增加73.61万元，增长3.78%"
    assert facts.values["exec.tp_reception"] == profile.wording.execution_no_budget
    assert facts.values["why_budget.tp_total"] == ""  # no reason given: the clause is dropped
    assert facts.values["whole.score"] == "100"
    assert facts.values["share.eval"] == "80.64%"


def test_summary_table_rows_and_formula(parts) -> None:  # type: ignore[no-untyped-def]
    _, _, _, t = parts
    (grid,) = t.summary()
    rows = cells(grid)
    assert rows[0] == ["一、一般公共预算财政拨款收入", "1", "2019.84", "一、一般公共服务支出", "31", "1102.31"]
    assert rows[18][3:] == ["十九、住房保障支出", "49", "177.63"]
    assert rows[25][3:5] == ["二十六、抗疫特别国债安排的支出", "56"]
    assert rows[-1] == ["总计", "30", "2019.84", "总计", "60", "2019.84"]
    assert t.formulas()["summary"] == "27行=（1+2+3+4+5+6+7+8）行；30行=（27+28+29）行；57行=（31+32+…+56）行；60行=（57+58+59）行。"
    assert t.formulas()["appropriation"] == "27行=（1+2+3）行；28行=（29+30+31）行；32行=（27+28）行；59行=（33+34+…+58）行；64行=（59+60）行。"


def test_appropriation_table_row_numbers(parts) -> None:  # type: ignore[no-untyped-def]
    _, _, _, t = parts
    rows = cells(t.appropriation()[0])
    assert [r[4] for r in rows] == [str(n) for n in range(33, 65)]
    assert [r[1] for r in rows] == [str(n) for n in range(1, 33)]
    assert rows[-1][:3] == ["总计", "32", "2019.84"]


def test_function_tables_use_corrected_leaves(parts) -> None:  # type: ignore[no-untyped-def]
    _, _, _, t = parts
    rows = {r[0]: r for r in cells(t.expenditure()[0])}
    assert rows["2210203"][2:5] == ["41.48", "41.48", ""]
    assert rows["20899"][1] == "其他社会保障和就业支出" and "208099" not in rows
    assert rows["210"][2:5] == ["99.90", "99.36", "0.54"]
    assert cells(t.general()[0])[0][1:] == ["2019.84", "1399.78", "620.06"]


def test_basic_detail_in_three_blocks(parts) -> None:  # type: ignore[no-untyped-def]
    _, _, _, t = parts
    rows = cells(t.basic()[0])
    personnel = {r[0]: r[2] for r in rows if len(r) == 9 and r[0]}
    public = {r[3]: r[5] for r in rows if len(r) == 9 and r[3]}
    assert personnel["303"] == "118.82" and personnel["301"] == "1218.57" and personnel["30106"] == ""
    assert public["302"] == "62.39" and public["30231"] == "0.28"
    assert rows[-1] == ["人员经费合计", "1337.39", "公用经费合计", "62.39"]


def test_empty_tables_keep_their_notes(text: str) -> None:
    for label in ("公开07表", "公开08表"):
        assert label in text
    assert "2023年，江岸区人民政府办公室没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出。" in text
    assert "6栏各行=（1+2-3）栏各行；3栏各行=（4+5）栏各行。" in text


def test_self_evaluation_forms(text: str) -> None:
    assert "1397.592019.84144.52%20" in text  # 预算数, 执行数, 执行率, 得分 = 20 × min(rate, 100%)
    assert "年度绩效目标（80分）" in text and "效益指标（20分）" in text and "满意度指标（20分）" in text
    assert "总分100" in text and "区级专项■" in text and "部门预算项目□" in text
    assert "经过自评，2023年度部门整体绩效自评得分100分。" in text


def test_user_text_is_escaped(tmp_path: Path) -> None:
    source = SOURCE.read_text(encoding="utf-8")
    edited = source.replace('reception_use: "2023 年', 'reception_use: "<b>接待</b> 2023 年')
    assert edited != source
    unit = tmp_path / "jiangan-gov-office"
    unit.mkdir()
    (unit / "2023-final.yaml").write_text(edited, encoding="utf-8")
    doc, _ = prepare(unit / "2023-final.yaml")
    page = render_html(doc)
    assert "&lt;b&gt;接待&lt;/b&gt;" in page and "<b>接待" not in page
