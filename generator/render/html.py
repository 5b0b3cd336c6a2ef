"""Render a Document to a self-contained HTML page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError

from generator.present.compose import ProfileError
from generator.present.document import Document, TocEntry
from generator.present.tables.grid import Grid
from generator.render.fonts import web_font_css
from generator.paths import template_dirs
from generator.render.templating import environment


@dataclass(frozen=True)
class PageLinks:
    """What a published page links to: its other formats (label, file name relative to the page), the site's index, its contents."""

    formats: list[tuple[str, str]] = field(default_factory=list)
    index: str | None = None
    contents: list[TocEntry] = field(default_factory=list)


def stylesheet(templates: Path | tuple[Path, ...], name: str) -> str:
    """A stylesheet from the first templates folder that has it."""
    for folder in templates if isinstance(templates, tuple) else (templates,):
        if (folder / "static" / name).is_file():
            return (folder / "static" / name).read_text(encoding="utf-8")
    raise ProfileError(f"缺少样式表 static/{name}")


def render_html(
    doc: Document,
    templates: Path | None = None,
    print_css: bool = False,
    head_extra: str = "",
    font_href: str | None = None,
    fonts_css: str | None = None,
    links: PageLinks | None = None,
    column_widths: Callable[[Grid], list[str] | None] | None = None,
) -> str:
    """The report as one HTML string; ``print_css`` adds the paged-media rules used for PDF.

    ``font_href`` (relative URL of the bundled fonts) lets the page show Chinese text on a
    machine without Chinese fonts; ``fonts_css`` (the page's own subsets, ``webfonts.page_font_css``) does the same
    for a published page. ``links`` (a built page's other formats and the site's index) adds the page's navigation
    bar and contents menu. ``column_widths`` (print only, ``columns.column_widths``) gives each table its
    columns' widths, set with a fixed table layout.
    """
    base: Path | tuple[Path, ...] = templates or tuple(template_dirs())
    fonts = fonts_css if fonts_css is not None else web_font_css(font_href) if font_href else ""
    css = (fonts + "\n" if fonts else "") + stylesheet(base, "report.css")
    if print_css:
        css += "\n" + stylesheet(base, "print.css")
    try:
        template = environment(base).get_template("report.html")
        return template.render(doc=doc, css=css, head_extra=head_extra, links=links, column_widths=column_widths)
    except TemplateSyntaxError as exc:
        raise ProfileError(f"{exc.filename}:{exc.lineno}: 模板语法错误：{exc.message}") from None
    except TemplateError as exc:
        raise ProfileError(f"模板错误：{exc}") from None
