"""The PDF engines and the PDF standards a build can ask for; the default engine and how to pick another."""

from __future__ import annotations

import os

from generator.errors import UserError

ENGINES = ("typst", "weasyprint")
DEFAULT = "typst"
"""Chosen by measurement (benchmarks/README.md): the faster engine that passes the same PDF tests."""

STANDARDS = ("ua-1", "a-2b")
"""PDF/UA-1 (tagged, accessible) and PDF/A-2b (archival)."""


def pdf_engine(choice: str | None = None) -> str:
    """``choice`` or DISCLOSURE_PDF_ENGINE or the default, checked."""
    engine = (choice or os.environ.get("DISCLOSURE_PDF_ENGINE") or DEFAULT).strip().lower()
    if engine not in ENGINES:
        raise UserError(f"不支持的 PDF 引擎：{engine}（可选：{'、'.join(ENGINES)}）")
    return engine


def pdf_standards(text: str | tuple[str, ...] | None) -> tuple[str, ...]:
    """ "ua-1,a-2b" → ("ua-1", "a-2b"), checked; empty for none."""
    if not text:
        return ()
    items = text.split(",") if isinstance(text, str) else list(text)
    wanted = tuple(dict.fromkeys(s.strip().lower() for s in items if s.strip()))
    bad = [s for s in wanted if s not in STANDARDS]
    if bad:
        raise UserError(f"不支持的 PDF 标准：{'、'.join(bad)}（可选：{'、'.join(STANDARDS)}）")
    return wanted
