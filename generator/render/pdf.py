"""Render HTML to PDF with WeasyPrint: embedded fonts, metadata, bookmarks."""

from __future__ import annotations

import ctypes.util
import logging
import sys
from pathlib import Path

from generator.errors import UserError
from generator.render.fonts import font_css, has_fonts

_warned = False


def warn_if_slow() -> None:
    """One line when HarfBuzz's subsetter is missing (font subsetting is then twice as slow)."""
    global _warned
    if _warned:
        return
    _warned = True
    if ctypes.util.find_library("harfbuzz-subset") is None:
        print("提示：未安装 libharfbuzz-subset0，生成 PDF 时字体子集化较慢（apt-get install libharfbuzz-subset0）", file=sys.stderr)


VARIANTS = {"ua-1": "pdf/ua-1", "a-2b": "pdf/a-2b"}
"""The PDF standards (as the CLI names them) that WeasyPrint is asked for, one at a time."""


def html_to_pdf(html: str, base_url: Path, font_set: str | None = None, standards: tuple[str, ...] = ()) -> bytes:
    """PDF bytes of a report page rendered with print styles; ``standards``: at most one of VARIANTS."""
    if len(standards) > 1:
        raise UserError("WeasyPrint 一次只能满足一个 PDF 标准；同时需要 PDF/UA-1 与 PDF/A-2b 时请用 --pdf-engine typst")
    unknown = [s for s in standards if s not in VARIANTS]
    if unknown:
        raise UserError(f"不支持的 PDF 标准：{'、'.join(unknown)}（可选：{'、'.join(VARIANTS)}）")
    if not has_fonts():
        raise UserError("缺少中文字体：请安装 pylopdf-fonts-zh-cn（pip install pylopdf-fonts-zh-cn）")
    warn_if_slow()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    extra = CSS(string=font_css(font_set), font_config=fonts)
    document = HTML(string=html, base_url=str(base_url)).render(stylesheets=[extra], font_config=fonts)
    if standards:
        return document.write_pdf(pdf_variant=VARIANTS[standards[0]], pdf_tags=True)
    return document.write_pdf()
