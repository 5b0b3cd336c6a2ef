"""`disclosure check`: every problem of every data file, then a count."""

from __future__ import annotations

from pathlib import Path

import click

from generator.build import check_file
from generator.read.discover import data_files
from generator.errors import DataErrors, Issue, Pos, UserError, error


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
