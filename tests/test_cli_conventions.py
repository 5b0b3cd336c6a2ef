"""Command-line conventions: exit codes, internal errors logged, check --format json, accepted warnings,
Chinese messages for YAML syntax and amount slips, positions from 1, the district's own templates."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.commands.cli import main
from generator.commands.preview import with_warnings
from generator.errors import Pos, warning
from generator.read.yaml_messages import chinese

from .conftest import DATA, ROOT

BUDGET = DATA / "jianghan-gov-office" / "2020-budget.yaml"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def copy_of(tmp_path: Path, source: Path = BUDGET, keep_accept: bool = True) -> Path:
    target = tmp_path / source.parent.name / source.name
    target.parent.mkdir(parents=True)
    text = source.read_text(encoding="utf-8")
    if not keep_accept:
        text = text[: text.index("\naccept:")] + "\n"
    target.write_text(text, encoding="utf-8")
    return target


def test_usage_errors_exit_2() -> None:
    assert run("build")[0] == 2
    assert run("check", str(BUDGET), "--format", "xml")[0] == 2
    assert run("bogus")[0] == 2
    assert "退出码" in run("--help")[1]


def test_an_internal_error_exits_3_and_logs_the_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.commands.check as check

    def boom(_path: Path) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(check, "check_file_accepting", boom)
    monkeypatch.setenv("DISCLOSURE_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.delenv("DISCLOSURE_DEBUG", raising=False)
    code, output = run("check", str(BUDGET))
    assert code == 3
    assert "内部错误（RuntimeError）" in output and "Traceback" not in output and str(tmp_path / "logs" / "errors.log") in output
    log = (tmp_path / "logs" / "errors.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "RuntimeError: boom" in log and "check" in log


def test_a_failing_build_of_a_bug_exits_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.build as build

    def boom(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("x")

    monkeypatch.setattr(build, "render_html", boom)
    monkeypatch.setenv("DISCLOSURE_LOG_DIR", str(tmp_path / "logs"))
    code, output = run("build", str(copy_of(tmp_path)), "-o", str(tmp_path / "out"), "--format", "html", "-j", "1")
    assert code == 3 and "内部错误（ZeroDivisionError）" in output and "Traceback" not in output
    assert "ZeroDivisionError" in (tmp_path / "logs" / "errors.log").read_text(encoding="utf-8")


def test_check_as_json(tmp_path: Path) -> None:
    data = copy_of(tmp_path, keep_accept=False)
    code, output = run("check", str(data), "--format", "json")
    result = json.loads(output)
    assert code == 0 and result["exit_code"] == 0 and result["errors"] == 0 and result["warnings"] == 3
    first = result["issues"][0]
    assert first == {"file": str(data), "line": first["line"], "column": first["column"], "severity": "warning", "rule": "code_names",
                     "message": first["message"]}
    assert first["line"] >= 1 and first["column"] >= 1
    strict = json.loads(run("check", str(data), "--format", "json", "--strict")[1])
    assert strict["exit_code"] == 1


def test_examples_pass_strict_with_their_accepted_warnings() -> None:
    code, output = run("check", "--strict", str(DATA))
    assert code == 0 and "0 个错误，0 个警告" in output and "已在 accept 中确认" in output
    result = json.loads(run("check", "--format", "json", str(DATA))[1])
    assert result["warnings"] == 0 and all(a["reason"] for a in result["accepted"])


def test_accept_narrowed_by_match_and_stale_entries(tmp_path: Path) -> None:
    data = copy_of(tmp_path, keep_accept=False)
    text = data.read_text(encoding="utf-8")
    text += 'accept:\n  - rule: code_names\n    match: "2010301"\n    reason: 按原文\n  - rule: prior_year_labels\n    reason: 已不适用\n'
    data.write_text(text, encoding="utf-8")
    code, output = run("check", "--strict", str(data))
    assert code == 1
    assert "2010301" not in output.replace("match", "")  # the accepted warning is gone
    assert "[code_names]" in output and "2010302" in output  # the others of the rule remain
    assert "accept 第 2 项确认的警告 prior_year_labels 已不再出现" in output and "1 个警告已在 accept 中确认" in output


def test_accept_needs_a_rule_and_a_reason(tmp_path: Path) -> None:
    data = copy_of(tmp_path, keep_accept=False)
    data.write_text(data.read_text(encoding="utf-8") + "accept:\n  - rule: code_names\n    reason: ''\n", encoding="utf-8")
    code, output = run("check", str(data))
    assert code == 1 and "accept[1].reason" in output


@pytest.mark.parametrize(("text", "expected"), [
    ("a: [1, 2\nb: 3\n", "方括号 [ ] 没有闭合"),
    ("a: {b: 1\nc: 2\n", "花括号 { } 没有闭合"),
    ('a: "x\nb: 2\n', "引号或括号没有闭合"),
    ("a: b\n  c: d\n", "此处不能出现“键: 值”"),
    ("a:\n  - 1\n - 2\n", "缩进不一致"),
    ("a: @x\n", "不能作为值的开头"),
    ("a: *x\n", "没有定义的锚点"),
    ('a: "c:\\data"\n', "反斜杠"),
])
def test_yaml_syntax_errors_in_chinese(tmp_path: Path, text: str, expected: str) -> None:
    folder = tmp_path / "unit"
    folder.mkdir()
    (folder / "2020-budget.yaml").write_text(text, encoding="utf-8")
    code, output = run("check", str(folder))
    assert code == 1 and expected in output and "YAML 语法错误" in output
    assert not any(word in output for word in ("expected", "found", "while", "could not"))


def test_unknown_parser_messages_are_still_introduced_in_chinese() -> None:
    assert chinese("something new").startswith("无法解析此处（")


@pytest.mark.parametrize(("value", "expected"), [
    ("１２３.４５", "含有全角数字或符号：请改用半角，写成 123.45"),
    ('"1,234.56"', "不能带千位分隔符“,”：请写成 1234.56"),
    ("12.5万元", "中不能写单位“万元”：只写数字 12.5"),
    ("12.5万", "中不能写单位“万”：只写数字 12.5"),
])
def test_amount_slips_have_their_own_message(tmp_path: Path, value: str, expected: str) -> None:
    data = copy_of(tmp_path)
    text = data.read_text(encoding="utf-8")
    assert "  reception: 2.9\n" in text
    data.write_text(text.replace("  reception: 2.9\n", f"  reception: {value}\n", 1), encoding="utf-8")
    code, output = run("check", str(data))
    assert code == 1 and expected in output and "three_public.reception：金额" in output


def test_list_positions_count_from_1(tmp_path: Path) -> None:
    data = copy_of(tmp_path)
    text = data.read_text(encoding="utf-8")
    first = text.index("expenditure:\n") + len("expenditure:\n")
    line_end = text.index("\n", first)
    row = text[first:line_end]
    assert "code:" in row
    data.write_text(text[:first] + row.replace("code:", "bogus: 1, code:", 1) + text[line_end:], encoding="utf-8")
    code, output = run("check", str(data))
    assert code == 1 and "expenditure[1].bogus：未知的键" in output


def test_preview_page_lists_the_warnings() -> None:
    page = "<html><body class='x'><p>正文</p></body></html>"
    assert with_warnings(page, []) == page
    shown = with_warnings(page, [warning(Pos("a.yaml", 3, 5), "科目名称 <不同>", "code_names")])
    assert shown.index("preview-warnings") > shown.index("<body") and "a.yaml:3:5" in shown and "&lt;不同&gt;" in shown
    assert "[code_names]" in shown and "1 个警告" in shown


def local_templates(root: Path) -> Path:
    """A district's folder: a renamed copy of a shipped profile (with a partial of its own) and a glossary."""
    from ruamel.yaml import YAML

    yaml = YAML()
    shipped = ROOT / "generator" / "templates"
    mine = root / "模板"
    (mine / "profiles").mkdir(parents=True)
    (mine / "partials").mkdir()
    profile = yaml.load((shipped / "profiles" / "jianghan-budget.yaml").read_text(encoding="utf-8"))
    profile["name"] = "district-budget"
    profile["outline"][0]["body"] = [{"partial": "district_note"}, *profile["outline"][0].get("body", [])]
    with (mine / "profiles" / "district-budget.yaml").open("w", encoding="utf-8") as handle:
        yaml.dump(profile, handle)
    (mine / "partials" / "district_note.html").write_text('<p class="district">本区自有版式</p>', encoding="utf-8")
    return mine


