"""The pipeline: load → validate → check → compute → compose → render (HTML, PDF, Excel, CSV, JSON, Word). Only this module knows the order."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator.check.accept import Accepted, apply_acceptances
from generator.check.run import run_checks
from generator.present.document import Document, toc_of
from generator.errors import DataErrors, Issue, Pos, UserError, error
from generator.paths import use_data_folder
from generator.render.webfonts import page_font_css, page_fonts
from generator.read.load import Loaded, load_report
from generator.commands.outputs import output_stem, table_folder, write_atomic, write_set
from generator.commands.stamps import stamp_path
from generator.present.profile import Profile, for_report, load_profile
from generator.paths import config_engine
from generator.render.engines import pdf_engine
from generator.render.html import PageLinks, render_html
from generator.present.kinds import build_document

FORMATS = ("html", "pdf", "xlsx", "csv", "json", "docx")
"""Every output format, each rendered from the same Document by one module of generator/render."""
DEFAULT_FORMATS = ("html", "pdf")
SCHEMA_FILE = "_static/report.schema.json"
"""Where the JSON Schema of ``--format json`` is published, relative to the output folder."""


@dataclass
class BuildResult:
    source: Path
    outputs: list[Path] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    layout: list[str] = field(default_factory=list)
    """Page-level defects of the PDF (render/gate.py), when asked for or when strict."""


class Timer:
    def __init__(self, timings: dict[str, float]) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.timings[name] = self.timings.get(name, 0.0) + now - self.last
        self.last = now


def inspect(path: Path, timer: Timer | None = None) -> tuple[Loaded, Profile | None, list[Issue]]:
    """Load a data file and run every check; problems of the profile itself come back as issues.

    Warnings the file accepts (``accept``) are left out."""
    loaded, profile, issues, _ = inspect_accepting(path, timer)
    return loaded, profile, issues


def inspect_accepting(path: Path, timer: Timer | None = None) -> tuple[Loaded, Profile | None, list[Issue], list[Accepted]]:
    """``inspect``, also returning the warnings the file's ``accept`` entries took away."""
    timer = timer or Timer({})
    use_data_folder(path)  # the data folder's own templates (disclosure.toml), searched first
    loaded = load_report(path)
    timer.lap("load")
    issues: list[Issue] = []
    profile: Profile | None
    try:
        profile = for_report(load_profile(loaded.report.profile, loaded.positions.pos(("profile",))), loaded.report)
    except DataErrors as err:
        issues.extend(err.issues)
        profile = None
    issues.extend(run_checks(loaded, profile))
    issues, accepted = apply_acceptances(loaded, issues)
    timer.lap("check")
    return loaded, profile, issues, accepted


def check_file(path: Path) -> list[Issue]:
    """Every issue of one file, warnings included (``disclosure check``)."""
    return check_file_accepting(path)[0]


def check_file_accepting(path: Path) -> tuple[list[Issue], list[Accepted]]:
    """Every issue of one file, warnings included (``disclosure check``), and the warnings it accepts.

    A file without errors is also composed, since composing can still fail on a
    profile's sentence; that failure is reported at the top of the file.
    """
    loaded, profile, issues, accepted = inspect_accepting(path)
    if profile is not None and not any(i.is_error for i in issues):
        try:
            build_document(loaded.report, profile)
        except UserError as err:
            issues.append(error(Pos(str(path), 1, 1), str(err), "compose"))
    return issues, accepted


def prepare(path: Path, strict: bool = False, draft: bool = False, timings: dict[str, float] | None = None) -> tuple[Document, list[Issue]]:
    """Load, check and compose one data file; raise DataErrors on errors (or on warnings if strict)."""
    timer = Timer(timings if timings is not None else {})
    loaded, profile, issues = inspect(path, timer)
    if profile is None or any(i.is_error or strict for i in issues):
        raise DataErrors(issues)
    doc = build_document(loaded.report, profile, draft=draft)
    timer.lap("compose")
    return doc, issues


FORMAT_LABELS = {"pdf": "PDF", "docx": "Word", "xlsx": "Excel", "csv": "CSV", "json": "JSON"}


def page_links(doc: Document, stem: Path, formats: tuple[str, ...], site: bool) -> PageLinks:
    """The links of a built page: its other formats, the site's index, its contents (the parts and their sections)."""
    links = []
    for fmt, label in FORMAT_LABELS.items():
        if fmt in formats:
            links.append((label, table_folder(stem).name + "/" if fmt == "csv" else f"{stem.name}.{fmt}"))
    return PageLinks(links, "../index.html" if site else None, doc.toc or toc_of(doc.parts, 1))


def render_pdf(
    doc: Document, base_url: Path, font_set: str | None = None, engine: str | None = None, standards: tuple[str, ...] = (), timer: Timer | None = None
) -> bytes:
    """The PDF of a Document with the chosen engine (``pdf_engine``): Typst from the Document, WeasyPrint from its print HTML."""
    return pdf_job(doc, base_url, font_set, engine, standards, timer)()


