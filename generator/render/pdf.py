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


def html_to_pdf(html: str, base_url: Path, font_set: str | None = None) -> bytes:
    """PDF bytes of a report page rendered with print styles."""
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
    return document.write_pdf()
