"""`disclosure check`: every problem of every data file, then a count (as text, or as JSON for programs)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from generator.build import check_file_accepting
from generator.check.accept import Accepted
from generator.errors import DataErrors, Issue, Pos, UserError, error
from generator.read.discover import data_files

SEVERITY = {True: "error", False: "warning"}


def run_check(paths: list[Path], strict: bool, output_format: str = "text") -> int:
    files = data_files(paths)
    if not files:
        raise UserError("没有找到数据文件（形如 2023-budget.yaml 或 2023-final.yaml）")
    issues: list[Issue] = []
    accepted: list[Accepted] = []
    for path in files:
        try:
            found, kept = check_file_accepting(path)
            issues.extend(found)
            accepted.extend(kept)
        except DataErrors as err:
            issues.extend(err.issues)
        except UserError as err:  # e.g. a profile's sentence names an unknown fact
            issues.append(error(Pos(str(path), 1, 1), str(err), "compose"))
    errors = sum(1 for i in issues if i.is_error)
    warnings = sum(1 for i in issues if not i.is_error)
    status = 1 if errors or (strict and warnings) else 0
    if output_format == "json":
        click.echo(json.dumps(as_json(files, issues, accepted, status), ensure_ascii=False, indent=2))
        return status
    for issue in issues:
        click.echo(f"{issue} [{issue.rule}]" if issue.rule and not issue.is_error else str(issue))
    note = f"（另有 {len(accepted)} 个警告已在 accept 中确认）" if accepted else ""
    click.echo(f"检查了 {len(files)} 个文件：{errors} 个错误，{warnings} 个警告。{note}")
    return status


def _issue(issue: Issue) -> dict[str, Any]:
    return {
        "file": issue.pos.file,
        "line": issue.pos.line,
        "column": issue.pos.col,
        "severity": SEVERITY[issue.is_error],
        "rule": issue.rule,
        "message": issue.message,
    }


def as_json(files: list[Path], issues: list[Issue], accepted: list[Accepted], status: int) -> dict[str, Any]:
    """The result of ``check --format json``; lines and columns count from 1."""
    return {
        "files": [str(f) for f in files],
        "errors": sum(1 for i in issues if i.is_error),
        "warnings": sum(1 for i in issues if not i.is_error),
        "exit_code": status,
        "issues": [_issue(i) for i in issues],
        "accepted": [{**_issue(a.issue), "reason": a.reason} for a in accepted],
    }
