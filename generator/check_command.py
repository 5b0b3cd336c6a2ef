"""`disclosure check`: every problem of every data file, then a count."""

from __future__ import annotations

from pathlib import Path

import click

from .build import prepare
from .discover import data_files
from .errors import DataErrors, Issue, UserError


def run_check(paths: list[Path], strict: bool) -> int:
    files = data_files(paths)
    if not files:
        raise UserError("没有找到数据文件（形如 2023-budget.yaml 或 2023-final.yaml）")
    issues: list[Issue] = []
    for path in files:
        try:
            _, warnings = prepare(path)
            issues.extend(warnings)
        except DataErrors as err:
            issues.extend(err.issues)
        except UserError as err:
            click.echo(f"{path}: 错误: {err}", err=True)
            issues.append(None)  # type: ignore[arg-type]
    shown = [i for i in issues if i is not None]
    for issue in shown:
        click.echo(str(issue))
    errors = sum(1 for i in issues if i is None or i.is_error)
    warnings = len(shown) - sum(1 for i in shown if i.is_error)
    click.echo(f"检查了 {len(files)} 个文件：{errors} 个错误，{warnings} 个警告。")
    return 1 if errors or (strict and warnings) else 0
