"""Excel, CSV, JSON and Word outputs read back: the same tables, figures, headings and sentences as the report."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from collections import Counter
from decimal import Decimal
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import docx
import jsonschema
import openpyxl
import pdfplumber
import pytest

from generator.build import build, prepare
from generator.present.document import Document
from generator.render.fonts import bundled_dir
from generator.render.html import render_html
from generator.render.layout import lattice, place

from .conftest import DATA, EXAMPLES

ALL = {
    **EXAMPLES,
    "putuo-commerce-2025-budget": DATA / "putuo-commerce" / "2025-budget.yaml",
    "putuo-finance-2024-final": DATA / "putuo-finance" / "2024-final.yaml",
    "putuo-planning-2024-final": DATA / "putuo-planning" / "2024-final.yaml",
}
AMOUNT = re.compile(r"-?\d[\d,]*\.\d\d(?!\d)")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Document, Path]]:
    out = tmp_path_factory.mktemp("formats")
    result = {}
    for name, path in ALL.items():
        build(path, out, formats=("xlsx", "csv", "json", "docx"))
        doc, _ = prepare(path)
        result[name] = (doc, out / path.parent.name / path.stem)
    return result


@pytest.fixture(scope="module")
def pdf_text(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("pdf")
    texts = {}
    for name in ALL:
        pdf = build(ALL[name], out, formats=("pdf",)).outputs[0]
        with pdfplumber.open(pdf) as handle:
            texts[name] = "\n".join(p.extract_text() or "" for p in handle.pages)
    return texts


def amounts_in(grid_values: list[Decimal], thousands: bool) -> Counter[str]:
    return Counter(f"{v:,.2f}" if thousands else f"{v:.2f}" for v in grid_values)


# Excel ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(ALL))
def test_workbook_has_a_sheet_per_table_with_title_unit_line_and_numbers(built: dict, name: str) -> None:
    doc, stem = built[name]
    wb = openpyxl.load_workbook(stem.with_suffix(".xlsx"))
    tables = doc.tables()
    assert len(wb.sheetnames) == len(tables) + len(doc.forms()) and tables
    for ws, block in zip(wb.worksheets, tables):
        assert ws.title.startswith(block.label)
        texts = [c.value for row in ws.iter_rows(max_row=4) for c in row if isinstance(c.value, str)]
        assert block.title in texts
        unit_line = block.grids[0].captions[1]
        assert unit_line in texts, texts
        if "form" not in block.grids[0].cls:
            assert unit_line.startswith("单位：")
        numbers = [c for row in ws.iter_rows() for c in row if isinstance(c.value, (int, float))]
        expected = [cell.value for grid in block.grids for row in grid.header + grid.rows for cell in row if cell.value is not None]
        assert [Decimal(str(c.value)) for c in numbers] == expected
        assert all(c.number_format in ("0.00", "#,##0.00") or c.number_format.startswith(("0.00;", "#,##0.00;")) for c in numbers)
        codes = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.isdigit() and len(c.value) >= 3]
        assert all(c.data_type == "s" for c in codes)


@pytest.mark.parametrize("name", list(ALL))
def test_workbook_merges_the_cells_the_report_merges(built: dict, name: str) -> None:
    doc, stem = built[name]
    wb = openpyxl.load_workbook(stem.with_suffix(".xlsx"))
    for ws, block in zip(wb.worksheets, doc.tables()):
        spans = sorted((c.rowspan, c.colspan) for g in block.grids for row in g.header + g.rows for c in row if c.rowspan > 1 or c.colspan > 1)
        merged = [(r.max_row - r.min_row + 1, r.max_col - r.min_col + 1) for r in ws.merged_cells.ranges]
        width = max(place(g)[2] for g in block.grids)
        in_table = sorted(m for m in merged if m != (1, width))  # full-width lines are the title, label and notes
        assert in_table == sorted(s for s in spans if s != (1, width)), ws.title


@pytest.mark.parametrize("name", list(ALL))
def test_tree_tables_add_up_in_the_workbook(built: dict, name: str) -> None:
    """In every table of 类/款/项 rows, the 合计 row is the sum of the 类 rows, column by column."""
    doc, stem = built[name]
    wb = openpyxl.load_workbook(stem.with_suffix(".xlsx"))
    checked = 0
    for ws in wb.worksheets:
        rows = [[c.value for c in row] for row in ws.iter_rows()]
        total = next((r for r in rows if r[0] == "合计"), None)
        # a 类 row: a 3-digit code, and (codes in 类 | 款 | 项 columns) no 款 part beside it
        classes = [r for r in rows if isinstance(r[0], str) and r[0].isdigit() and len(r[0]) == 3
                   and not (isinstance(r[1], str) and r[1].isdigit())]
        if total is None or not classes:
            continue
        for col, value in enumerate(total):
            if isinstance(value, (int, float)):
                column = sum((Decimal(str(r[col])) for r in classes if isinstance(r[col], (int, float))), Decimal(0))
                assert abs(column - Decimal(str(value))) <= Decimal("0.01") * len(classes), (ws.title, col)
                checked += 1
    assert checked > 0


def test_workbook_columns_fit_their_text(built: dict) -> None:
    doc, stem = built["jianghan-2020-budget"]
    ws = openpyxl.load_workbook(stem.with_suffix(".xlsx"))["公开表3 2020年部门支出预算总表"]
    assert ws.column_dimensions["B"].width >= 2 * len("其他政府办公厅（室）及相关机构事务支出") * 0.9
    assert ws.column_dimensions["A"].width < ws.column_dimensions["B"].width


@pytest.mark.parametrize("name", list(ALL))
def test_table_figures_equal_the_pdf(built: dict, pdf_text: dict, name: str) -> None:
    """Every amount of every table, as the workbook holds it, is printed in that table's part of the PDF."""
    doc, stem = built[name]
    text = pdf_text[name]
    tables = doc.tables()
    starts = []
    at = 0
    for block in tables:  # each table's label then its title, in order (a title may also be in the contents)
        # a table alone in a section titled as it is prints the title once, as the section's heading, above its label
        words = lambda t: r"\s*".join(map(re.escape, t.replace(" ", "")))  # noqa: E731
        if block.title_shown:
            heading = re.compile(words(block.label) + r"\s+" + words(block.title))
        else:
            heading = re.compile(words(block.title) + r"(?![\s.…]*\d+\s)\s+" + (words(block.label) + r"(?!\d)" if block.label else ""))
        found = heading.search(text, at)
        assert found, block.title
        at = found.start()
        starts.append(at)
    wb = openpyxl.load_workbook(stem.with_suffix(".xlsx"))
    for i, (ws, block) in enumerate(zip(wb.worksheets, tables)):
        segment = text[starts[i]: starts[i + 1] if i + 1 < len(starts) else len(text)]
        values = [Decimal(str(c.value)) for row in ws.iter_rows() for c in row if isinstance(c.value, (int, float))]
        thousands = any(c.number_format.startswith("#,##0") for row in ws.iter_rows() for c in row if isinstance(c.value, (int, float)))
        wanted = amounts_in(values, thousands)
        printed = Counter(AMOUNT.findall(segment))
        missing = wanted - printed
        assert not missing, (block.label, dict(missing))


