"""`disclosure build` over many files: failures reported but not contagious, unchanged reports skipped,
outputs never left half-written or replaced by a failed build."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.commands.cli import main
from generator.commands.stamps import data_dependencies, fingerprint

from .conftest import DATA

GOOD = ["jianghan-gov-office/2020-budget.yaml", "jiangan-gov-office/2023-final.yaml"]
BROKEN = "broken-office/2020-budget.yaml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    for name in GOOD:
        (root / name).parent.mkdir(parents=True)
        shutil.copy(DATA / name, root / name)
    return root


def build(data: Path, *args: str) -> Result:
    out = data.parent / "out"
    return CliRunner().invoke(main, ["build", str(data), "-o", str(out), "--format", "html", *args], catch_exceptions=False)


def html(data: Path, name: str) -> Path:
    return data.parent / "out" / Path(name).with_suffix(".html")


def state(data: Path) -> dict[str, tuple[int, bytes]]:
    """Every file of the output folder (temporary files included) with its modification time and content."""
    out = data.parent / "out"
    return {str(p.relative_to(out)): (p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(out.rglob("*")) if p.is_file() and "fonts" not in p.parts}


def status_of(result: Result, data: Path, name: str) -> str:
    """The status column of ``name``'s row in the summary table."""
    rows = [line.split() for line in result.stdout.splitlines()]
    return next(row[1] for row in rows if row and row[0] == str(data / name))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_broken_file_does_not_stop_the_others(data: Path) -> None:
    (data / BROKEN).parent.mkdir()
    (data / BROKEN).write_text((DATA / GOOD[0]).read_text(encoding="utf-8").replace("kind: budget\n", "kind: budget: x\n"), encoding="utf-8")
    result = build(data, "-j", "2")
    assert result.exit_code == 1
    for name in GOOD:
        assert html(data, name).is_file()
        assert status_of(result, data, name) == "已生成"
    assert not html(data, BROKEN).exists()
    assert status_of(result, data, BROKEN) == "失败"
    assert f"{data / BROKEN}:5:13: 错误: YAML 语法错误" in result.output
    assert "共 3 个：生成 2，跳过 0，失败 1" in result.output


def test_a_second_run_skips_everything(data: Path) -> None:
    assert build(data, "-j", "1").exit_code == 0
    before = state(data)
    result = build(data)  # default jobs: nothing is stale, so no workers start
    assert result.exit_code == 0
    assert all("跳过" in status_of(result, data, name) for name in GOOD)
    assert "生成 0，跳过 2，失败 0" in result.output
    assert state(data) == before


def test_changing_one_file_rebuilds_only_that_report(data: Path) -> None:
    assert build(data, "-j", "1").exit_code == 0
    before = state(data)
    with (data / GOOD[0]).open("a", encoding="utf-8") as handle:
        handle.write("# 修改\n")  # new content; same figures
    result = build(data, "-j", "1")
    assert result.exit_code == 0
    assert status_of(result, data, GOOD[0]) == "已生成"
    assert "跳过" in status_of(result, data, GOOD[1])
    after = state(data)
    other = str(Path(GOOD[1]).with_suffix(".html"))
    assert after[other] == before[other]
    assert after[str(Path(GOOD[0]).with_suffix(".html"))][0] != before[str(Path(GOOD[0]).with_suffix(".html"))][0]


def test_force_rebuilds(data: Path) -> None:
    assert build(data, "-j", "1").exit_code == 0
    result = build(data, "-j", "1", "--force")
    assert result.exit_code == 0
    assert all(status_of(result, data, name) == "已生成" for name in GOOD)


def test_strict_is_not_satisfied_by_a_lenient_build(data: Path) -> None:
    text = (data / GOOD[0]).read_text(encoding="utf-8")
    (data / GOOD[0]).write_text(text[: text.index("\naccept:")] + "\n", encoding="utf-8")  # its warnings no longer accepted
    assert build(data, "-j", "1").exit_code == 0
    result = build(data, "-j", "1", "--strict")
    assert result.exit_code == 1
    assert "警告" in result.output


def test_a_failed_build_leaves_the_existing_output_untouched(data: Path) -> None:
    assert build(data, "-j", "1").exit_code == 0
    before = state(data)
    edit(data / GOOD[0], "kind: budget\n", "kind: budget: x\n")
    result = build(data, "-j", "1")
    assert result.exit_code == 1
    assert status_of(result, data, GOOD[0]) == "失败"
    assert state(data) == before  # same files (no temporary ones left), same bytes, same times


def test_an_interrupted_build_leaves_the_existing_output_untouched(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert build(data, "-j", "1").exit_code == 0
    before = state(data)

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)  # Ctrl-C while the new page is being written
    result = build(data, "-j", "1", "--force")
    assert result.exit_code == 130
    assert "已中断" in result.output
    assert state(data) == before


def test_negative_jobs_is_a_user_error(data: Path) -> None:
    result = build(data, "-j", "-1")
    assert result.exit_code == 1
    assert "并行数" in result.output


# --- what a report depends on ---------------------------------------------------------------------


def test_last_years_file_is_a_dependency_and_other_years_are_not(tmp_path: Path) -> None:
    folder = tmp_path / "unit"
    folder.mkdir()
    this = folder / "2021-budget.yaml"
    this.write_text('profile: x\nkind: "budget"   # 预算\nyear: 2021\n', encoding="utf-8")
    last, older, later = (folder / f"{y}-budget.yaml" for y in (2020, 2019, 2022))
    assert data_dependencies(this) == [this, last]

    def print_() -> str:
        return fingerprint(this, ("html",), None)

    first = print_()
    older.write_text("year: 2019\n", encoding="utf-8")
    later.write_text("year: 2022\n", encoding="utf-8")
    assert print_() == first
    last.write_text("year: 2020\n", encoding="utf-8")
    assert print_() != first


def test_unreadable_year_counts_every_sibling(tmp_path: Path) -> None:
    this = tmp_path / "2021-budget.yaml"
    this.write_text("{year: 2021, kind: budget}\n", encoding="utf-8")
    other = tmp_path / "notes.yml"
    other.write_text("a: 1\n", encoding="utf-8")
    assert set(data_dependencies(this)) == {this, other}
