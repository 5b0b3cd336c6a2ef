"""The pipeline: load → validate → check → compute → compose → HTML → PDF. Only this module knows the order."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.check.run import run_checks
from generator.present.document import Document
from generator.errors import DataErrors, Issue, Pos, UserError, error
from generator.render.fonts import WEB_FONTS, publish_fonts
from generator.read.load import Loaded, load_report
from generator.commands.outputs import output_stem, write_set
from generator.commands.stamps import stamp_path
from generator.present.profile import Profile, load_profile
from generator.render.html import render_html
from generator.present.kinds import build_document

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


def inspect(path: Path, timer: Timer | None = None) -> tuple[Loaded, Profile | None, list[Issue]]:
    """Load a data file and run every check; problems of the profile itself come back as issues."""
    timer = timer or Timer({})
    loaded = load_report(path)
    timer.lap("load")
    issues: list[Issue] = []
    profile: Profile | None
    try:
        profile = load_profile(loaded.report.profile, loaded.positions.pos(("profile",)))
    except DataErrors as err:
        issues.extend(err.issues)
        profile = None
    issues.extend(run_checks(loaded, profile))
    timer.lap("check")
    return loaded, profile, issues


def check_file(path: Path) -> list[Issue]:
    """Every issue of one file, warnings included (``disclosure check``).

    A file without errors is also composed, since composing can still fail on a
    profile's sentence; that failure is reported at the top of the file.
    """
    loaded, profile, issues = inspect(path)
    if profile is not None and not any(i.is_error for i in issues):
        try:
            build_document(loaded.report, profile)
        except UserError as err:
            issues.append(error(Pos(str(path), 1, 1), str(err), "compose"))
    return issues


def prepare(path: Path, strict: bool = False, draft: bool = False, timings: dict[str, float] | None = None) -> tuple[Document, list[Issue]]:
    """Load, check and compose one data file; raise DataErrors on errors (or on warnings if strict)."""
    timer = Timer(timings if timings is not None else {})
    loaded, profile, issues = inspect(path, timer)
    if profile is None or any(i.is_error or strict for i in issues):
        raise DataErrors(issues)
    doc = build_document(loaded.report, profile, draft=draft)
    timer.lap("compose")
    return doc, issues


def build(path: Path, out_dir: Path, formats: tuple[str, ...] = FORMATS, strict: bool = False, font_set: str | None = None,
          stamp: str | None = None) -> BuildResult:
    """Build one report; its outputs (and ``stamp``, the fingerprint it was built from) replace the old ones together,
    only after everything has rendered."""
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
        from generator.render.pdf import html_to_pdf

        page = render_html(doc, print_css=True)
        timer.lap("html")
        rendered[stem.with_suffix(".pdf")] = html_to_pdf(page, path.parent.resolve(), font_set)
        timer.lap("pdf")
    if stamp is not None:
        rendered[stamp_path(stem)] = stamp.encode()
    write_set(stem, rendered)
    result.outputs.extend(p for p in rendered if p.suffix != ".stamp")
    timer.lap("write")
    return result


__all__ = ["build", "prepare", "BuildResult", "DataErrors"]
