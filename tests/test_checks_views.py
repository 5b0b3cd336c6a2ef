"""A printed total shown by two columns: the rules that keep both columns adding up to it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.check import views
from generator.errors import Pos
from generator.present.profile import load_profile

from .test_checks_rules import BUDGET, FINAL, only, run, variant

JIANGHAN = load_profile("jianghan-budget", Pos("x", 1, 1))
"""Prints 部门收支总表 and 财政拨款收支总表 with an economic column."""
XINZHOU = load_profile("xinzhou-budget", Pos("x", 1, 1))
"""Prints no table of spending by economic 类."""
WITH_PROJECT_ECON = variant(BUDGET, lambda d: d.update(project_economic=[{"code": "302", "amount": 25}, {"code": "399", "amount": 5}]))


def test_project_economic_must_add_up_to_project_spending(tmp_path: Path) -> None:
    assert run(views.project_by_economic, tmp_path, WITH_PROJECT_ECON, JIANGHAN)[0] == []
    moved = variant(WITH_PROJECT_ECON, lambda d: d["expenditure"][1].update(project=130))
    issues, loaded = run(views.project_by_economic, tmp_path, moved, JIANGHAN)
    issue = only(issues)
    assert issue.is_error and "30.00 ≠" in issue.message and "130.00" in issue.message and "相差 100.00" in issue.message
    assert issue.pos == loaded.positions.pos(("project_economic",))
    # given, it is a second view of the total whatever the profile prints
    assert only(run(views.project_by_economic, tmp_path, moved, XINZHOU)[0]).is_error


def test_missing_project_economic_is_an_error_only_where_printed(tmp_path: Path) -> None:
    issues, loaded = run(views.project_by_economic, tmp_path, BUDGET, JIANGHAN)
    issue = only(issues)
    assert "缺少项目支出按经济分类" in issue.message and "30.00" in issue.message
    assert issue.pos == loaded.positions.pos(("expenditure",))
    assert run(views.project_by_economic, tmp_path, BUDGET, XINZHOU)[0] == []
    no_projects = variant(BUDGET, lambda d: d["expenditure"].pop(1))
    assert run(views.project_by_economic, tmp_path, no_projects, JIANGHAN)[0] == []
    assert run(views.project_by_economic, tmp_path, FINAL, None)[0] == []


def test_economic_class_missing_from_the_printed_list(tmp_path: Path) -> None:
    other = variant(WITH_PROJECT_ECON, lambda d: d["project_economic"].append({"code": "308", "amount": 0}))
    assert run(views.econ_classes_printed, tmp_path, other, JIANGHAN)[0] == []  # nothing to print
    moved = variant(WITH_PROJECT_ECON, lambda d: d["project_economic"][1].update(code="308"))
    issues, loaded = run(views.econ_classes_printed, tmp_path, moved, JIANGHAN)
    assert len(issues) == 2  # one per table that prints the column
    assert all("经济分类 308（5.00）" in i.message for i in issues)
    assert issues[0].pos == loaded.positions.pos(("project_economic", 1, "code"))
    assert run(views.econ_classes_printed, tmp_path, moved, XINZHOU)[0] == []


def test_gov_fund_spending_has_no_economic_view(tmp_path: Path) -> None:
    def add_fund(d: dict[str, Any]) -> None:
        d["gov_fund_expenditure"] = [{"code": "2296002", "project": 12}]

    funded = variant(WITH_PROJECT_ECON, add_fund)
    issues, loaded = run(views.gov_fund_by_economic, tmp_path, funded, JIANGHAN)
    issue = only(issues)
    assert "政府性基金预算支出 12.00" in issue.message
    assert issue.pos == loaded.positions.pos(("gov_fund_expenditure",))
    assert run(views.gov_fund_by_economic, tmp_path, WITH_PROJECT_ECON, JIANGHAN)[0] == []
    assert run(views.gov_fund_by_economic, tmp_path, funded, XINZHOU)[0] == []


def test_function_class_missing_from_summary_classes(tmp_path: Path) -> None:
    assert "202" not in JIANGHAN.summary_classes
    foreign = variant(WITH_PROJECT_ECON, lambda d: d["expenditure"].append({"code": "2020101", "personnel": 3}))
    issues, loaded = run(views.function_classes_printed, tmp_path, foreign, JIANGHAN)
    issue = only(issues)
    assert "功能分类 202（支出 3.00）" in issue.message and "summary_classes" in issue.message
    assert issue.pos == loaded.positions.pos(("expenditure", 3, "code"))
    assert run(views.function_classes_printed, tmp_path, WITH_PROJECT_ECON, JIANGHAN)[0] == []
