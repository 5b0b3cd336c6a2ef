"""disclosure audit on reports doctored in known ways: every planted error is found, and nothing else.

Each document is one of our examples built to HTML, with figures, shares, rates and words changed
in the HTML, rendered to PDF with WeasyPrint and audited. A finding is matched by page, check
and printed figure; the page of each planted error is looked up in the PDF's own text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from generator.audit.findings import Finding, audit
from generator.build import prepare
from generator.ingest.run import import_source
from generator.render.html import render_html
from generator.present.document import Paragraph
from generator.render.pdf import html_to_pdf
from generator.render.pdf_typst import render_typst

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Plant:
    after: str
    """Text in the HTML after which the change is made (its first occurrence)."""
    old: str
    new: str
    at: str
    """Text of the doctored PDF on the page the finding belongs to (white space aside)."""
    # check and printed figure of the finding; none for a change that goes with the one before it
    check: str
    printed: str


def _plant(html: str, p: Plant) -> str:
    start = html.index(p.after)
    pos = html.index(p.old, start)
    return html[:pos] + p.new + html[pos + len(p.old) :]


def _pages(pdf: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return [re.sub(r"\s+", "", page.extract_text() or "") for page in doc.pages]


def _page_of(pages: list[str], text: str) -> int:
    hits = [n for n, page in enumerate(pages, start=1) if re.sub(r"\s+", "", text) in page]
    assert len(hits) == 1, (text, hits)
    return hits[0]


CELL = '<td class="num">{}</td>'
NEXT = '</td><td class="num">'

# 2020 budget of 江汉区人民政府办公室: 2232.51 = 975.31 basic + 1257.20 project; last year 1666.94 = 1151.94 + 515.00.
JIANGHAN = [
    # growth over this year instead of last: 742.20 / 1257.20 = 59.04% (right: 742.20 / 515.00 = 144.12%)
    Plant("项目支出1257.20万元，比2019年预算", "增长144.12%", "增长59.04%", "比2019年预算增加742.20万元，增长59.04%", "增长率", "59.04%"),
    # direction word turned: basic fell 176.63 (1151.94 → 975.31), the rate still says 下降
    Plant("基本支出975.31万元，主要用于", "减少176.63万元", "增加176.63万元", "增加176.63万元，下降15.33%", "方向", "增加"),
    # the total of the 总体情况 sentence
    Plant("", "部门总预算2232.51万元", "部门总预算2223.51万元", "部门总预算2223.51万元", "金额", "2223.51"),
    # a share off by one hundredth: 975.31 / 2232.51 = 43.69%
    Plant("基本支出975.31万元，占", "43.69%", "43.70%", "基本支出975.31万元，占43.70%", "占比", "43.70%"),
    # a 项's basic spending in the 一般公共预算支出表: breaks its row, its 款, 类 and the 合计
    Plant(
        "2020年一般公共预算支出表",
        CELL.format("49.07") + CELL.format("49.07"),
        CELL.format("49.07") + CELL.format("94.07"),
        "机关事业单位基本养老保险缴费支出49.0794.07",
        "单元格",
        "94.07",
    ),
    # the 合计 of the 部门支出预算总表
    Plant("2020年部门支出预算总表", CELL.format("2,232.51"), CELL.format("2,223.51"), "2020年部门支出预算总表", "表内合计", "2,223.51"),
    # 公务接待费 said unchanged: then last year's "三公" items add up to 0 + 0 + 10.00 + 2.90 = 12.90,
    # while the total fell 0.10 from 13.00 (found at the total, which of the two is wrong cannot be told)
    Plant(
        "公务接待费2.90万元，",
        "比2019年预算减少0.10万元，下降3.33%",
        "与2019年预算持平",
        "“三公”经费预算12.90万元，比2019年预算减少0.10万元",
        "上年数",
        "减少0.10万元，下降0.77%",
    ),
    # the 合计 of the "三公" table: 10.00 + 2.90 = 12.90
    Plant("2020年财政拨款“三公”经费支出表", CELL.format("12.90"), CELL.format("21.90"), "2020年财政拨款“三公”经费支出表", "表内合计", "21.90"),
]

# 2024 final account of 上海市普陀区财政局: 一般公共预算 2940.05 of 年初预算 2993.93; 本年收入 2946.25.
PUTUO_FINANCE = [
    # a class in the 收入支出决算总表: breaks its 本年支出合计 and differs from the class of the 支出决算表 (60.99)
    Plant("九、卫生健康支出", CELL.format("60.99"), CELL.format("69.09"), "九、卫生健康支出69.09", "单元格", "69.09"),
    # a class of the 财政拨款收入支出决算总表 changed with its 本年支出合计 (+10.00): the table adds up, but the
    # 一般公共预算财政拨款支出决算表 has 326.71 for the class
    Plant("财政拨款收入支出决算总表</h", "326.71" + NEXT + "326.71", "336.71" + NEXT + "336.71", "八、社会保障和就业支出336.71", "跨表", "336.71"),
    Plant("财政拨款收入支出决算总表</h", "2940.05" + NEXT + "2940.05", "2950.05" + NEXT + "2950.05", "八、社会保障和就业支出336.71", "", ""),
    # the total of the 总体情况说明
    Plant("", "年度收入支出总计2995.39万元", "年度收入支出总计2995.93万元", "收入支出总计2995.93万元", "金额", "2995.93"),
    # an income share: 6.20 / 2946.25 = 0.21%
    Plant("其他收入6.20万元，占", "0.21%", "0.12%", "其他收入6.20万元，占0.12%", "占比", "0.12%"),
    # the execution rate of 一般公共预算: 2940.05 / 2993.93 = 98.20%
    Plant("", "完成年初预算的98.20%", "完成年初预算的89.20%", "一般公共预算财政拨款支出年初预算为2993.93万元", "完成率", "89.20%"),
    # 决算数 2940.05 is below 年初预算 2993.93
    Plant("完成年初预算的89.20%", "决算数小于预算数", "决算数大于预算数", "一般公共预算财政拨款支出年初预算为2993.93万元", "比较", "大于"),
    # a 项's 年初预算 (1560.05): the 11 项 no longer add up to the 年初预算 of 一般公共预算 (2993.93)
    # (with its own rate made to agree: 1511.89 / 1650.05 = 91.63%)
    Plant("", "年初预算为1560.05万元", "年初预算为1650.05万元", "一般公共预算财政拨款支出年初预算为2993.93万元", "列举合计", "2993.93"),
    Plant("年初预算为1650.05万元", "完成年初预算的96.91%", "完成年初预算的91.63%", "", "", ""),
    # 机关运行经费 rose 2.55 (1.40%), printed as a fall
    Plant("机关运行经费支出184.65万元", "增加2.55万元", "减少2.55万元", "机关运行经费支出184.65万元，比2023年度减少2.55万元", "方向", "减少"),
]

# 2023 final account of 江岸区人民政府办公室: 2019.84, last year 1946.23.
JIANGAN = [
    # the ratio printed as a percentage: 73.61 / 1946.23 = 0.0378 (3.78%)
    Plant("", "各增加73.61万元，增长3.78%", "各增加73.61万元，增长0.04%", "2023年度收、支总计2019.84万元", "增长率", "0.04%"),
    # the change of 收入合计 (73.61, 3.78% of 1946.23) printed as 37.61: the rate no longer follows from the change,
    # 37.61 / (2019.84 - 37.61) = 1.90% (last year's 收入合计 is a figure of its own, printed nowhere else)
    Plant("收入合计2019.84万元", "收入合计增加73.61万元", "收入合计增加37.61万元", "2023年度收入合计2019.84万元", "增长率", "3.78%"),
    # "三公" execution: 2.44 / 2.52 = 96.83%
    Plant("", "完成年初预算的96.83%", "完成年初预算的69.83%", "“三公”经费财政拨款年初预算数为2.52万元", "完成率", "69.83%"),
    # a class share: 1102.31 / 2019.84 = 54.57%
    Plant("一般公共服务支出1102.31万元，", "占54.57%", "占54.75%", "一般公共服务支出1102.31万元，占54.75%", "占比", "54.75%"),
    # the number of vehicles against the vehicles listed
    Plant("", "共有车辆1辆", "共有车辆2辆", "共有车辆2辆", "列举合计", "2"),
    # 图3's share of 基本支出: 1399.78 / (1399.78 + 620.06) = 69.30%
    Plant("基本支出 1399.78</text>", ">69.30%</text>", ">69.40%</text>", "基本支出1399.7869.40%", "图表", "69.40%"),
    # 图4's bar of last year: 2019.84 less the printed change of 73.61 = 1946.23
    Plant("图3：支出决算结构", ">1946.23</text>", ">1964.23</text>", "图4：财政拨款收、支决算总计变动情况", "图表", "1964.23"),
]

# 2025 budget of 上海市普陀区商务委员会: tables in 元, text in 万元 (37,151.47 = 371,514,700 元 / 10,000).
PUTUO_COMMERCE = [
    # the "三公" total: the table has 公务接待费 10,000 元 and nothing else
    Plant("", "经费预算数为1.00万元", "经费预算数为1.10万元", "“三公”经费预算数为1.10万元", "金额", "1.10"),
    # the 一般公共预算 spending of the text against the tables
    Plant("", "一般公共预算拨款支出预算37,151.47万元", "一般公共预算拨款支出预算37,115.47万元", "一般公共预算拨款支出预算37,115.47万元", "金额", "37,115.47"),
    # a project's budget against its items: 870 + 80 + 180 + 50 = 1,180 ≠ 1,170
    Plant("", "支持企业创新化发展70.00万", "支持企业创新化发展80.00万", "2025年度项目总预算1,170.00万", "列举合计", "1,170.00"),
    # the vehicles: every kind is 0
    Plant("", "共有车辆0辆", "共有车辆1辆", "共有车辆1辆", "列举合计", "1"),
    # 行政运行's basic spending in the 一般公共预算 table (元)
    Plant(
        "一般公共预算支出功能分类预算表</h",
        "9,389,913.00" + NEXT + "9,389,913.00",
        "9,389,913.00" + NEXT + "9,398,913.00",
        "行政运行9,389,913.009,398,913.00",
        "单元格",
        "9,398,913.00",
    ),
]

DOCUMENTS = {
    "jianghan-gov-office/2020-budget.yaml": JIANGHAN,
    "putuo-finance/2024-final.yaml": PUTUO_FINANCE,
    "jiangan-gov-office/2023-final.yaml": JIANGAN,
    "putuo-commerce/2025-budget.yaml": PUTUO_COMMERCE,
}


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[list[Finding], list[str]]]:
    out = tmp_path_factory.mktemp("doctored")
    result = {}
    for name, plants in DOCUMENTS.items():
        doc, _ = prepare(ROOT / "data" / name)
        html = render_html(doc, print_css=True)
        for p in plants:
            doctored = _plant(html, p)
            assert doctored != html, p
            html = doctored
        pdf = out / (name.replace("/", "-").removesuffix(".yaml") + ".pdf")
        pdf.write_bytes(html_to_pdf(html, ROOT / "data"))
        result[name] = (audit(import_source(pdf)), _pages(pdf))
    return result


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_every_planted_error_and_nothing_else(audited: dict[str, tuple[list[Finding], list[str]]], name: str) -> None:
    findings, pages = audited[name]
    got = sorted((f.page, f.check, f.printed) for f in findings)
    want = sorted((_page_of(pages, p.at), p.check, p.printed) for p in DOCUMENTS[name] if p.check)
    assert got == want, "\n".join(f"{f.page} {f.check} {f.printed} → {f.expected}：{f.why}" for f in findings)


def test_the_findings_say_what_it_should_be(audited: dict[str, tuple[list[Finding], list[str]]]) -> None:
    """What each planted error should be, worked out by hand from the example's figures."""
    findings, _ = audited["jianghan-gov-office/2020-budget.yaml"]
    by = {(f.check, f.printed): f for f in findings}
    assert by[("增长率", "59.04%")].expected == "144.12%"  # 742.20 / (1257.20 − 742.20)
    assert "本年数" in by[("增长率", "59.04%")].why
    assert by[("方向", "增加")].expected == "减少"
    assert by[("金额", "2223.51")].expected == "2232.51"
    assert by[("占比", "43.70%")].expected == "43.69%"
    assert by[("单元格", "94.07")].expected == "49.07"  # 2080505 total 49.07, no project spending
    assert by[("表内合计", "2,223.51")].expected == "2,232.51"
    findings, _ = audited["jiangan-gov-office/2023-final.yaml"]
    by = {(f.check, f.printed): f for f in findings}
    assert by[("增长率", "0.04%")].expected == "3.78%"
    assert "100" in by[("增长率", "0.04%")].why
    assert by[("完成率", "69.83%")].expected == "96.83%"  # 2.44 / 2.52
    assert by[("列举合计", "2")].expected == "1"
    assert by[("增长率", "3.78%")].expected == "1.90%"
    findings, _ = audited["putuo-commerce/2025-budget.yaml"]
    by = {(f.check, f.printed): f for f in findings}
    assert by[("金额", "1.10")].expected == "1.00"
    assert by[("金额", "37,115.47")].expected == "37,151.47"
    assert by[("列举合计", "1,170.00")].expected == "1,180.00"
    assert by[("列举合计", "1")].expected == "0"
    assert by[("单元格", "9,398,913.00")].expected == "9,389,913.00"
    findings, _ = audited["putuo-finance/2024-final.yaml"]
    by = {(f.check, f.printed): f for f in findings}
    assert by[("完成率", "89.20%")].expected == "98.20%"  # 2940.05 / 2993.93
    assert by[("比较", "大于")].expected == "小于"
    assert by[("列举合计", "2993.93")].expected == "3083.93"  # 2993.93 + 90.00
    assert by[("单元格", "69.09")].expected == "60.99"
    assert by[("跨表", "336.71")].expected == "326.71"  # 项 84.65 + 160.75 + 80.38 + 0.93
    assert by[("占比", "0.12%")].expected == "0.21%"  # 6.20 / 2946.25


