"""The yearly cycle: `new` (placeholders until filled), `rollover` (carried items to review), `diff` (what changed)."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from generator.build import build, check_file, prepare
from generator.commands.cli import main
from generator.commands.new import new_file
from generator.commands.rollover import rollover
from generator.compare import compare
from generator.errors import DataErrors, Issue
from generator.read.drafts import parse_dotted, placeholders
from generator.read.sources import load_file

from .conftest import DATA

EXAMPLES = sorted(DATA.glob("*/*.yaml"))

# values that make a filled-in skeleton consistent: 100 basic + 20 project, matched by the economic rows
FILL = {
    ("department", "name"): "测试局", ("department", "contact", "phone"): "010-12345678",
    ("expenditure", 0, "code"): "2010301", ("expenditure", 0, "name"): "行政运行",
    ("expenditure", 0, "basic"): Decimal("100.00"), ("expenditure", 0, "project"): Decimal("20.00"),
    ("expenditure", 0, "budget", "initial"): Decimal("130.00"),
    ("basic_economic", 0, "code"): "30101", ("basic_economic", 0, "name"): "基本工资", ("basic_economic", 0, "amount"): Decimal("100.00"),
    ("project_economic", 0, "code"): "302", ("project_economic", 0, "amount"): Decimal("20.00"),
    ("operating_costs",): Decimal("10.00"), ("previous", "operating_costs"): Decimal("9.00"),
    ("previous", "basic"): Decimal("90.00"), ("previous", "project"): Decimal("10.00"), ("previous", "total"): Decimal("110.00"),
}


def issues_of(path: Path) -> list[Issue]:
    """Every issue ``check`` reports for a file (a file that does not load reports its load errors)."""
    try:
        return check_file(path)
    except DataErrors as err:
        return err.issues


def fill(path: Path) -> None:
    yaml = YAML()
    yaml.representer.add_representer(Decimal, lambda r, d: r.represent_scalar("tag:yaml.org,2002:float", str(d)))
    data = yaml.load(path.read_text(encoding="utf-8"))
    for where in placeholders(data):
        node = data
        for key in where[:-1]:
            node = node[key]
        node[where[-1]] = FILL.get(where, Decimal("1.00") if "three_public" in where else "示例文字。")
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)


# new -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind,profile", [("budget", None), ("budget", "shanghai-budget"), ("final", "jiangan-final"), ("final", "shanghai-final")])
def test_new_file_reports_placeholders_until_filled_then_builds(tmp_path: Path, kind: str, profile: str | None) -> None:
    path = new_file(tmp_path / "test-bureau", 2025, kind, profile)
    text = path.read_text(encoding="utf-8")
    assert "部门全称" in text and "# " in text  # commented in Chinese
    issues = issues_of(path)
    unfilled = [i for i in issues if i.rule == "placeholder"]
    assert unfilled and all(i.is_error for i in issues)
    assert any("expenditure[1].basic" in i.message for i in unfilled) and any("department.name" in i.message for i in unfilled)
    with pytest.raises(Exception):
        build(path, tmp_path / "out", formats=("html",))
    fill(path)
    assert not [i for i in issues_of(path) if i.is_error]
    result = build(path, tmp_path / "out", formats=("html", "docx"))
    assert len(result.outputs) == 2


def test_new_lists_every_text_the_profile_prints(tmp_path: Path) -> None:
    path = new_file(tmp_path / "x", 2025, "budget", "jianghan-budget")
    keys = {p[1] for p in placeholders(load_file(path)[0]) if p[0] == "texts"}
    used = set(load_file(DATA / "jianghan-gov-office" / "2020-budget.yaml")[0]["texts"]) - {"project_use_2010302"}
    assert used <= keys


def test_new_refuses_to_overwrite_and_names_unknown_profiles(tmp_path: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["new", str(tmp_path / "u"), "2025", "budget"])
    assert first.exit_code == 0 and "已生成" in first.output
    again = runner.invoke(main, ["new", str(tmp_path / "u"), "2025", "budget"])
    assert again.exit_code == 1 and "已存在" in again.output and "Traceback" not in again.output
    wrong = runner.invoke(main, ["new", str(tmp_path / "v"), "2025", "budget", "--profile", "jiangan-final"])
    assert wrong.exit_code == 1 and "不是部门预算的" in wrong.output


# rollover ------------------------------------------------------------------------------------------
def _line_owner(positions, line: int) -> tuple:  # type: ignore[no-untyped-def]
    """The key path of the value that stands on ``line`` (the deepest one)."""
    owners = [p for p, (ln, _) in positions.spots.items() if ln == line and p]
    return max(owners, key=len) if owners else ()


@pytest.mark.parametrize("source", EXAMPLES, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_rollover_builds_with_warnings_only_for_items_to_review(tmp_path: Path, source: Path) -> None:
    folder = tmp_path / source.parent.name
    shutil.copytree(source.parent, folder)
    this_year = folder / source.name
    target = rollover(this_year)
    raw, positions = load_file(target)
    assert int(raw["year"]) == int(load_file(this_year)[0]["year"]) + 1
    assert raw["review"] and "previous" in raw
    before = {re.sub(r"\d{4}", "", i.message) for i in issues_of(this_year)}
    issues = issues_of(target)
    assert not [i for i in issues if i.is_error], [str(i) for i in issues if i.is_error]
    review = [i for i in issues if i.rule == "review"]
    assert len(review) == len(raw["review"])
    reviewed = {parse_dotted(e)[:2] for e in raw["review"]} | {parse_dotted(e)[:1] for e in raw["review"]}
    for issue in issues:
        if issue.rule == "review" or re.sub(r"\d{4}", "", issue.message) in before:
            continue
        owner = _line_owner(positions, issue.pos.line)
        assert owner[:2] in reviewed or owner[:1] in reviewed, str(issue)
    doc, _ = prepare(target)
    assert doc.year == int(raw["year"])
    # this year's figures are next year's comparison and the carried figures are unchanged: no change to explain
    last, _ = prepare(this_year)
    assert doc.figures["total"] == last.figures["total"]
    changes = {k: v for k, v in doc.figures.items() if k.startswith("change.")}
    assert changes and not [v for v in changes.values() if "增加" in v or "减少" in v]


def test_rollover_keeps_comments_and_confirming_an_item_removes_its_warning(tmp_path: Path) -> None:
    folder = tmp_path / "jianghan-gov-office"
    shutil.copytree(DATA / "jianghan-gov-office", folder)
    target = rollover(folder / "2020-budget.yaml")
    text = target.read_text(encoding="utf-8")
    assert "# 公开表5: 一般公共预算支出 by 项" in text
    assert "previous:\n  personnel: 838.05\n  public: 137.26\n  project: 1257.20" in text
    count = len([i for i in issues_of(target) if i.rule == "review"])
    confirmed = text.replace("  - texts.budget_scope\n", "")
    target.write_text(confirmed, encoding="utf-8")
    issues = issues_of(target)
    assert len([i for i in issues if i.rule == "review"]) == count - 1
    assert not any("texts.budget_scope" in i.message for i in issues)
    with pytest.raises(Exception):
        rollover(folder / "2020-budget.yaml")  # the next year's file exists


# diff ----------------------------------------------------------------------------------------------
def test_diff_lists_the_changed_leaf_and_what_depends_on_it(tmp_path: Path) -> None:
    source = DATA / "jianghan-gov-office" / "2020-budget.yaml"
    changed = tmp_path / "jianghan-gov-office" / "2020-budget.yaml"
    changed.parent.mkdir()
    text = source.read_text(encoding="utf-8")
    old_row = '{code: "2010302", name: 一般行政管理事务（政府办公厅）, basic: 0, project: 1188.20}'
    assert old_row in text
    # the project money of one 项 and its economic split change together (one would not pass check alone)
    old_econ = '{code: "399", amount: 1078.20}'
    assert old_econ in text
    text = text.replace(old_row, old_row.replace("1188.20", "1198.20")).replace(old_econ, old_econ.replace("1078.20", "1088.20"))
    changed.write_text(text, encoding="utf-8")
    old_raw, new_raw = load_file(source)[0], load_file(changed)[0]
    old_doc, new_doc = prepare(source)[0], prepare(changed)[0]
    changes = compare(old_raw, old_doc, new_raw, new_doc)
    assert [(c.name, c.old, c.new) for c in changes.leaves] == [("expenditure[2].project", "1188.20", "1198.20"),
                                                                 ("project_economic[3].amount", "1078.20", "1088.20")]
    total = sum((Decimal(r.get("basic", 0)) + Decimal(r.get("project", 0)) for r in old_raw["expenditure"]), Decimal(0))
    figures = {c.name: (c.old, c.new) for c in changes.figures}
    assert figures["total"] == (f"{total:.2f}", f"{total + 10:.2f}")
    assert "project" in figures and "share.basic" in figures and "change.total" in figures
    assert "basic" not in figures and "tp.total" not in figures  # untouched figures are not listed
    assert any(f"{total:.2f}" in c.old and f"{total + 10:.2f}" in c.new for c in changes.sentences)
    assert all(c.old != c.new for c in changes.sentences)
    removed = [r for r in changes.rows if r.sign == "-" and "2010302" in r.cells]
    added = [r for r in changes.rows if r.sign == "+" and "2010302" in r.cells]
    assert removed and added and len(removed) == len(added)
    assert not compare(old_raw, old_doc, old_raw, old_doc)


def test_diff_command_prints_a_table_and_writes_the_page(tmp_path: Path) -> None:
    source = DATA / "jiangan-gov-office" / "2023-final.yaml"
    changed = tmp_path / "2023-final.yaml"
    text = source.read_text(encoding="utf-8")
    old = "  budget:\n    outbound: 0\n"
    assert old in text
    changed.write_text(text.replace(old, "  budget:\n    outbound: 2.00\n"), encoding="utf-8")
    page = tmp_path / "diff.html"
    result = CliRunner().invoke(main, ["diff", str(source), str(changed), "-o", str(page)])
    assert result.exit_code == 0, result.output
    assert "three_public.budget.outbound" in result.output and "计算结果" in result.output and "tp_budget.outbound" in result.output
    html = page.read_text(encoding="utf-8")
    assert "three_public.budget.outbound" in html and 'class="new"' in html and 'class="old"' in html


def test_diff_of_a_missing_version_is_a_clear_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "none.yaml"), str(DATA / "jiangan-gov-office" / "2023-final.yaml")])
    assert result.exit_code == 1 and "文件不存在" in result.output and "Traceback" not in result.output
