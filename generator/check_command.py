"""`disclosure check`: every problem of every data file, then a count."""

from __future__ import annotations

from pathlib import Path

import click

from .checks import run_checks
from .discover import data_files
from .errors import DataErrors, Issue, Pos, UserError, error
from .load import load_report
from .profile import load_profile
from .reports import build_document


def check_file(path: Path) -> list[Issue]:
    """Every issue of one file, warnings included.

    Unlike the gate before a build (``build.prepare``), the rules run even when the
    profile cannot be loaded, and warnings are kept beside errors. A file without
    errors is also composed, since composing can still fail on a profile's sentence.
    """
    loaded = load_report(path)
    issues: list[Issue] = []
    try:
        profile = load_profile(loaded.report.profile, loaded.positions.pos(("profile",)))
    except DataErrors as err:
        issues.extend(err.issues)
        profile = None
    issues.extend(run_checks(loaded, profile))  # type: ignore[arg-type]
    if profile is not None and not any(i.is_error for i in issues):
        build_document(loaded.report, profile)
    return issues


def run_check(paths: list[Path], strict: bool) -> int:
    files = data_files(paths)
    if not files:
        raise UserError("没有找到数据文件（形如 2023-budget.yaml 或 2023-final.yaml）")
    issues: list[Issue] = []
    for path in files:
        try:
            issues.extend(check_file(path))
        except DataErrors as err:
            issues.extend(err.issues)
        except UserError as err:  # e.g. a profile's sentence names an unknown fact
            issues.append(error(Pos(str(path), 1, 1), str(err), "compose"))
    for issue in issues:
        click.echo(str(issue))
    errors = sum(1 for i in issues if i.is_error)
    warnings = sum(1 for i in issues if not i.is_error)
    click.echo(f"检查了 {len(files)} 个文件：{errors} 个错误，{warnings} 个警告。")
    return 1 if errors or (strict and warnings) else 0