def test_every_format_gives_the_same_list(audited: dict[str, tuple[list[Finding], list[str]]]) -> None:
    import html
    import json

    from generator.commands.audit import as_html, as_json, as_text

    findings, _ = audited["putuo-finance/2024-final.yaml"]
    rows = [(str(f.page), f.check, f.printed, f.expected) for f in findings]
    assert [(str(d["page"]), d["check"], d["printed"], d["expected"]) for d in json.loads(as_json(findings))] == rows
    page = as_html(findings, "x.pdf", [(22, "支出决算为 0.88 万元。<完成>")])
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(<td.*?)</tr>", page)]
    plain = [[html.unescape(re.sub(r"<[^>]+>", "", c)) for c in row] for row in cells]
    assert [(c[0], c[1], c[3], c[4]) for c in plain[: len(rows)]] == rows
    assert plain[len(rows) :] == [["22", "支出决算为 0.88 万元。<完成>"]]  # the lines not checked, escaped
    lines = as_text(findings).splitlines()[1:-1]
    assert [tuple(line.split()[:2]) for line in lines] == [(p, c) for p, c, _, _ in rows]
    assert all(printed in line and expected in line for line, (_, _, printed, expected) in zip(lines, rows))


def _doctor(sections: list, old: str, new: str) -> bool:
    """Change the first paragraph of the Document that prints ``old`` (its blocks are plain lists)."""
    for section in sections:
        for i, block in enumerate(section.blocks):
            if isinstance(block, Paragraph) and old in block.text:
                section.blocks[i] = replace(block, text=block.text.replace(old, new, 1))
                return True
        if _doctor(section.sections, old, new):
            return True
    return False


