"""`disclosure check` finds the published reports' own inconsistencies, each at the line where it lives.

The fixtures in fixtures/as_published/ are the example data files with the published
(inconsistent) figures put back; their header comments say where each inconsistency of
published reports went, or why it cannot be written in our data at all.
Expected lines are found by searching the fixture text, never copied from the output.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.commands.cli import main

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "as_published"
DATA = HERE.parent / "data"
LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<severity>错误|警告): (?P<message>.*)$")


def check(path: Path) -> tuple[int, list[tuple[int, str, str]]]:
    """Exit code and (line, severity, message) of every issue that `disclosure check PATH` prints."""
    result = CliRunner().invoke(main, ["check", str(path)])
    found = []
    for text in result.output.splitlines()[:-1]:  # the last line is the count
        match = LINE.match(text)
        assert match, f"not file:line:col: {text!r}"
        found.append((int(match["line"]), match["severity"], match["message"]))
    assert result.output.splitlines()[-1].startswith("检查了 ")
    return result.exit_code, found


def line_of(text: str, needle: str, after: str | None = None) -> int:
    """The line (1-based) where ``needle`` first occurs in the data (below the header comment), or after ``after``."""
    start = text.index(after if after is not None else "\nprofile:")
    return text.count("\n", 0, text.index(needle, start)) + 1


def first_item_line(text: str, key: str) -> int:
    """The line of the first ``- `` entry of the top-level list ``key:`` (where a whole list is reported)."""
    return line_of(text, "  - ", after=f"\n{key}:\n")


def messages_at(found: list[tuple[int, str, str]], line: int, severity: str) -> list[str]:
    return [m for ln, sev, m in found if ln == line and sev == severity]


def test_published_jianghan_2020_budget() -> None:
    path = FIXTURES / "000-budget.yaml"
    text = path.read_text(encoding="utf-8")
    code, found = check(path)
    assert code == 1
    # 7. 扶贫开发工作 968.00 against its four allocations 270 + 100 + 420 + 150 = 940
    at = messages_at(found, line_of(text, "amount: 968.00"), "错误")
    assert at == ["项目“扶贫开发工作”金额 968.00 ≠ 支出明细之和 940.00，相差 28.00"]
    # 8. 222 printed as 粮油物资管理支出
    at = messages_at(found, line_of(text, '"222": 粮油物资管理支出'), "警告")
    assert len(at) == 1 and "粮油物资储备支出" in at[0]
    # 9. "，；" in the performance targets as printed
    at = messages_at(found, line_of(text, "3600 次，；"), "错误")
    assert len(at) == 1 and "，；" in at[0]
    assert [ln for ln, sev, _ in found if sev == "错误"] == [line_of(text, "amount: 968.00"), line_of(text, "3600 次，；")]


def test_published_jiangan_2023_final() -> None:
    path = FIXTURES / "002-final.yaml"
    text = path.read_text(encoding="utf-8")
    code, found = check(path)
    assert code == 1
    expected_errors = set()
    # 2./3. 2210203 41.49 and 2101199 0.54 in the basic column: 1,400.33 against the economic table's 1,399.78
    line = first_item_line(text, "expenditure")
    at = messages_at(found, line, "错误")
    assert len(at) == 1 and "1,400.33" in at[0] and "1,399.78" in at[0] and "相差 0.55" in at[0]
    expected_errors.add(line)
    # 3. 部门日常工作经费 120.06: project uses 620.06 against project spending 619.52
    line = first_item_line(text, "project_uses")
    at = messages_at(found, line, "错误")
    assert len(at) == 1 and "620.06" in at[0] and "619.52" in at[0] and "相差 0.54" in at[0]
    expected_errors.add(line)
    # 7. 年初预算 written for 财政事务(款)行政运行(项): a 7-digit code that the expenditure does not use
    line = line_of(text, 'code: "2010601"', after="class_budgets:")
    at = messages_at(found, line, "错误")
    assert len(at) == 2 and any("应为 3 位（类级）" in m for m in at) and any("没有对应的项级科目" in m for m in at)
    expected_errors.add(line)
    # 9. 满意度指标 headed (10 分) but scored 20
    line = line_of(text, "weight: 10", after='level1: "满意度指标"')
    at = messages_at(found, line, "错误")
    assert len(at) == 1 and "得分之和 20 超过其分值（权重）10" in at[0]
    expected_errors.add(line)
    # 10. the 款 code printed as 208099
    line = line_of(text, '"208099"')
    at = messages_at(found, line, "错误")
    assert len(at) == 1 and "“208099”为 6 位" in at[0]
    expected_errors.add(line)
    assert {ln for ln, sev, _ in found if sev == "错误"} == expected_errors


def test_published_xinzhou_2023_budget() -> None:
    path = FIXTURES / "004-budget.yaml"
    text = path.read_text(encoding="utf-8")
    code, found = check(path)
    assert code == 1
    # 6. 301 941.74/941.73, 303 53.90/53.89, 221 92.14/92.13: the two tables' 人员经费 no longer agree
    line = first_item_line(text, "expenditure")
    at = messages_at(found, line, "错误")
    assert len(at) == 1 and at[0].startswith("人员经费：") and "995.63" in at[0] and "995.64" in at[0] and "相差 0.01" in at[0]
    assert [ln for ln, sev, _ in found if sev == "错误"] == [line]
    # 3. a 2023 budget explaining itself with “2022 年拟更新小车一辆”
    at = messages_at(found, line_of(text, "vehicle_operation: 2022 年拟"), "警告")
    assert len(at) == 1 and "2022 年拟" in at[0]
    # 8. project spending under 2010301 行政运行
    at = messages_at(found, line_of(text, "project: 304.53", after='code: "2010301"'), "警告")
    assert len(at) == 1 and "行政运行" in at[0] and "304.53" in at[0]
    # 9. 医疗卫生与计划生育支出, the pre-2018 name of 210
    at = messages_at(found, line_of(text, '"210": 医疗卫生与计划生育支出'), "警告")
    assert len(at) == 1 and "卫生健康支出" in at[0]
    # 11. 近两年 labelled 2020 and 2021 in a 2023 budget
    for label, want in (("label: 2020年", "2021"), ("label: 2021年", "2022")):
        at = messages_at(found, line_of(text, label, after="prior_years:"), "警告")
        assert len(at) == 1 and f"应为 {want} 年" in at[0]


@pytest.mark.parametrize("path", sorted(DATA.glob("*/*.yaml")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corrected_examples_have_no_errors(path: Path) -> None:
    code, found = check(path)
    assert [m for _, sev, m in found if sev == "错误"] == []
    assert code == 0
