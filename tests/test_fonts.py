"""Fonts: the bundled faces by default, official faces on request, a notice without HarfBuzz subsetting."""

from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber
import pytest

from generator.render import fonts
from generator.render import pdf as render_pdf


def test_bundled_faces_are_declared() -> None:
    css = fonts.font_css("bundled")
    assert 'font-family: "Noto Serif SC"' in css and 'font-family: "Noto Sans SC"' in css
    assert "NotoSerifSC-Regular.otf" in css


def test_official_files_are_used_when_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = fonts.bundled_dir()
    assert bundled is not None
    shutil.copy(bundled / "NotoSerifSC-Regular.otf", tmp_path / "simfang.ttf")
    shutil.copy(bundled / "NotoSansSC-Regular.otf", tmp_path / "SIMHEI.TTF")
    monkeypatch.setenv("DISCLOSURE_FONT_DIR", str(tmp_path))
    found = fonts.official_files()
    assert found["serif"].name == "simfang.ttf" and found["sans"].name == "SIMHEI.TTF"
    css = fonts.font_css("official")
    assert (tmp_path / "simfang.ttf").as_uri() in css
    assert 'html { font-family: "Official Serif", "FangSong_GB2312"' in css
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(render_pdf.html_to_pdf('<html lang="zh-CN"><body><h1>标题</h1><p>正文仿宋</p></body></html>', tmp_path, "official"))
    with pdfplumber.open(pdf) as doc:
        text = doc.pages[0].extract_text()
        names = {c["fontname"] for c in doc.pages[0].chars}
    assert "正文仿宋" in text and len(names) == 2


def test_official_without_files_falls_back_to_family_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCLOSURE_FONT_DIR", str(tmp_path))
    monkeypatch.setattr(fonts, "FONT_DIRS", [])
    css = fonts.font_css("official")
    assert "Official" not in css and '"FangSong_GB2312"' in css and '"Noto Serif SC", serif' in css


def test_one_line_notice_without_harfbuzz_subset(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(render_pdf, "_warned", False)
    monkeypatch.setattr(render_pdf.ctypes.util, "find_library", lambda name: None)
    render_pdf.warn_if_slow()
    render_pdf.warn_if_slow()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "libharfbuzz-subset0" in err