def _one_change(tmp_path: Path, data: str, old: str, new: str) -> tuple[list[tuple[int, str, str, str]], list[str]]:
    """An example's Document with one paragraph changed, set with Typst (the other engine) and audited:
    (page, check, printed, expected) of each finding, and the PDF's pages."""
    doc, _ = prepare(ROOT / "data" / data)
    assert _doctor(doc.parts, old, new)
    pdf = tmp_path / "doctored.pdf"
    pdf.write_bytes(render_typst(doc))
    return [(f.page, f.check, f.printed, f.expected) for f in audit(import_source(pdf))], _pages(pdf)


def test_a_count_that_differs_from_its_list(tmp_path: Path) -> None:
    """Xinzhou lists its 3 二级单位 of "三公" numbered 1.–3.; the sentence before them, doctored, says 4."""
    found, pages = _one_change(tmp_path, "xinzhou-gov-office/2023-budget.yaml", "机关及下属3个二级单位", "机关及下属4个二级单位")
    assert found == [(_page_of(pages, "机关及下属4个二级单位"), "计数", "4", "3")]


def test_a_sentence_with_another_year(tmp_path: Path) -> None:
    """Seed 004 printed "2022 年部门预算中纳入政府采购预算支出合计 156.26 万元" in its 2023 budget: the sentence is
    unread with the report's year, read with its year left open, and its year is the finding."""
    found, pages = _one_change(tmp_path, "xinzhou-gov-office/2023-budget.yaml", "2023年部门预算中纳入政府采购", "2022年部门预算中纳入政府采购")
    assert found == [(_page_of(pages, "2022年部门预算中纳入政府采购"), "年份", "2022年", "2023年")]


