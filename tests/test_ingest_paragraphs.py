"""Paragraph starts of the running text, and head counts read from a staffing sentence (hand-made lines)."""

from __future__ import annotations

from generator.ingest.paragraphs import paragraph_starts
from generator.ingest.pdf import Line
from generator.ingest.sinks import staff_items


def _line(x0: float, x1: float, text: str, page: int = 1) -> Line:
    return Line(page, 0.0, x0, text, x1)


def test_paragraph_starts() -> None:
    lines = [
        _line(80, 530, "2023年度收入合计2019.84万元，与2022年度相比，收入合计增加73.61万元，增长"),  # 0 indented: a start
        _line(56, 300, "3.78%，主要原因是缴纳社保费增加。"),  # 1 short, closing mark: ends its paragraph
        _line(56, 200, "二、支出决算情况说明"),  # 2 a heading
        _line(80, 500, "支出决算年初预算为1560.05万元，支出决算为1511.89万"),  # 3 indented; cut short by a number
        _line(56, 480, "元。决算数小于预算数的主要原因：人员进出及退休变化，减少"),  # 4 goes on
        _line(56, 200, "人员经费开支。其中主要原因："),  # 5 short, but ends with a colon
        _line(56, 530, "基本支出中人员进出及退休变化，以及项目支出中合同支付进度条款等原因减少支"),  # 6 goes on
        _line(56, 120, "付。"),  # 7 goes on, ends its paragraph
        _line(400, 530, "单位：万元"),  # 8 centred / right: a paragraph of its own
        _line(56, 530, "注：本表反映部门本年度的总收支和年末结转结余情况，本表金额单位为万元。"),  # 9 after it
        _line(42, 700, "注：部门预算和年度决算收支口径一致，不包含特设专户可用资金编制计划。", page=2),  # 10 other margins
        _line(42, 700, "第二行写到页面右边缘为止的一行文字，用来确定这一页的左右边距。", page=2),  # 11 goes on
    ]
    assert paragraph_starts(lines) == {0, 2, 3, 8, 9, 10}


def test_staff_items() -> None:
    assert staff_items("行政编制30人，工勤人员10人，事业编制24人（其中：参照公务员法管理6人，工勤2人）") == [
        {"name": "行政编制", "count": 30},
        {"name": "工勤人员", "count": 10},
        {"name": "事业编制", "count": 24, "note": "其中：参照公务员法管理6人，工勤2人"},
    ]
    assert staff_items("离休1人，退休48人") == [{"name": "离休", "count": 1}, {"name": "退休", "count": 48}]
    assert staff_items("局机关层单位") is None
