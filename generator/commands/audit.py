"""`disclosure audit REPORT.pdf [--format text|html|json]`: every discrepancy of a published report."""

from __future__ import annotations

import html
import json
from pathlib import Path

import click

from generator.audit.findings import Finding, audit_report
from generator.commands.outputs import write_atomic
from generator.ingest.run import import_source

HEAD = ("页码", "检查", "位置", "印出", "应为", "原因")


TOLERANCE = "（印出数按四舍五入到所印位数理解：只在舍入误差之外不符时列出。）"


def _cells(f: Finding) -> tuple[str, ...]:
    """One finding as the columns of HEAD (the same in every format)."""
    return (str(f.page), f.check, f.where, f.printed, f.expected, f.why if f.kind == "wrong" else f"未读出：{f.why}")


def as_text(findings: list[Finding]) -> str:
    rows = [_cells(f) for f in findings]
    if not rows:
        return "没有发现不一致。"
    widths = [max(len(r[i]) for r in [HEAD, *rows]) for i in range(len(HEAD))]

    def line(r: list[str] | tuple[str, ...]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip()

    wrong = sum(1 for f in findings if f.kind == "wrong")
    return "\n".join([line(HEAD), *(line(r) for r in rows), f"共 {wrong} 处不一致，{len(findings) - wrong} 处未能读出。{TOLERANCE}"])


def as_html(findings: list[Finding], source: str, note: str = "") -> str:
    cells = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in _cells(f)) + "</tr>" for f in findings)
    head = "".join(f"<th>{h}</th>" for h in HEAD)
    return (
        f'<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>审核：{html.escape(source)}</title>'
        f"<h1>审核：{html.escape(source)}</h1><table><thead><tr>{head}</tr></thead><tbody>{cells}</tbody></table>"
        + (f"<p>{html.escape(note)}</p>" if note else "")
        + "</html>\n"
    )


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
        text = as_html(findings, source.name, note)
    else:
        text = as_json(findings)
    if out is not None:
        write_atomic(out, text.encode("utf-8"))
        click.echo(f"已写出 {out}")
    else:
        click.echo(text)
    return 0