def test_a_sentence_with_another_year_is_still_checked(tmp_path: Path) -> None:
    """The sentence read with its year left open has its figures checked too: Jiangan's 采购 total, printed
    2.81 with its parts 0.74 + 0.00 + 1.44 in a sentence that also says 2022年度."""
    old = "2023年度江岸区人民政府办公室政府采购支出总额2.18万元"
    found, pages = _one_change(tmp_path, "jiangan-gov-office/2023-final.yaml", old, "2022年度江岸区人民政府办公室政府采购支出总额2.81万元")
    page = _page_of(pages, "政府采购支出总额2.81万元")
    assert sorted(found) == [(page, "列举合计", "2.81", "2.18"), (page, "年份", "2022年", "2023年")]


def test_a_sentence_naming_a_kuan_otherwise_than_its_table(tmp_path: Path) -> None:
    """The published Shanghai planning report names 22102 住房改革支出 "住房保障支出（款）" in its text: the
    sentence reads once its path is left open, its 支出决算 is that of 2210201, and its path is the finding."""
    old = "住房保障支出（类）住房改革支出（款）住房公积金"
    found, pages = _one_change(tmp_path, "putuo-planning/2024-final.yaml", old, "住房保障支出（类）住房保障支出（款）住房公积金")
    assert found == [
        (
            _page_of(pages, "住房保障支出（款）住房公积金"),
            "名称",
            "住房保障支出（类）住房保障支出（款）住房公积金（项）",
            "住房保障支出（类）住房改革支出（款）住房公积金（项）",
        )
    ]


