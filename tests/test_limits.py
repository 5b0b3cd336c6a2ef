"""Limits on input: every one refused quickly, with a message in Chinese and the place in the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.commands.cli import main
from generator.errors import DataErrors
from generator.read import limits
from generator.read.sources import load_file, load_text

from .conftest import DATA

BUDGET = (DATA / "jianghan-gov-office" / "2020-budget.yaml").read_text(encoding="utf-8")
LINE = "  - {code: \"2010399\", name: 其他政府办公厅（室）及相关机构事务支出, basic: 0, project: 69.00}"


def refused(text: str) -> str:
    """The one error of ``text`` as the user sees it (how fast it comes is measured in benchmarks/, not here)."""
    with pytest.raises(DataErrors) as info:
        load_text(text, "f.yaml")
    (issue,) = info.value.issues
    return str(issue)


def test_deep_nesting_is_refused_before_the_parser_recurses() -> None:
    assert refused("x: " + "[" * 30_000 + "]" * 30_000 + "\n").startswith(f"f.yaml:1:{3 + limits.MAX_DEPTH}: 错误: 嵌套层次过深")
    block = "".join(" " * i + "a:\n" for i in range(60)) + " " * 60 + "b: 1\n"
    assert refused(block).startswith(f"f.yaml:{limits.MAX_DEPTH + 1}:{limits.MAX_DEPTH + 1}: 错误: 嵌套层次过深")
    ok = "x: " + "[" * (limits.MAX_DEPTH - 1) + "]" * (limits.MAX_DEPTH - 1) + "\n"
    assert load_text(ok, "f.yaml")[0]["x"]


def test_nested_file_through_every_command(tmp_path: Path) -> None:
    unit = tmp_path / "data" / "unit"
    unit.mkdir(parents=True)
    (unit / "2020-budget.yaml").write_text("x: " + "[" * 30_000 + "]" * 30_000 + "\n", encoding="utf-8")
    (tmp_path / "data" / "jianghan-gov-office").mkdir()
    (tmp_path / "data" / "jianghan-gov-office" / "2020-budget.yaml").write_text(BUDGET, encoding="utf-8")
    check = CliRunner().invoke(main, ["check", str(unit / "2020-budget.yaml")])
    assert check.exit_code == 1 and f"2020-budget.yaml:1:{3 + limits.MAX_DEPTH}: 错误: 嵌套层次过深" in check.output
    build = CliRunner().invoke(main, ["build", str(tmp_path / "data"), "-j", "1", "--format", "html", "-o", str(tmp_path / "out")])
    assert build.exit_code == 1 and "共 2 个：生成 1，跳过 0，失败 1" in build.output


def test_long_text() -> None:
    assert refused("a: ok\nb: " + "字" * (limits.MAX_TEXT + 1) + "\n").startswith("f.yaml:2:4: 错误: 文字过长")
    assert load_text("b: " + "字" * limits.MAX_TEXT + "\n", "f.yaml")


def test_alias_expansion_counts_characters_not_values() -> None:
    # few values, each alias a long text: 900 uses of a 9,000-character text (8.1 million characters)
    uses = limits.MAX_SIZE // 9000 + 10
    assert uses <= limits.MAX_ALIASES
    text = "a: &a " + "x" * 9000 + "\nb: [" + ", ".join(["*a"] * uses) + "]\n"
    message = refused(text)
    assert message.startswith("f.yaml:2:") and "别名（*）展开后的数据过大" in message
    # the classic bomb: nested lists of aliases
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(f"{c}: &{c} [{', '.join([f'*{p}'] * 10)}]\n" for p, c in zip("abcdefg", "bcdefgh"))
    assert "别名（*）展开后的数据过大" in refused(bomb)
    assert "使用过多" in refused("a: &a 1\nb: [" + ", ".join(["*a"] * (limits.MAX_ALIASES + 1)) + "]\n")
    assert "包含它自身" in refused("a: &a [1, *a]\n")
    assert load_text("a: &a {x: 1}\nb: *a\n", "f.yaml")[0] == {"a": {"x": 1}, "b": {"x": 1}}


def test_large_data_without_aliases_is_not_blamed_on_aliases() -> None:
    text = "a:\n" + "".join(f"  - k: {'x' * 50}\n" for _ in range(limits.MAX_SIZE // 50))
    message = refused(text)
    assert "数据过大" in message and "别名" not in message


def test_file_size_is_checked_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "2020-budget.yaml"
    big.write_bytes(b"a: 1\n" + b"# " + b"x" * limits.MAX_BYTES + b"\n")
    with pytest.raises(DataErrors) as info:
        load_file(big)
    assert f"文件过大（{limits.MAX_BYTES / 2**20:.1f} MB），数据文件最大为 {limits.MAX_BYTES // 2**20} MB" in str(info.value)


@pytest.mark.parametrize(("value", "words"), [("0b1011", "二进制"), ("0x1F", "十六进制"), ("-0o17", "八进制")])
def test_numbers_in_other_bases(value: str, words: str) -> None:
    assert refused(f"a: {value}\n") == f"f.yaml:1:4: 错误: 数值 {value} 是{words}写法，请写成十进制数字"


def _check(tmp_path: Path, text: str, name: str = "jianghan-gov-office") -> str:
    unit = tmp_path / name
    unit.mkdir(exist_ok=True)
    (unit / "2020-budget.yaml").write_text(text, encoding="utf-8")
    return CliRunner().invoke(main, ["check", str(unit / "2020-budget.yaml")]).output


def test_three_decimals_are_refused_at_the_amount(tmp_path: Path) -> None:
    assert LINE in BUDGET
    output = _check(tmp_path, BUDGET.replace(LINE, LINE.replace("project: 69.00", "project: 69.005")))
    line = BUDGET.split("\n").index(LINE) + 1
    assert f"2020-budget.yaml:{line}:{LINE.index('69.00') + 1}: 错误: expenditure[3].project：金额最多保留两位小数（单位万元" in output
    output = _check(tmp_path, BUDGET.replace(LINE, LINE.replace("project: 69.00", "project: 1e-23")))
    assert "金额最多保留两位小数" in output and "内部错误" not in output
    assert "0 个错误" in _check(tmp_path, BUDGET.replace(LINE, LINE.replace("project: 69.00", "project: 69.000")))


def test_decimals_count_in_the_files_unit(tmp_path: Path) -> None:
    yuan = (DATA / "putuo-commerce" / "2025-budget.yaml").read_text(encoding="utf-8")
    assert "unit: 元" in yuan
    first = next(line for line in yuan.split("\n") if line.strip().startswith("basic:") or " basic: " in line)
    number = first.split("basic:")[1].split(",")[0].split("}")[0].strip()
    changed = first.replace(f"basic: {number}", f"basic: {number}1" if "." in number else f"basic: {number}.001")
    output = _check(tmp_path, yuan.replace(first, changed, 1), "putuo-commerce")
    assert "金额最多保留两位小数（单位元，即精确到分）" in output


def test_scores_have_two_decimals_at_most(tmp_path: Path) -> None:
    final = (DATA / "jiangan-gov-office" / "2023-final.yaml").read_text(encoding="utf-8")
    unit = tmp_path / "jiangan-gov-office"
    unit.mkdir()
    (unit / "2023-final.yaml").write_text(final.replace("score: 3\n", "score: 1e-23\n", 1), encoding="utf-8")
    output = CliRunner().invoke(main, ["check", str(unit / "2023-final.yaml")]).output
    assert "分值最多保留两位小数" in output


def test_an_overlong_profile_name(tmp_path: Path) -> None:
    output = _check(tmp_path, BUDGET.replace("profile: jianghan-budget", "profile: " + "p" * 250))
    assert "找不到模板配置（profile）" in output and "内部错误" not in output
