"""disclosure import and audit: round trip of every example through our own PDF, the Shanghai samples, fuzz."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import prepare, render_pdf
from generator.compute.ledger import INCOME, SPENDING, ledger_of
from generator.ingest.cells import squash
from generator.ingest.draft import load_data
from generator.ingest.previous import provisional
from generator.ingest.run import import_source
from generator.read.load import load_report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p.relative_to(ROOT / "data").as_posix() for p in (ROOT / "data").glob("*/*.yaml"))
SAMPLES = Path(os.environ.get("DISCLOSURE_SAMPLES", ROOT.parent / "shared" / "samples"))


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("own")
    built = {}
    for name in EXAMPLES:
        doc, _ = prepare(ROOT / "data" / name)
        path = out / (name.replace("/", "-") + ".pdf")
        path.write_bytes(render_pdf(doc, ROOT / "data", engine="typst"))
        built[name] = path
    return built


def _leaves(report: object) -> tuple[dict, dict]:
    led = ledger_of(report)
    funcs = {n.code: {c: n.values[c] for c in SPENDING + INCOME if n.values.get(c)} for r in led.roots for n in r.walk() if len(n.code) == 7}
    econ = {e.code: e.amount for e in report.basic_economic if e.amount}
    return funcs, econ


def _texts(report: object) -> dict[str, str]:
    out = {f"duty{i}": d for i, d in enumerate(report.overview.duties)}
    if report.overview.composition:
        out["composition"] = report.overview.composition
    for key, value in report.reasons.model_dump().items():
        if value:
            out[f"reasons.{key}"] = value
    for row in report.expenditure:
        for key in ("use", "reason"):
            if getattr(row, key):
                out[f"{row.code}.{key}"] = getattr(row, key)
    return {k: squash(v) for k, v in out.items()}


def _imported(pdfs: dict[str, Path], name: str) -> tuple[object, object, object]:
    original = load_report(ROOT / "data" / name).report
    imported = import_source(pdfs[name])
    data = imported.data if "previous" in imported.data else {**imported.data, "previous": provisional()}
    return original, imported, load_data(data)


TEXTS_DONE = {"putuo-finance/2024-final.yaml"}
"""Examples whose every printed text (duties, composition, reasons, each 项's use and reason) comes back."""


@pytest.mark.parametrize("name", [n if n in TEXTS_DONE else pytest.param(n, marks=pytest.mark.xfail(
    reason="some sentences of this layout are not yet read back (reasons in say-templates with section facts, uses in lists)"))
    for n in EXAMPLES])
def test_round_trip_texts(pdfs: dict[str, Path], name: str) -> None:
    original, imported, report = _imported(pdfs, name)
    printed = squash(" ".join(l.text for l in imported.source.lines))
    want = {k: v for k, v in _texts(original).items() if v in printed}
    got = _texts(report)
    assert {k: got.get(k) for k in want} == want


@pytest.mark.parametrize("name", EXAMPLES)
def test_round_trip_figures(pdfs: dict[str, Path], name: str) -> None:
    original, imported, report = _imported(pdfs, name)
    assert _leaves(report) == _leaves(original)
    assert imported.moves == [] and imported.written == imported.data  # our tables agree to the cent: nothing to move
    assert report.carry_over == original.carry_over
    three = ("outbound", "vehicle_purchase", "vehicle_operation", "reception")
    if original.kind == "final":
        for side in ("budget", "actual"):
            assert [getattr(getattr(report.three_public, side), k) for k in three] == [getattr(getattr(original.three_public, side), k) for k in three]
    else:
        assert report.three_public == original.three_public


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_false_alarm_on_our_pdfs(pdfs: dict[str, Path], name: str) -> None:
    from generator.audit.findings import audit

    assert audit(import_source(pdfs[name])) == []


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=ROOT)


@pytest.mark.skipif(not (SAMPLES / "putuo-finance-2024-final.pdf").is_file(), reason="samples not present")
def test_audit_finds_the_real_inconsistency() -> None:
    result = _cli("audit", str(SAMPLES / "putuo-finance-2024-final.pdf"), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert '"printed": "0.3"' in result.stdout and "2961.69" in result.stdout
    assert "Traceback" not in result.stderr


def test_fuzz(tmp_path: Path, pdfs: dict[str, Path]) -> None:
    whole = pdfs[EXAMPLES[0]].read_bytes()
    cases = {
        "truncated.pdf": whole[: len(whole) // 3],
        "empty.pdf": b"",
        "noise.pdf": os.urandom(2000),
        "text.pdf": b"%PDF-1.4\nnot really\n",
        "empty.xlsx": b"",
        "odd.xlsx": b"PK\x03\x04 nonsense",
        "notes.txt": b"hello",
    }
    from openpyxl import Workbook

    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
    book = Workbook()
    book.active["A1"] = "随便写的"
    book.save(tmp_path / "blank.xlsx")
    import weasyprint  # an unrelated PDF: a page of text without any table, and one without a text layer

    weasyprint.HTML(string="<p>会议纪要：今天天气很好。</p>").write_pdf(tmp_path / "unrelated.pdf")
    weasyprint.HTML(string="<div style='width:5cm;height:5cm;background:#333'></div>").write_pdf(tmp_path / "image.pdf")
    for path in sorted(tmp_path.iterdir()):
        result = _cli("import", str(path), "-o", str(tmp_path / "out.yaml"))
        assert result.returncode == 1, (path.name, result.stderr)
        assert "Traceback" not in result.stderr and "内部错误" not in result.stderr, (path.name, result.stderr)
        assert result.stderr.startswith("错误："), (path.name, result.stderr)
