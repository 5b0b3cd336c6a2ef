"""Render the changes between two versions of a report (generator/compare.py) as an HTML page."""

from __future__ import annotations

from generator.compare import Changes
from generator.paths import template_dirs
from generator.render.templating import environment


def render_diff(changes: Changes, old: str, new: str, title: str) -> str:
    template = environment(tuple(template_dirs())).get_template("diff.html")
    return template.render(changes=changes, old=old, new=new, title=title)
