"""The widths the renderer measures for the Typst layout are the widths Typst itself measures.

Every distinct table cell text of the examples is measured both ways: by
generator.render.typst_measure (HarfBuzz, with Typst's closing-up of Chinese punctuation) and by
Typst's own ``measure`` in a small layout (tests/fixtures/typst/measure.typ) that prints each width;
the printed widths are read back from the PDF.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from generator.build import prepare
from generator.render.fonts import bundled_dir
from generator.render.pdf_typst import plain
from generator.render.typst_measure import Measurer, cell_font, tabular

typst = pytest.importorskip("typst")
pdfplumber = pytest.importorskip("pdfplumber")

ROOT = Path(__file__).resolve().parent.parent
LAYOUT = Path(__file__).parent / "fixtures" / "typst" / "measure.typ"
FACES = {"serif": "Noto Serif SC", "sans": "Noto Sans SC"}


def typst_widths(items: list[tuple[str, str, bool]]) -> list[float]:
    """Typst's own width of each (text, face, tabular figures) at 10pt."""
    data = [{"font": FACES[face], "tnum": tnum, "text": text} for text, face, tnum in items]
    pdf = typst.compile(str(LAYOUT), font_paths=[str(bundled_dir())], ignore_system_fonts=True,
                        sys_inputs={"items": json.dumps(data, ensure_ascii=False)})
    words: list[str] = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            words += (page.extract_text() or "").split()
    assert len(words) == len(items)
    return [float(w) for w in words]


def cell_texts(path: Path) -> list[tuple[str, str, bool]]:
    found: set[tuple[str, str, bool]] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            if "header" in value and "rows" in value:
                for head, rows in ((True, value["header"]), (False, value["rows"])):
                    for row in rows:
                        for cell in row:
                            classes = cell["cls"].split(" ")
                            if cell["text"].strip():
                                found.add((cell["text"], cell_font(classes, head), tabular(classes, head)))
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    doc, _ = prepare(path)
    walk(plain(doc))
    return sorted(found)


@pytest.mark.parametrize("name", ["jiangan-gov-office/2023-final.yaml", "putuo-commerce/2025-budget.yaml"])
def test_cell_widths_match_typst(name: str) -> None:
    items = cell_texts(ROOT / "data" / name)
    assert len(items) > 200
    measurer = Measurer()
    ours = [measurer.width(text, face, tnum) * 10 for text, face, tnum in items]
    theirs = typst_widths(items)
    wrong = [(t, round(o, 2), w) for (t, _, _), o, w in zip(items, ours, theirs) if abs(o - w) > 0.01]
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "points"),
    [
        ("（一）", 20.0),  # an opening bracket closes up at the line's start, a closing one at its end
        ("一）（二", 35.0),  # two adjacent marks: half an em between them
        ("一。”", 20.0),  # the pair and the end
        ("一（二）三", 50.0),  # inside a line, alone: full width
        ("，一", 20.0),  # a closing mark at the start keeps its width
    ],
)
def test_chinese_punctuation_closes_up_as_typst_sets_it(text: str, points: float) -> None:
    assert Measurer().width(text, "serif") * 10 == pytest.approx(points)
    assert typst_widths([(text, "serif", False)]) == [pytest.approx(points)]

