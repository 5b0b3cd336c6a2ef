"""disclosure import and audit: round trip of every example through our own PDF, the Shanghai samples, fuzz."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from generator.build import inspect, prepare, render_pdf
from generator.compute.ledger import INCOME, SPENDING, ledger_of
from generator.ingest.cells import squash
from generator.ingest.draft import load_data
from generator.ingest.previous import provisional
from generator.ingest.run import import_source
from generator.present.kinds import build_document
from generator.read.load import load_report
from generator.render.html import render_html

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


TEXT_FIELDS = (
    "overview.duties_intro",
    "overview.duties.*",
    "overview.composition",
    "overview.staffing.*.items.*.name",
    "overview.staffing.*.items.*.note",
    "overview.staffing.*.as_of",
    "department.units.*.name",
    "department.units.*.note",
    "department.contact.*",
    "texts.*",
    "reasons.*",
    "three_public_units.*",
    "expenditure.*.use",
    "expenditure.*.reason",
    "gov_fund_expenditure.*.use",
    "gov_fund_expenditure.*.reason",
    "class_budgets.*.use",
    "class_budgets.*.reason",
    "project_uses.*.text",
    "three_public.receptions.*.text",
    "projects.*.description",
    "projects.*.overview",
    "projects.*.basis.*",
    "projects.*.implementer",
    "projects.*.plan",
    "projects.*.period",
    "projects.*.stage_targets.*.stage",
    "projects.*.stage_targets.*.overall",
    "projects.*.stage_targets.*.annual",
    "key_work.*.title",
    "key_work.*.text",
    "key_work.*.table_content",
    "key_work.*.status",
    "operating_costs.scope",
    "assets.as_of",
    "assets.vehicles.*.kind",
    "assets.planned_vehicles.*.kind",
    "whole_evaluation.deviation",
    "whole_evaluation.improvement",
)
"""Every text a person writes that the report prints outside the numbered tables and the performance forms: duties,
composition, staffing, units, contact, named texts (``texts``), reasons, each 项's and 类's use and reason, the uses of
project money, receptions, projects (description, overview, basis, implementer, plan, period), key work (and its
form), the scope of 机关运行经费, assets."""


def _walk(value: object, parts: list[str], key: str) -> Iterator[tuple[str, list]]:
    """(key, [container, index]) of every string at a dotted path of a dumped report (``*``: every entry)."""
    if not parts:
        return
    head, rest = parts[0], parts[1:]
    if isinstance(value, list) and head == "*":
        for i, item in enumerate(value):
            name = item.get("code") or item.get("name") or str(i) if isinstance(item, dict) else str(i)
            if not rest and isinstance(item, str):
                yield f"{key}[{name}]", [value, i]
            yield from _walk(item, rest, f"{key}[{name}]")
    elif isinstance(value, dict):
        for k in value if head == "*" else [head] if head in value else []:
            if not rest and isinstance(value[k], str) and value[k]:
                yield f"{key}.{k}".lstrip("."), [value, k]
            else:
                yield from _walk(value[k], rest, f"{key}.{k}".lstrip("."))


def _texts(report: object) -> dict[str, str]:
    dumped = report.model_dump()
    return {k: squash(c[i]) for f in TEXT_FIELDS for k, (c, i) in _walk(dumped, f.split("."), "")}


def _printed_texts(name: str) -> set[str]:
    """The text keys whose text the composed report prints: each text replaced by a marker, then looked for."""
    loaded, profile, _ = inspect(ROOT / "data" / name)
    dumped = loaded.report.model_dump()
    places = [(k, place) for f in TEXT_FIELDS for k, place in _walk(dumped, f.split("."), "")]
    marks = {}
    for k, (container, index) in places:  # keys first: an entry is keyed by its name, which gets a mark too
        marks[k] = f"⟪{len(marks)}⟫"
        container[index] = marks[k]
    page = render_html(build_document(type(loaded.report).model_validate(dumped), profile))
    return {k for k, mark in marks.items() if mark in page}


def _imported(pdfs: dict[str, Path], name: str) -> tuple[object, object, object]:
    original = load_report(ROOT / "data" / name).report
    imported = import_source(pdfs[name])
    data = imported.data if "previous" in imported.data else {**imported.data, "previous": provisional()}
    return original, imported, load_data(data)


@pytest.mark.parametrize("name", EXAMPLES)
def test_round_trip_texts(pdfs: dict[str, Path], name: str) -> None:
    original, imported, report = _imported(pdfs, name)
    printed = _printed_texts(name)
    want = {k: v for k, v in _texts(original).items() if k in printed}
    assert len(want) >= 10
    got = _texts(report)
    assert {k: got.get(k) for k in want} == want
    if any(k.startswith("overview.staffing") for k in printed):  # and the head counts with the names
        assert _squashed(report.overview.staffing.model_dump()) == _squashed(original.overview.staffing.model_dump())
    if all(k in printed for k in _texts(original) if k.startswith("department.units")):  # no unit more or less
        assert [u.name for u in report.department.units] == [u.name for u in original.department.units]
    if any(k.startswith("assets") for k in printed):  # and the vehicles and equipment counted
        assert _squashed(report.assets.model_dump()) == _squashed(original.assets.model_dump())
    if any(p.form for p in getattr(original, "projects", [])):  # each 部门项目申报表 whole: its fields, 明细测算, 采购 and 绩效目标表
        assert [_form(p) for p in report.projects] == [_form(p) for p in original.projects]
    for key in ("whole_evaluation", "project_evaluations"):  # the self-evaluation forms of a final account, scores and notes
        if getattr(original, key, None):
            assert _squashed(_dump(getattr(report, key))) == _squashed(_dump(getattr(original, key)))
    if getattr(original, "attachments", None):  # the annexes: titles, headings, paragraphs, tables with their merged cells
        assert _annexes(report.attachments) == _annexes(original.attachments)
    if getattr(original, "whole_form", None) is not None:  # the 部门整体支出绩效目标申报表 whole, its notes included
        assert _squashed(report.whole_form.model_dump()) == _squashed(original.whole_form.model_dump())


def _annexes(annexes: list) -> list:  # type: ignore[type-arg]
    """An annex's texts in order; a list's entries print as paragraphs, and are read as such."""
    out: list[object] = []
    for a in annexes:
        out.append(("title", squash(a.title)))
        for b in a.blocks:
            out += [("heading", squash(b.heading))] if b.heading is not None else []
            out += [("p", squash(t)) for t in ([b.p] if b.p is not None else b.items or [])]
            if b.table is not None:
                out += [(squash(c) if isinstance(c, str) else (squash(c.text), c.colspan, c.rowspan)) for row in b.table.header + b.table.rows for c in row]
    return out


def _dump(value: object) -> object:
    return [v.model_dump() for v in value] if isinstance(value, list) else value.model_dump()  # type: ignore[attr-defined]


def _form(project: object) -> object:
    form = project.form.model_dump() if project.form else None  # type: ignore[attr-defined]
    return _squashed(
        {
            "name": project.form_name or project.name,
            "amount": project.amount,
            "form": form,  # type: ignore[attr-defined]
            "details": [d.model_dump() for d in project.details],
        }
    )  # type: ignore[attr-defined]


def _squashed(value: object) -> object:
    if isinstance(value, dict):
        return {k: _squashed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_squashed(v) for v in value]
    return squash(value) if isinstance(value, str) else value


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_imported_file_checks_clean(pdfs: dict[str, Path], name: str, tmp_path: Path) -> None:
    """What import writes from our own PDF builds as it is: no error of check (project money by economic class
    recovered from the 部门收支总表, split code columns kept, the forms read)."""
    target = tmp_path / name
    target.parent.mkdir(parents=True)
    result = _cli("import", str(pdfs[name]), "-o", str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    _, _, issues = inspect(target)
    assert [str(i) for i in issues if i.is_error] == []


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


SAMPLE_ERRORS = {
    # 总体情况说明 against its table: 财政拨款收入支出总计 printed "0.3" (the table: 2961.68, its leaves 2961.69);
    # 2106.66 / 2940.05 = 71.65% (its shares add up to 100.07%)
    "putuo-finance-2024-final": [("金额", "0.3", "2961.69"), ("占比", "71.73%", "71.65%")],
    "putuo-planning-2024-final": [
        ("占比", "99.86%", "99.87%"),  # 9746.50 / 9759.38 = 99.868%, truncated
        ("完成率", "95.45%", "95.46%"),  # 9746.50 / 10210.34 = 95.457%, truncated
        ("金额", "5377.64", "5364.75"),  # 5377.64 is all basic spending; 一般公共预算's (公开05 合计) is 5364.75
        ("金额", "4896.98", "4884.10"),  # 人员经费: 301 4816.14 + 303 67.96
        # the text names 2080599 by a name of its own (the tables: 其他行政事业单位养老支出, lines 153 and 190),
        # 2200199 by its old name, and 22102 住房改革支出 as 住房保障支出 (the tables: lines 166–170)
        (
            "名称",
            "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位退休人员活动费支出（项）",
            "社会保障和就业支出（类）行政事业单位养老支出（款）其他行政事业单位养老支出（项）",
        ),
        (
            "名称",
            "自然资源海洋气象等支出（类）自然资源事务（款）其他国土资源事务支出（项）",
            "自然资源海洋气象等支出（类）自然资源事务（款）其他自然资源事务支出（项）",
        ),
        ("名称", "住房保障支出（类）住房保障支出（款）住房公积金（项）", "住房保障支出（类）住房改革支出（款）住房公积金（项）"),
        ("名称", "住房保障支出（类）住房保障支出（款）购房补贴（项）", "住房保障支出（类）住房改革支出（款）购房补贴（项）"),
    ],
    "putuo-commerce-2025-budget": [],
}
"""Each published sample's inconsistencies, found by reading its text by hand."""


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="samples not present")
@pytest.mark.parametrize("name", list(SAMPLE_ERRORS))
def test_audit_of_each_sample_is_its_inconsistencies_and_nothing_else(name: str) -> None:
    from generator.audit.findings import audit

    findings = audit(import_source(SAMPLES / f"{name}.pdf"))
    assert sorted((f.check, f.printed, f.expected) for f in findings) == sorted(SAMPLE_ERRORS[name])


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