def test_a_sentence_named_otherwise_is_still_checked(tmp_path: Path) -> None:
    """A 项 sentence read only with its path left open is an entry of its list like the others: its
    execution rate is checked too (and its lines are not listed as unread)."""
    old = "住房保障支出（类）住房改革支出（款）住房公积金（项）。主要用于：行政单位、事业单位住房公积金支出。年初预算为289.59万元，支出决算为289.59万元，完成年初预算的100.00%"
    new = old.replace("住房改革支出（款）", "住房保障支出（款）").replace("100.00%", "101.00%")
    found, pages = _one_change(tmp_path, "putuo-planning/2024-final.yaml", old, new)
    page = _page_of(pages, "完成年初预算的101.00%")
    assert sorted(found) == sorted(
        [
            (_page_of(pages, "住房保障支出（款）住房公积金"), "名称", "住房保障支出（类）住房保障支出（款）住房公积金（项）", "住房保障支出（类）住房改革支出（款）住房公积金（项）"),
            (page, "完成率", "101.00%", "100.00%"),
        ]
    )


def test_a_class_execution_rate(tmp_path: Path) -> None:
    """Jiangan's 类 each print their 年初预算, 支出决算 and rate (the 自评 list prints a rate under the same
    name, which must not make the 类's phrase "完成年初预算的…" read as a bare figure): 140.00 / 62.34 = 224.57%."""
    found, pages = _one_change(tmp_path, "jiangan-gov-office/2023-final.yaml", "完成年初预算的224.57%", "完成年初预算的242.57%")
    assert found == [(_page_of(pages, "完成年初预算的242.57%"), "完成率", "242.57%", "224.57%")]


@pytest.mark.parametrize("content", [b"", b"%PDF-1.4\nnot really\n", b"PK\x03\x04 nonsense"])
def test_unreadable_input_is_a_message(tmp_path: Path, content: bytes) -> None:
    import subprocess
    import sys

    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    result = subprocess.run([sys.executable, "-m", "generator", "audit", str(path)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert result.stderr.startswith("错误：") and "Traceback" not in result.stderr


def test_an_amount_left_out(tmp_path: Path) -> None:
    """Seed 004 printed "“三公”经费预算 万元": the sentence reads with the figure blank, and the blank is the
    finding, with the figure the 三公 table gives."""
    found, pages = _one_change(tmp_path, "jianghan-gov-office/2020-budget.yaml", "“三公”经费预算12.90万元", "“三公”经费预算 万元")
    assert found == [(_page_of(pages, "“三公”经费预算万元"), "金额", "（空）", "12.90")]


def test_a_zero_change_worded_as_a_decrease(tmp_path: Path) -> None:
    """Seed 004: "公务用车运行维护费 40 万元，比 2022 年预算减少 0 万元" where nothing changed: 持平."""
    old = "公务用车购置费0.00万元，与2022年预算持平"
    found, pages = _one_change(tmp_path, "xinzhou-gov-office/2023-budget.yaml", old, "公务用车购置费0.00万元，比2022年预算减少0.00万元")
    assert found == [(_page_of(pages, "比2022年预算减少0.00万元"), "持平", "减少0.00万元", "持平")]


def test_a_reason_after_a_full_stop(tmp_path: Path) -> None:
    """Seed 002: "…增加 73.61 万元，增加 0.04%。主要原因是…": the sentence still reads (a full stop before 主要原因
    for the template's comma, 增加 for 增长), and its rate is checked."""
    old = "一般公共预算财政拨款支出增加73.61万元，增长3.78%，主要原因是"
    new = "一般公共预算财政拨款支出增加73.61万元，增加0.04%。主要原因是"
    found, pages = _one_change(tmp_path, "jiangan-gov-office/2023-final.yaml", old, new)
    assert found == [(_page_of(pages, "增加0.04%。主要原因是"), "增长率", "0.04%", "3.78%")]
