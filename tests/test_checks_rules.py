"""One failing and one passing case per consistency rule, each on a small inline data file."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Callable

import pytest
from ruamel.yaml import YAML

from generator.errors import Issue
from generator.read.load import Loaded, load_report
from generator.present.profile import load_profile
from generator.check import codes, cross, figures, previous, texts

BUDGET: dict[str, Any] = {
    "profile": "jianghan-budget",
    "kind": "budget",
    "year": 2023,
    "department": {"name": "测试部门"},
    "overview": {"duties": ["负责测试。"], "composition": "本部门由机关组成。"},
    "expenditure": [
        {"code": "2010301", "personnel": 80, "public": 20},
        {"code": "2010302", "project": 30},
        {"code": "2080505", "personnel": 10, "public": 0},
    ],
    "basic_economic": [
        {"code": "30101", "amount": 80},
        {"code": "30108", "amount": 10},
        {"code": "30201", "amount": 20},
    ],
    "previous": {"personnel": 90, "public": 20, "project": 30},
}

FINAL: dict[str, Any] = {
    "profile": "jiangan-final",
    "kind": "final",
    "year": 2023,
    "department": {"name": "测试部门"},
    "overview": {"duties": ["负责测试。"], "composition": "本部门由机关组成。"},
    "expenditure": [
        {"code": "2010301", "basic": 100},
        {"code": "2130599", "project": 50},
    ],
    "class_budgets": [{"code": "201", "initial": 100}, {"code": "213", "initial": 0}],
    "basic_economic": [{"code": "30101", "amount": 90}, {"code": "30201", "amount": 10}],
    "three_public": {"budget": {}, "actual": {}},
    "previous": {"total": 150, "three_public": {}, "operating_costs": 10},
}


def write(folder: Path, data: dict[str, Any]) -> Path:
    path = folder / f"{data['year']}-{data['kind']}.yaml"
    yaml = YAML(typ="safe")
    yaml.allow_unicode = True
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return path


def variant(base: dict[str, Any], change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    data = copy.deepcopy(base)
    change(data)
    return data


def run(rule: Callable[..., Any], tmp_path: Path, data: dict[str, Any], profile: Any = None) -> tuple[list[Issue], Loaded]:
    loaded = load_report(write(tmp_path, data))
    return list(rule(loaded, profile)), loaded


def only(issues: list[Issue]) -> Issue:
    assert len(issues) == 1, [str(i) for i in issues]
    return issues[0]


def test_base_files_pass_every_rule(tmp_path: Path) -> None:
    from generator.check.run import run_checks

    for data in (BUDGET, FINAL):
        loaded = load_report(write(tmp_path, data))
        assert run_checks(loaded, None) == []


# --- codes ---------------------------------------------------------------------------------


def test_code_length(tmp_path: Path) -> None:
    bad = variant(BUDGET, lambda d: d["expenditure"][0].update(code="20103"))
    issue, loaded = run(codes.code_length, tmp_path, bad)
    issue = only(issue)
    assert issue.is_error and "“20103”为 5 位" in issue.message and "7 位（项级）" in issue.message
    assert issue.pos == loaded.positions.pos(("expenditure", 0, "code"))
    econ = variant(BUDGET, lambda d: d["basic_economic"][0].update(code="301"))
    assert "5 位（款级）" in only(run(codes.code_length, tmp_path, econ)[0]).message
    assert run(codes.code_length, tmp_path, BUDGET)[0] == []


def test_code_in_list(tmp_path: Path) -> None:
    unknown = variant(BUDGET, lambda d: d["expenditure"][0].update(code="2019801"))
    issue = only(run(codes.code_in_list, tmp_path, unknown)[0])
    assert issue.is_error and "2019801 不在支出功能分类科目中" in issue.message
    retired = variant(BUDGET, lambda d: d["expenditure"].append({"code": "2100501", "personnel": 1}))
    issue = only(run(codes.code_in_list, tmp_path, retired)[0])
    assert "自 2018 年起已停用，2023 年不能使用" in issue.message
    assert run(codes.code_in_list, tmp_path, BUDGET)[0] == []


def test_code_parent(tmp_path: Path) -> None:
    orphan = variant(BUDGET, lambda d: d["expenditure"].append({"code": "2019801", "personnel": 1}))
    issue, loaded = run(codes.code_parent, tmp_path, orphan)
    issue = only(issue)
    assert issue.is_error and "款 20198" in issue.message
    assert issue.pos == loaded.positions.pos(("expenditure", 3, "code"))
    named = variant(orphan, lambda d: d.update(names={"20198": "测试事务"}))
    assert run(codes.code_parent, tmp_path, named)[0] == []


def test_code_names(tmp_path: Path) -> None:
    old = variant(BUDGET, lambda d: d.update(names={"210": "医疗卫生与计划生育支出"}))
    issue, loaded = run(codes.code_names, tmp_path, old)
    issue = only(issue)
    assert not issue.is_error
    assert "医疗卫生与计划生育支出" in issue.message and "卫生健康支出" in issue.message and "2018 年及以前" in issue.message
    assert issue.pos == loaded.positions.pos(("names", "210"))
    same = variant(BUDGET, lambda d: d.update(names={"210": "卫生健康支出"}) or d["basic_economic"].append({"code": "30213", "name": "维修(护)费", "amount": 0}))
    assert run(codes.code_names, tmp_path, same)[0] == []


def test_duplicate_codes(tmp_path: Path) -> None:
    twice = variant(BUDGET, lambda d: d["basic_economic"].append({"code": "30101", "amount": 1}))
    issue, loaded = run(codes.duplicate_codes, tmp_path, twice)
    issue = only(issue)
    assert issue.is_error and "30101" in issue.message
    assert issue.pos == loaded.positions.pos(("basic_economic", 3, "code"))
    assert f"第 {loaded.positions.pos(('basic_economic', 0, 'code')).line} 行" in issue.message
    assert run(codes.duplicate_codes, tmp_path, BUDGET)[0] == []


def test_class_budget_codes(tmp_path: Path) -> None:
    stray = variant(FINAL, lambda d: d["class_budgets"].append({"code": "221", "initial": 5}))
    issue, loaded = run(codes.class_budget_codes, tmp_path, stray)
    issue = only(issue)
    assert issue.is_error and "221" in issue.message
    assert issue.pos == loaded.positions.pos(("class_budgets", 2, "code"))
    assert run(codes.class_budget_codes, tmp_path, FINAL)[0] == []


def test_project_under_basic_item(tmp_path: Path) -> None:
    misfiled = variant(BUDGET, lambda d: d["expenditure"][0].update(project=5))
    issue, loaded = run(codes.project_under_basic_item, tmp_path, misfiled)
    issue = only(issue)
    assert not issue.is_error and "行政运行" in issue.message and "5.00" in issue.message
    assert issue.pos == loaded.positions.pos(("expenditure", 0, "project"))
    assert run(codes.project_under_basic_item, tmp_path, BUDGET)[0] == []


# --- figures within one part ------------------------------------------------------------------


def test_project_details(tmp_path: Path) -> None:
    detail = {"activity": "活动", "content": "内容", "economic": "商品和服务支出"}
    project = {"name": "扶贫", "amount": 30, "details": [dict(detail, amount=20), dict(detail, amount=9.45)]}
    bad = variant(BUDGET, lambda d: d.update(projects=[project]))
    issue, loaded = run(figures.project_details, tmp_path, bad)
    issue = only(issue)
    assert issue.message == "项目“扶贫”金额 30.00 ≠ 支出明细之和 29.45，相差 0.55"
    assert issue.pos == loaded.positions.pos(("projects", 0, "amount"))
    good = variant(bad, lambda d: d["projects"][0].update(amount=29.45))
    assert run(figures.project_details, tmp_path, good)[0] == []


def test_procurement_parts(tmp_path: Path) -> None:
    items = [{"name": "甲", "amount": 10}, {"name": "乙", "amount": 5}]
    bad = variant(BUDGET, lambda d: d.update(procurement={"goods": {"amount": 16, "items": items, "sme": 20}, "small_micro": 18}))
    issues, loaded = run(figures.procurement_parts, tmp_path, bad)
    by_path = {i.pos: i.message for i in issues}
    assert "货物类金额 16.00 ≠ 明细之和 15.00，相差 1.00" in by_path[loaded.positions.pos(("procurement", "goods", "amount"))]
    assert "授予中小企业 20.00 大于该类合计 15.00" in by_path[loaded.positions.pos(("procurement", "goods", "sme"))]
    assert "授予小微企业 18.00 大于授予中小企业合计 20.00" not in str(issues)
    assert len(issues) == 2
    micro = variant(BUDGET, lambda d: d.update(procurement={"services": {"amount": 10, "sme": 4}, "small_micro": 5}))
    issue = only(run(figures.procurement_parts, tmp_path, micro)[0])
    assert "授予小微企业 5.00 大于授予中小企业合计 4.00，相差 1.00" in issue.message
    good = variant(BUDGET, lambda d: d.update(procurement={"goods": {"amount": 15, "items": items, "sme": 15}, "small_micro": 15}))
    assert run(figures.procurement_parts, tmp_path, good)[0] == []


def test_staffing_total(tmp_path: Path) -> None:
    group = {"total": 30, "items": [{"name": "行政编制", "count": 28}, {"name": "事业编制", "count": 5}]}
    bad = variant(BUDGET, lambda d: d["overview"].update(staffing={"authorized": group}))
    issue, loaded = run(figures.staffing_total, tmp_path, bad)
    issue = only(issue)
    assert issue.message == "编制数合计 30 人少于所列分项之和 33 人，相差 3 人"
    assert issue.pos == loaded.positions.pos(("overview", "staffing", "authorized", "total"))
    partial = variant(bad, lambda d: d["overview"]["staffing"]["authorized"].update(total=40))
    assert run(figures.staffing_total, tmp_path, partial)[0] == []


def test_evaluation_scores(tmp_path: Path) -> None:
    indicator = {"level1": "满意度指标", "level2": "群众满意度", "level3": "满意度", "target": "高", "actual": "高", "score": 20}
    evaluation = {"name": "乡村振兴", "manager": "区政府", "executor": "局", "category": "专项", "attribute": "持续", "kind": "常年",
                  "budget": 50, "spent": 50, "groups": [{"level1": "满意度指标", "weight": 10, "indicators": [indicator]}]}
    bad = variant(FINAL, lambda d: d.update(project_evaluations=[evaluation]))
    issue, loaded = run(figures.evaluation_scores, tmp_path, bad)
    issue = only(issue)
    assert "得分之和 20 超过其分值（权重）10" in issue.message
    assert issue.pos == loaded.positions.pos(("project_evaluations", 0, "groups", 0, "weight"))
    good = variant(bad, lambda d: d["project_evaluations"][0]["groups"][0].update(weight=20))
    assert run(figures.evaluation_scores, tmp_path, good)[0] == []


def test_zero_function_rows(tmp_path: Path) -> None:
    empty = variant(BUDGET, lambda d: d["expenditure"].append({"code": "2010350", "personnel": 0, "public": 0, "project": 0}))
    issue, loaded = run(figures.zero_function_rows, tmp_path, empty)
    issue = only(issue)
    assert not issue.is_error and "2010350" in issue.message
    assert issue.pos == loaded.positions.pos(("expenditure", 3))
    assert run(figures.zero_function_rows, tmp_path, BUDGET)[0] == []


# --- figures two tables share -----------------------------------------------------------------


def test_basic_by_function_and_economic(tmp_path: Path) -> None:
    split = variant(BUDGET, lambda d: d["basic_economic"][0].update(amount=80.55))
    issue, loaded = run(cross.basic_by_function_and_economic, tmp_path, split)
    issue = only(issue)
    assert issue.message.startswith("人员经费：") and "90.00 ≠" in issue.message and "90.55，相差 0.55" in issue.message
    assert issue.pos == loaded.positions.pos(("expenditure",))
    final = variant(FINAL, lambda d: d["expenditure"].append({"code": "2101199", "basic": 0.54}))
    issue = only(run(cross.basic_by_function_and_economic, tmp_path, final)[0])
    assert "基本支出：一般公共预算支出表（按功能分类）合计 100.54 ≠ 基本支出表（按经济分类）合计 100.00，相差 0.54" == issue.message
    assert run(cross.basic_by_function_and_economic, tmp_path, BUDGET)[0] == []
    assert run(cross.basic_by_function_and_economic, tmp_path, FINAL)[0] == []


def test_three_public_in_basic(tmp_path: Path) -> None:
    def add(d: dict[str, Any]) -> None:
        d["basic_economic"][2]["amount"] = 17
        d["basic_economic"].append({"code": "30217", "amount": 3})
        d["three_public"] = {"reception": 2}

    bad = variant(BUDGET, add)
    issue, loaded = run(cross.three_public_in_basic, tmp_path, bad)
    issue = only(issue)
    assert "公务接待费 2.00 小于基本支出表中 30217 公务接待费 3.00，相差 1.00" in issue.message
    assert issue.pos == loaded.positions.pos(("three_public", "reception"))
    more = variant(bad, lambda d: d["three_public"].update(reception=5))  # the rest from project spending
    assert run(cross.three_public_in_basic, tmp_path, more)[0] == []


def test_paired_items(tmp_path: Path) -> None:
    def shift(d: dict[str, Any]) -> None:
        d["basic_economic"][1]["amount"] = 9
        d["basic_economic"][0]["amount"] = 81

    bad = variant(BUDGET, shift)
    issue, loaded = run(cross.paired_items, tmp_path, bad)
    issue = only(issue)
    assert not issue.is_error and "2080505" in issue.message and "30108" in issue.message and "相差 1.00" in issue.message
    assert issue.pos == loaded.positions.pos(("expenditure", 2))
    assert run(cross.paired_items, tmp_path, BUDGET)[0] == []


def test_projects_within_project_spending(tmp_path: Path) -> None:
    bad = variant(BUDGET, lambda d: d.update(projects=[{"name": "甲", "amount": 20}, {"name": "乙", "amount": 15}]))
    issue, loaded = run(cross.projects_within_project_spending, tmp_path, bad)
    issue = only(issue)
    assert "所列项目金额之和 35.00 大于一般公共预算项目支出合计 30.00，相差 5.00" in issue.message
    assert issue.pos == loaded.positions.pos(("projects",))
    fewer = variant(BUDGET, lambda d: d.update(projects=[{"name": "甲", "amount": 20}]))
    assert run(cross.projects_within_project_spending, tmp_path, fewer)[0] == []
    uses = variant(FINAL, lambda d: d.update(project_uses=[{"name": "甲", "amount": 50.54, "text": "用途"}]))
    assert "50.54 大于一般公共预算项目支出合计 50.00" in only(run(cross.projects_within_project_spending, tmp_path, uses)[0]).message


def test_operating_codes_present(tmp_path: Path) -> None:
    bad = variant(BUDGET, lambda d: d.update(operating_costs={"items": [{"label": "物业管理费", "codes": ["30209"]}]}))
    issue, loaded = run(cross.operating_codes_present, tmp_path, bad)
    issue = only(issue)
    assert "30209" in issue.message
    assert issue.pos == loaded.positions.pos(("operating_costs", "items", 0, "codes", 0))
    good = variant(BUDGET, lambda d: d.update(operating_costs={"items": [{"label": "办公费", "codes": ["30201"]}]}))
    assert run(cross.operating_codes_present, tmp_path, good)[0] == []


# --- last year ---------------------------------------------------------------------------------


def test_previous_matches_last_year(tmp_path: Path) -> None:
    last = variant(BUDGET, lambda d: d.update(year=2022, previous={"basic": 100, "project": 0}))
    last["basic_economic"][0]["amount"] = 75  # last year: personnel 85, public 20, project 30
    write(tmp_path, last)
    bad = variant(BUDGET, lambda d: d["previous"].update(personnel=85.5))
    issue, loaded = run(previous.previous_matches_last_year, tmp_path, bad)
    issue = only(issue)
    assert issue.message == "previous.personnel 为 85.50，而上年数据文件 2022-budget.yaml 算得 85.00，相差 0.50"
    assert issue.pos == loaded.positions.pos(("previous", "personnel"))
    good = variant(BUDGET, lambda d: d["previous"].update(personnel=85))
    assert run(previous.previous_matches_last_year, tmp_path, good)[0] == []
    omitted = variant(BUDGET, lambda d: d.pop("previous"))  # taken from the file: nothing to compare
    assert run(previous.previous_matches_last_year, tmp_path, omitted)[0] == []


def test_reasons_for_changes(tmp_path: Path) -> None:
    profile = load_profile("jianghan-budget", None)  # type: ignore[arg-type]
    bad = variant(BUDGET, lambda d: d.update(reasons={"basic": "人员减少"}, previous={"basic": 90, "project": 30}))
    issue, loaded = run(previous.reasons_for_changes, tmp_path, bad, profile)
    issue = only(issue)  # basic changed (reason given), project flat, total changed (no reason)
    assert not issue.is_error and "reasons.total" in issue.message and "增加20.00万元" in issue.message
    assert issue.pos == loaded.positions.pos(("reasons",))
    good = variant(bad, lambda d: d["reasons"].update(total="人员增加"))
    assert run(previous.reasons_for_changes, tmp_path, good, profile)[0] == []
    assert run(previous.reasons_for_changes, tmp_path, bad, None)[0] == []  # no profile: nothing prints a reason


# --- texts -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["本部门 XX 年度预算", "收入包括上述……等收入", "（根据本部门使用的其他专用名词补充解释）", "请依据实际情况填写", "××万元"])
def test_placeholders(tmp_path: Path, text: str) -> None:
    bad = variant(BUDGET, lambda d: d.update(texts={"intro": text}))
    issue, loaded = run(texts.placeholders, tmp_path, bad)
    issue = only(issue)
    assert issue.is_error and issue.pos == loaded.positions.pos(("texts", "intro"))
    good = variant(BUDGET, lambda d: d.update(texts={"intro": "本部门收入均纳入部门预算管理。"}, reasons={"total": "人员增加"}))
    assert run(texts.placeholders, tmp_path, good)[0] == []


def test_other_years(tmp_path: Path) -> None:
    bad = variant(BUDGET, lambda d: d.update(texts={"procurement": "2022 年部门预算中纳入政府采购"}, reasons={"public": "2022 年拟更新小车一辆"}))
    issues, loaded = run(texts.other_years, tmp_path, bad)
    assert {i.pos for i in issues} == {loaded.positions.pos(("texts", "procurement")), loaded.positions.pos(("reasons", "public"))}
    assert all(not i.is_error for i in issues)
    good = variant(BUDGET, lambda d: d.update(texts={"a": "2023 年部门预算", "b": "将评价结果应用于 2023 年预算编制"}, reasons={"total": "2022 年机构改革"}))
    assert run(texts.other_years, tmp_path, good)[0] == []


def test_prior_year_labels(tmp_path: Path) -> None:
    form = {"filled_on": "2023年2月7日", "filler": "某", "phone": "1", "prior_years": [{"label": "2020年", "amount": 1}, {"label": "2022年", "amount": 2}]}
    bad = variant(BUDGET, lambda d: d.update(whole_form=form))
    issue, loaded = run(texts.prior_year_labels, tmp_path, bad)
    issue = only(issue)
    assert "应为 2021 年" in issue.message
    assert issue.pos == loaded.positions.pos(("whole_form", "prior_years", 0, "label"))
    good = variant(bad, lambda d: d["whole_form"]["prior_years"][0].update(label="2021年"))
    assert run(texts.prior_year_labels, tmp_path, good)[0] == []