# CSV -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(ALL))
def test_csv_one_file_per_table_with_bom(built: dict, name: str) -> None:
    doc, stem = built[name]
    folder = stem.with_name(f"{stem.name}-csv")
    files = sorted(folder.glob("*.csv"))
    tables = [*doc.tables(), *doc.forms()]
    assert len(files) == len(tables)
    for f, block in zip(files, tables):
        raw = f.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert rows[0][0] == f"{block.label} {block.title}".strip()
        cells = [v for r in rows for v in r]
        for grid in block.grids:
            for row in lattice(grid):
                assert row in rows, (f.name, row)
            for cell in (c for r in grid.rows for c in r if c.value is not None and c.value != 0):
                assert f"{cell.value:.2f}" in cells


# JSON ----------------------------------------------------------------------------------------------
SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "generator" / "render" / "report.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", list(ALL))
def test_json_validates_and_holds_figures_tables_and_sentences(built: dict, name: str) -> None:
    doc, stem = built[name]
    data = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert data["department"] == doc.department and data["year"] == doc.year
    assert {k: v["text"] for k, v in data["figures"].items()} == doc.figures
    assert {k: Decimal(v["amount"]) for k, v in data["figures"].items() if "amount" in v} == doc.amounts
    assert [t["label"] for t in data["tables"]] == [t.label for t in doc.tables()]
    page = unescape(re.sub(r"<[^>]+>", "", render_html(doc)))
    paragraphs = []

    def walk(node: dict) -> None:
        paragraphs.extend(b["label"] + b["text"] for b in node["blocks"] if b["type"] == "paragraph")
        for s in node["sections"]:
            walk(s)

    for part in data["parts"]:
        walk(part)
    assert len(paragraphs) > 10
    for p in paragraphs:
        assert p in page, p[:40]


