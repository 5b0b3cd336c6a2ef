"""`disclosure audit REPORT.pdf [--format text|html|json]`: every discrepancy of a published report."""

from __future__ import annotations

import json
from pathlib import Path

import click

from generator.audit.findings import Finding, audit_report
from generator.commands.outputs import write_atomic
from generator.ingest.run import import_source
from generator.render.audit_html import render_audit

HEAD = ("页码", "检查", "位置", "印出", "应为", "原因")


TOLERANCE = "（印出数按四舍五入到所印位数理解：只在舍入误差之外不符时列出。）"


def _cells(f: Finding) -> tuple[str, ...]:
    """One finding as the columns of HEAD (the same in every format)."""
    return (str(f.page), f.check, f.where, f.printed, f.expected, f.why if f.kind == "wrong" else f"未读出：{f.why}")


def summary(findings: list[Finding]) -> str:
    """共 N 处不一致，M 处未能读出。"""
    wrong = sum(1 for f in findings if f.kind == "wrong")
    return f"共 {wrong} 处不一致，{len(findings) - wrong} 处未能读出。" if findings else "没有发现不一致。"


def as_text(findings: list[Finding]) -> str:
    rows = [_cells(f) for f in findings]
    if not rows:
        return summary(findings)
    widths = [max(len(r[i]) for r in [HEAD, *rows]) for i in range(len(HEAD))]

    def line(r: list[str] | tuple[str, ...]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip()

    return "\n".join([line(HEAD), *(line(r) for r in rows), summary(findings) + TOLERANCE])


def as_html(findings: list[Finding], source: str, unread: list[tuple[int, str]] | None = None) -> str:
    unread = unread or []
    return render_audit(HEAD, [_cells(f) for f in findings], source, summary(findings), TOLERANCE, unread, unread_note(unread))


def as_json(findings: list[Finding]) -> str:
    return json.dumps([f.__dict__ for f in findings], ensure_ascii=False, indent=2) + "\n"


def unread_note(unread: list[tuple[int, str]]) -> str:
    """One line on the figures of running text that no sentence template reads (they were not checked)."""
    if not unread:
        return ""
    pages = "、".join(str(p) for p in dict.fromkeys(p for p, _ in unread))
    return f"正文中另有 {len(unread)} 行含金额或百分比的文字未能按句式读出，其中的数未审核（第 {pages} 页）。"


def run_audit(source: Path, fmt: str, out: Path | None) -> int:
    result = audit_report(import_source(source))
    findings, note = result.findings, unread_note(result.unread)
    if fmt == "text":
        text = as_text(findings) + (f"\n{note}" if note else "")
    elif fmt == "html":
        text = as_html(findings, source.name, result.unread)
    else:
        text = as_json(findings)
    if out is not None:
        write_atomic(out, text.encode("utf-8"))
        click.echo(f"已写出 {out}")
    else:
        click.echo(text)
    return 0
