"""Text written by people is printed as written: never filled as a sentence template."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.commands.cli import main

from .conftest import DATA

SOURCE = DATA / "jianghan-gov-office" / "2020-budget.yaml"
REASON = '  total: "2019 年机构改革，精准扶贫、对口支援和援疆、援藏扶贫开发工作职能划转到政府办"'


def _build(tmp_path: Path, text: str) -> tuple[int, str, str]:
    unit = tmp_path / "data" / "jianghan-gov-office"
    unit.mkdir(parents=True)
    (unit / "2020-budget.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(unit / "2020-budget.yaml"), "--format", "html", "-o", str(out)])
    page = out / "jianghan-gov-office" / "2020-budget.html"
    return result.exit_code, result.output, page.read_text(encoding="utf-8") if page.exists() else ""


def test_fields_in_a_reason_print_literally(tmp_path: Path) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    assert REASON in text
    code, output, page = _build(tmp_path, text.replace(REASON, '  total: "REASON{total}END[{nosuch}]"'))
    assert code == 0, output
    assert "REASON{total}END[{nosuch}]" in page