def test_json_budget_total_is_the_sum_of_the_data_rows(built: dict) -> None:
    from generator.read.sources import load_file

    doc, stem = built["jianghan-2020-budget"]
    data = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
    raw, _ = load_file(EXAMPLES["jianghan-2020-budget"])
    total = sum((Decimal(r.get("basic", 0)) + Decimal(r.get("project", 0)) for r in raw["expenditure"]), Decimal(0))
    assert Decimal(data["figures"]["total"]["amount"]) == total
    table = next(t for t in data["tables"] if t["id"] == "general")
    first = table["grids"][0]["rows"][0]
    assert first[0]["text"] == "合计" and Decimal(first[1]["value"]) == total


def test_json_schema_is_published_beside_the_outputs(built: dict) -> None:
    _, stem = built["jianghan-2020-budget"]
    assert json.loads((stem.parent.parent / "_static" / "report.schema.json").read_text(encoding="utf-8")) == SCHEMA


# Word ----------------------------------------------------------------------------------------------
class Headings(HTMLParser):
    """The part and section headings of a report page, and its grid tables as lattices of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.tables: list[list[list[tuple[str, int, int]]]] = []
        self._in: str | None = None
        self._text = ""
        self._cell: tuple[int, int] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and ("part-title" in cls or "section-title" in cls or "doc-title" in cls or "cover-title" in cls):
            self._in, self._text = "h", ""
        elif tag == "table" and "grid" in cls.split():
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._in, self._text = "c", ""
            self._cell = (int(a.get("rowspan") or 1), int(a.get("colspan") or 1))

    def handle_endtag(self, tag: str) -> None:
        if self._in == "h" and tag.startswith("h"):
            self.headings.append(re.sub(r"\s+", " ", self._text).strip())
            self._in = None
        elif self._in == "c" and tag in ("td", "th"):
            self.tables[-1][-1].append((self._text, *self._cell))
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text += data


def html_lattice(rows: list[list[tuple[str, int, int]]]) -> list[list[str]]:
    taken: set[tuple[int, int]] = set()
    out: dict[tuple[int, int], str] = {}
    for i, row in enumerate(rows):
        col = 0
        for text, rs, cs in row:
            while (i, col) in taken:
                col += 1
            out[(i, col)] = text
            taken |= {(i + a, col + b) for a in range(rs) for b in range(cs)}
            col += cs
    width = max(c for _, c in taken) + 1
    return [[out.get((r, c), "") for c in range(width)] for r in range(len(rows))]


def docx_lattice(table: docx.table.Table) -> list[list[str]]:
    rows = [list(r.cells) for r in table.rows]
    out = []
    for r, row in enumerate(rows):
        line = []
        for c, cell in enumerate(row):
            covered = (c > 0 and row[c - 1]._tc is cell._tc) or (r > 0 and c < len(rows[r - 1]) and rows[r - 1][c]._tc is cell._tc)
            line.append("" if covered else cell.text)
        out.append(line)
    return out


@pytest.mark.parametrize("name", list(ALL))
def test_docx_headings_and_table_cells_equal_the_html(built: dict, name: str) -> None:
    doc, stem = built[name]
    word = docx.Document(str(stem.with_suffix(".docx")))
    page = Headings()
    page.feed(render_html(doc))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading") or p.style.name == "Title"]
    assert [re.sub(r"\s+", " ", h).strip() for h in headings] == page.headings
    assert len(word.tables) == len(page.tables)
    for mine, theirs in zip(word.tables, page.tables):
        assert docx_lattice(mine) == html_lattice(theirs)


def test_docx_pages_headers_fonts_and_toc(built: dict) -> None:
    doc, stem = built["xinzhou-2023-budget"]
    word = docx.Document(str(stem.with_suffix(".docx")))
    xml = word.element.xml
    assert "TOC \\o" in xml and 'w:fldCharType="begin"' in xml
    for table in word.tables:
        rows = table.rows
        assert all(r._tr.trPr is not None and r._tr.trPr.find(docx.oxml.ns.qn("w:cantSplit")) is not None for r in rows)
    headed = [t for t in word.tables if t.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None]
    assert len(headed) >= len(doc.tables())
    orientations = {s.orientation for s in word.sections}
    assert len(orientations) == 2  # portrait and landscape sections
    footer = word.sections[1].footer.paragraphs[0]
    assert footer.text.startswith("— ") and footer.text.endswith(" —") and "PAGE" in footer._p.xml
    styles = word.styles
    assert styles["Normal"].element.rPr.rFonts.get(docx.oxml.ns.qn("w:eastAsia")) == "仿宋"
    assert styles["Heading 1"].element.rPr.rFonts.get(docx.oxml.ns.qn("w:eastAsia")) == "黑体"
    fonts = next(r.target_part for r in word.part.rels.values() if r.reltype.endswith("/fontTable")).blob.decode("utf-8")
    assert 'w:name="仿宋"' in fonts and "Noto Serif SC" in fonts and "Noto Sans SC" in fonts


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (libreoffice-writer) is not installed")
def test_docx_converts_to_pdf_with_libreoffice(built: dict, tmp_path: Path) -> None:
    _, stem = built["jiangan-2023-final"]
    conf = tmp_path / "fonts.conf"
    aliases = "".join(f"<alias><family>{a}</family><prefer><family>{b}</family></prefer></alias>"
                      for a, b in (("仿宋", "Noto Serif SC"), ("宋体", "Noto Serif SC"), ("黑体", "Noto Sans SC")))
    conf.write_text(f'<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                    f"<dir>{bundled_dir()}</dir>{aliases}</fontconfig>", encoding="utf-8")
    done = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
                           "--outdir", str(tmp_path), str(stem.with_suffix(".docx"))],
                          capture_output=True, timeout=240, env={"FONTCONFIG_FILE": str(conf), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    with pdfplumber.open(tmp_path / f"{stem.name}.pdf") as pdf:
        texts = [p.extract_text() or "" for p in pdf.pages]
        sizes = {(round(p.width), round(p.height)) for p in pdf.pages}
    assert len(texts) > 10
    assert "收入支出决算总表" in "".join(texts)
    assert (595, 842) in sizes and (842, 595) in sizes
    numbered = [t for t in texts if re.search(r"— \d+ —\s*$", t)]
    assert len(numbered) >= len(texts) - 3


@pytest.mark.parametrize("name", list(ALL))
def test_forms_have_their_sheets_and_files_too(built: dict, name: str) -> None:
    """The un-numbered tables (单位构成, 绩效自评表, 重点工作 …) follow the numbered ones, one sheet and one CSV each."""
    doc, stem = built[name]
    wb = openpyxl.load_workbook(stem.with_suffix(".xlsx"))
    tables, forms = doc.tables(), doc.forms()
    assert len(wb.worksheets) == len(tables) + len(forms)
    for ws, form in zip(wb.worksheets[len(tables):], forms):
        texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        assert form.title in texts
        cells = [c.text for g in form.grids for row in g.rows for c in row if c.text and c.value is None]
        assert all(text in texts for text in cells[:20]), ws.title
    assert len(list((stem.parent / f"{stem.name}-csv").iterdir())) == len(tables) + len(forms)
