"""The Typst engine on its own: text printed literally, errors for users, standards, fonts, the options."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner

from generator.build import build, prepare
from generator.commands.cli import main
from generator.errors import UserError
from generator.paths import templates_dir
from generator.present.document import Document, Paragraph, Part, Section, TocEntry
from generator.present.tables.grid import Cell, Grid, TableBlock
from generator.render import engines, fonts
from generator.render.pdf_typst import document_json, font_choice, render_typst

from .conftest import EXAMPLES

MARKUP = r"#set text(red) *粗* _斜_ $x^2$ @ref <lab> [方括号] \反斜杠 `raw` // 注释 /* 块 */ ~ 100% = #"
"""Everything Typst markup would read as code, emphasis, math, a reference, a label, a comment…"""


def sample(text: str = MARKUP) -> Document:
    grid = Grid([[Cell("项目"), Cell("金额")]], [[Cell(text, cls="name indent1"), Cell("1,234.56", cls="num")]], title=text, notes=[text])
    table = TableBlock("t1", "公开表1", text, [grid], anchor="s3")
    section = Section("s2", "一、", text, 1, [Paragraph(text, label="1. "), table], [])
    part = Part("s1", "第一部分", text, [Paragraph(text)], [section])
    return Document(
        title=f"标题{text}",
        department="某部门",
        year=2024,
        kind="budget",
        profile="test",
        parts=[part],
        toc=[TocEntry("s1", f"第一部分 {text}", 0), TocEntry("s2", f"一、{text}", 1)],
        toc_title="目录",
        cover=False,
        meta={"keywords": text},
    )


def pdf_text(data: bytes, tmp_path: Path) -> tuple[str, dict[str, object]]:
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    with pdfplumber.open(path) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages), dict(pdf.metadata)


def test_markup_characters_print_as_typed(tmp_path: Path) -> None:
    text, meta = pdf_text(render_typst(sample()), tmp_path)
    flat = re.sub(r"\s+", "", text)
    wanted = re.sub(r"\s+", "", MARKUP)
    # the paragraph, the part and section titles, the table title, cell and note, two TOC entries
    assert flat.count(wanted) >= 7, text
    assert meta["Title"] == f"标题{MARKUP}" and meta["Keywords"] == MARKUP


def test_white_space_as_the_html_shows_it() -> None:
    data = json.loads(document_json(sample("项   目\n说明")))
    assert data["parts"][0]["blocks"][0]["text"] == "项 目 说明"


def test_a_broken_layout_file_is_a_user_error(tmp_path: Path) -> None:
    shutil.copytree(templates_dir() / "typst", tmp_path / "typst")
    (tmp_path / "typst" / "report.typ").write_text("#let x = (\n", encoding="utf-8")
    with pytest.raises(UserError, match="Typst 排版失败"):
        render_typst(sample(), templates=tmp_path)


def test_a_missing_layout_file_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="缺少 Typst 版式文件"):
        render_typst(sample(), templates=tmp_path)


def test_engine_and_standard_choices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISCLOSURE_PDF_ENGINE", raising=False)
    assert engines.pdf_engine() == engines.DEFAULT
    monkeypatch.setenv("DISCLOSURE_PDF_ENGINE", "WeasyPrint")
    assert engines.pdf_engine() == "weasyprint" and engines.pdf_engine("typst") == "typst"
    monkeypatch.setenv("DISCLOSURE_PDF_ENGINE", "latex")
    with pytest.raises(UserError, match="不支持的 PDF 引擎：latex"):
        engines.pdf_engine()
    assert engines.pdf_standards("UA-1, a-2b,ua-1") == ("ua-1", "a-2b")
    with pytest.raises(UserError, match="不支持的 PDF 标准：a-3u"):
        engines.pdf_standards("a-3u")


def test_official_fonts_come_first_then_the_bundled_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = fonts.bundled_dir()
    assert bundled is not None
    shutil.copy(bundled / "NotoSansSC-Regular.otf", tmp_path / "simhei.ttf")
    monkeypatch.setenv("DISCLOSURE_FONT_DIR", str(tmp_path))
    families, paths = font_choice("official")
    assert families["sans"][0] == "SimHei" and families["sans"][-1] == "Noto Sans SC"
    assert families["serif"][0] == "FangSong_GB2312" and families["serif"][-1] == "Noto Serif SC"
    assert paths[0] == str(tmp_path) and str(bundled) in paths
    assert font_choice("bundled") == ({"serif": ["Noto Serif SC"], "sans": ["Noto Sans SC"]}, [str(bundled)])


def test_cli_options(tmp_path: Path) -> None:
    data = EXAMPLES["jianghan-2020-budget"]
    runner = CliRunner()
    bad = runner.invoke(main, ["build", str(data), "-o", str(tmp_path), "--pdf-engine", "latex"])
    assert bad.exit_code == 2 and "latex" in bad.output
    bad = runner.invoke(main, ["build", str(data), "-o", str(tmp_path), "--pdf-standard", "x-1"])
    assert bad.exit_code == 1 and "不支持的 PDF 标准：x-1" in bad.output and "Traceback" not in bad.output
    both = runner.invoke(main, ["build", str(data), "-o", str(tmp_path), "--format", "pdf", "--pdf-engine", "weasyprint", "--pdf-standard", "ua-1,a-2b"])
    assert both.exit_code == 1 and "WeasyPrint 一次只能满足一个 PDF 标准" in both.output
    ok = runner.invoke(main, ["build", str(data), "-o", str(tmp_path), "--format", "pdf", "--pdf-engine", "typst"])
    assert ok.exit_code == 0, ok.output
    with pdfplumber.open(tmp_path / "jianghan-gov-office" / "2020-budget.pdf") as pdf:
        assert str(pdf.metadata["Creator"]).startswith("Typst")


def test_the_engine_and_standards_are_part_of_the_fingerprint() -> None:
    from generator.commands.stamps import shared_fingerprint

    prints = {shared_fingerprint(("pdf",), None, False, e, s) for e in engines.ENGINES for s in ((), ("ua-1",))}
    assert len(prints) == 4
    assert shared_fingerprint(("html",), None, False, "typst") == shared_fingerprint(("html",), None, False, "weasyprint")


@pytest.mark.parametrize("name", ["jianghan-2020-budget", "jiangan-2023-final"])
def test_tagged_and_archival(name: str, tmp_path: Path) -> None:
    """PDF/UA-1 and PDF/A-2b at once: the compiler checks both; the machine-checkable PDF/UA subset finds nothing."""
    pytest.importorskip("pdfua")
    doc, _ = prepare(EXAMPLES[name])
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(render_typst(doc, standards=("ua-1", "a-2b")))
    raw = path.read_bytes()
    assert b"pdfuaid:part>1<" in raw or b'pdfuaid:part="1"' in raw
    assert b"pdfaid:part>2<" in raw or b'pdfaid:part="2"' in raw
    assert b"/StructTreeRoot" in raw
    run = subprocess.run([sys.executable, "-m", "pdfua", "check", "--format", "json", str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-2000:]
    with pdfplumber.open(path) as pdf:
        assert pdf.metadata["Title"] == doc.title and pdf.doc.catalog.get("Lang") == b"zh-CN"


def test_bookmarks_are_the_same_with_both_engines(tmp_path: Path) -> None:
    """The outline (titles and nesting) of the smallest example, WeasyPrint's against Typst's."""
    trees = {}
    for engine in engines.ENGINES:
        result = build(EXAMPLES["jianghan-2020-budget"], tmp_path / engine, formats=("pdf",), engine=engine)
        with pdfplumber.open(result.outputs[0]) as pdf:
            trees[engine] = [(level, title) for level, title, *_ in pdf.doc.get_outlines()]
    assert trees["typst"] == trees["weasyprint"]


def test_a_table_alone_under_a_heading_of_its_own_title_prints_it_once(tmp_path: Path) -> None:
    """Xinzhou 附表4-1: the section 一、收支总表 holds only the table 收支总表; its page prints the words once, not twice."""
    doc, _ = prepare(EXAMPLES["xinzhou-2023-budget"])
    path = tmp_path / "x.pdf"
    path.write_bytes(render_typst(doc))
    with pdfplumber.open(path) as pdf:
        [page] = [p.extract_text() or "" for p in pdf.pages if "附表4-1\n" in (p.extract_text() or "") + "\n"]
    assert "一、收支总表" in page and page.count("收支总表") - page.count("财政拨款收支总表") == 1, page[:200]
    # tables printed one after another under a part's heading keep their titles
    jiangan, _ = prepare(EXAMPLES["jiangan-2023-final"])
    assert [t.title_shown for t in jiangan.tables()] == [True] * 9


def test_a_form_titled_as_its_table_prints_the_title_once() -> None:
    """Jianghan 公开表9 项目绩效目标申报表: the published report prints the title once over the first form, then once per form."""
    doc, _ = prepare(EXAMPLES["jianghan-2020-budget"])
    [table] = [t for t in doc.tables() if t.label == "公开表9"]
    assert table.title == "项目绩效目标申报表" and table.title_shown
    assert [g.title for g in table.grids] == [""] + ["项目绩效目标申报表"] * (len(table.grids) - 1)
