"""Render the findings of an audit (generator/audit) as an HTML page."""

from __future__ import annotations

from generator.paths import template_dirs
from generator.render.templating import environment


def render_audit(
    head: tuple[str, ...], rows: list[tuple[str, ...]], source: str, summary: str, tolerance: str, unread: list[tuple[int, str]], note: str
) -> str:
    template = environment(tuple(template_dirs())).get_template("audit.html")
    return template.render(head=head, rows=rows, source=source, summary=summary, tolerance=tolerance, unread=unread, note=note)
