"""Every problem is one line with its position, whatever the data holds."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from generator.commands.cli import main
from generator.errors import Issue, Pos, Severity, one_line

from .conftest import DATA

LINE = re.compile(r"^.+:\d+:\d+: (错误|警告): ")


def test_a_line_break_in_the_data_keeps_each_problem_on_one_line(tmp_path: Path) -> None:
    source = (DATA / "jianghan-gov-office" / "2020-budget.yaml").read_text(encoding="utf-8")
    path = tmp_path / "jianghan-gov-office" / "2020-budget.yaml"
    path.parent.mkdir()
    path.write_text(source + '"科目\\n备注": 1\n', encoding="utf-8")  # a key holding a line break
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    *issues, count = result.output.rstrip("\n").split("\n")
    assert issues and all(LINE.match(line) for line in issues), result.output
    assert any("科目" in line and "备注" in line and "未知的键" in line for line in issues)


def test_control_characters_are_shown_escaped() -> None:
    assert one_line("甲\n乙\t丙\x07") == "甲\\n乙\\t丙\\x07"
    assert one_line("照常") == "照常"
    assert str(Issue(Pos("a.yaml", 3, 5), Severity.ERROR, "x\ny")) == "a.yaml:3:5: 错误: x\\ny"