def pdf_job(
    doc: Document, base_url: Path, font_set: str | None = None, engine: str | None = None, standards: tuple[str, ...] = (), timer: Timer | None = None
) -> Callable[[], bytes]:
    """``render_pdf`` in two steps: what must run in Python is done now, the typesetting when the result is called
    (with Typst it leaves Python free meanwhile; WeasyPrint does all of it in the second step)."""
    if pdf_engine(engine) == "typst":
        from generator.render.pdf_typst import typst_job

        return typst_job(doc, font_set, standards)
    return lambda: _weasyprint_pdf(doc, base_url, font_set, standards, timer or Timer({}))


def _weasyprint_pdf(doc: Document, base_url: Path, font_set: str | None, standards: tuple[str, ...], timer: Timer) -> bytes:
    from generator.render.pdf import html_to_pdf

    from generator.render.columns import column_widths, layout_choice

    widths = column_widths(doc) if layout_choice(font_set) == "fixed" else None
    page = render_html(doc, print_css=True, column_widths=widths)
    timer.lap("html")
    return html_to_pdf(page, base_url, font_set, standards)


def build(
    path: Path,
    out_dir: Path,
    formats: tuple[str, ...] = DEFAULT_FORMATS,
    strict: bool = False,
    font_set: str | None = None,
    engine: str | None = None,
    standards: tuple[str, ...] = (),
    stamp: str | None = None,
    layout_report: bool = False,
    site: bool = False,
) -> BuildResult:
    """Build one report; its outputs (and ``stamp``, the fingerprint it was built from) replace the old ones together,
    only after everything has rendered.

    ``engine`` is the PDF engine ("typst" or "weasyprint"; DISCLOSURE_PDF_ENGINE or the default when
    None); ``standards`` the PDF standards asked for ("ua-1", "a-2b"). With ``layout_report`` (or
    ``strict``) the PDF's pages are checked (``render.gate``); with ``strict`` a defect stops the build.
    The HTML page carries its own web fonts
    (subsets of the bundled faces, ``<year>-<kind>.serif.woff2`` and ``.sans.woff2`` beside it), links to the
    other formats built, and with ``site`` to the site's index (``index.html`` of the output folder).
    """
    engine = pdf_engine(engine or config_engine(path))
    result = BuildResult(path)
    doc, result.warnings = prepare(path, strict, timings=result.timings)
    timer = Timer(result.timings)
    stem = output_stem(path, out_dir)
    rendered: dict[Path, bytes] = {}
    folders: dict[Path, dict[str, bytes]] = {}
    if "html" in formats:
        page_name = stem.with_suffix(".html").name
        page = render_html(doc, fonts_css=page_font_css(page_name), links=page_links(doc, stem, formats, site))
        rendered[stem.with_suffix(".html")] = page.encode("utf-8")
        timer.lap("html")
        for name, data in page_fonts(page, page_name).items():
            rendered[stem.parent / name] = data
        timer.lap("fonts")
    if "pdf" in formats:
        pdf = rendered[stem.with_suffix(".pdf")] = render_pdf(doc, path.parent.resolve(), font_set, engine, standards, timer)
        timer.lap("pdf")
        if layout_report or strict:
            from generator.render.gate import layout_defects

            result.layout = [str(d) for d in layout_defects(pdf)]
            timer.lap("layout")
            if strict and result.layout:
                raise UserError(f"版面检查发现 {len(result.layout)} 处问题（--strict）：" + "；".join(result.layout))
    if "xlsx" in formats:
        from generator.render.xlsx import render_xlsx

        rendered[stem.with_suffix(".xlsx")] = render_xlsx(doc)
        timer.lap("xlsx")
    if "csv" in formats:
        from generator.render.csv import render_csv

        folders[table_folder(stem)] = render_csv(doc)
        timer.lap("csv")
    if "json" in formats:
        from generator.render.json import render_json, schema_bytes

        rendered[stem.with_suffix(".json")] = render_json(doc)
        schema = out_dir / SCHEMA_FILE
        if not schema.is_file() or schema.read_bytes() != schema_bytes():
            write_atomic(schema, schema_bytes())
        timer.lap("json")
    if "docx" in formats:
        from generator.render.docx import render_docx

        rendered[stem.with_suffix(".docx")] = render_docx(doc)
        timer.lap("docx")
    if stamp is not None:
        rendered[stamp_path(stem)] = stamp.encode()
    written = write_set(stem, rendered, folders)
    result.outputs.extend(p for p in written if p.suffix not in (".stamp", ".woff2"))  # fonts serve the page
    timer.lap("write")
    return result


__all__ = ["build", "prepare", "render_pdf", "BuildResult", "DataErrors"]