@pytest.mark.parametrize("how", ["option", "toml"])
def test_a_districts_own_templates_are_searched_first(tmp_path: Path, how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISCLOSURE_TEMPLATE_PATH", raising=False)
    mine = local_templates(tmp_path)
    data = copy_of(tmp_path / "data")
    data.write_text(data.read_text(encoding="utf-8").replace("profile: jianghan-budget", "profile: district-budget"), encoding="utf-8")
    out = tmp_path / "out"
    args = ["build", str(data), "-o", str(out), "--format", "html", "-j", "1"]
    if how == "option":
        args += ["--templates", str(mine)]
    else:
        (tmp_path / "data" / "disclosure.toml").write_text(f'templates = "{Path("..") / mine.name}"\n', encoding="utf-8")
    try:
        code, output = run(*args)
    finally:
        monkeypatch.delenv("DISCLOSURE_TEMPLATE_PATH", raising=False)
    assert code == 0, output
    page = (out / data.parent.name / "2020-budget.html").read_text(encoding="utf-8")
    assert '<p class="district">本区自有版式</p>' in page


def test_without_the_local_folder_the_profile_is_not_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISCLOSURE_TEMPLATE_PATH", raising=False)
    data = copy_of(tmp_path / "data")
    data.write_text(data.read_text(encoding="utf-8").replace("profile: jianghan-budget", "profile: district-budget"), encoding="utf-8")
    code, output = run("check", str(data))
    assert code == 1 and "找不到模板配置（profile）“district-budget”" in output


def test_a_bad_disclosure_toml_is_reported(tmp_path: Path) -> None:
    data = copy_of(tmp_path / "data")
    (tmp_path / "data" / "disclosure.toml").write_text('templates = "nowhere"\n', encoding="utf-8")
    code, output = run("check", str(data))
    assert code == 1 and "disclosure.toml" in output and "模板文件夹不存在" in output and "Traceback" not in output
    (tmp_path / "data" / "disclosure.toml").write_text("templates = [\n", encoding="utf-8")
    code, output = run("check", str(data))
    assert code == 1 and "无法读取" in output
    shutil.rmtree(tmp_path / "data")
