"""The pipeline: load → validate → check → compute → compose → HTML → PDF. Only this module knows the order."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .checks import run_checks
from .errors import DataErrors, Issue
from .fonts import WEB_FONTS, publish_fonts
from .load import load_report
from .outputs import output_stem, write_atomic
from .profile import load_profile
from .render_html import render_html
from .reports import build_document

FORMATS = ("html", "pdf")


@dataclass
class BuildResult:
    source: Path
    outputs: list[Path] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


class Timer:
    def __init__(self, timings: dict[str, float]) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.timings[name] = self.timings.get(name, 0.0) + now - self.last
        self.last = now


def prepare(path: Path, strict: bool = False, draft: bool = False, timings: dict[str, float] | None = None):  # type: ignore[no-untyped-def]
    """Load, check and compose one data file; raise DataErrors on errors (or warnings if strict)."""
    timer = Timer(timings if timings is not None else {})
    loaded = load_report(path)
    timer.lap("load")
    profile = load_profile(loaded.report.profile, loaded.positions.pos(("profile",)))
    issues = run_checks(loaded, profile)
    timer.lap("check")
    errors = [i for i in issues if i.is_error or strict]
    if errors:
        raise DataErrors(issues if strict else errors)
    doc = build_document(loaded.report, profile, draft=draft)
    timer.lap("compose")
    return doc, [i for i in issues if not i.is_error]


def build(path: Path, out_dir: Path, formats: tuple[str, ...] = FORMATS, strict: bool = False, font_set: str | None = None) -> BuildResult:
    """Build one report; outputs are written only after everything has rendered."""
    result = BuildResult(path)
    doc, result.warnings = prepare(path, strict, timings=result.timings)
    timer = Timer(result.timings)
    stem = output_stem(path, out_dir)
    rendered: dict[Path, bytes] = {}
    if "html" in formats:
        publish_fonts(out_dir)
        href = "../" + WEB_FONTS
        rendered[stem.with_suffix(".html")] = render_html(doc, font_href=href).encode("utf-8")
        timer.lap("html")
    if "pdf" in formats:
        from .render_pdf import html_to_pdf

        page = render_html(doc, print_css=True)
        timer.lap("html")
        rendered[stem.with_suffix(".pdf")] = html_to_pdf(page, path.parent.resolve(), font_set)
        timer.lap("pdf")
    for target, content in rendered.items():
        write_atomic(target, content)
        result.outputs.append(target)
    timer.lap("write")
    return result


__all__ = ["build", "prepare", "BuildResult", "DataErrors"]
