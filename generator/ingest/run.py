"""An import from start to end: source → tables → leaves → texts → profile → sentences → data file values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.errors import DataErrors, UserError
from generator.ingest.assemble import Reading, project_economic, read_tables
from generator.ingest.cells import squash
from generator.ingest.draft import facts_of, load_data
from generator.ingest.evaluations import evaluations
from generator.ingest.forms import caption_lines
from generator.ingest.pdf import ImportFailed, Line, Source, read_pdf
from generator.ingest.profile_match import MIN_SCORE, Match, best_profile, skeleton_profile
from generator.ingest.sentences import Body, Found, body_of
from generator.ingest.tables import Table, recognise
from generator.ingest.texts import composition, duties, meta
from generator.ingest.attribute import IDENTITY, attribute, numeric_names
from generator.ingest.figures import read_figures
from generator.ingest.placed import known_of, unplaced
from generator.ingest.attachments import attachments
from generator.ingest.project_forms import form_lines, form_part, project_forms
from generator.ingest.whole_form import whole_form
from generator.present.profile import outline_blocks
from generator.ingest.projects import read_projects
from generator.ingest.previous import budget_previous_of, previous_of, provisional
from generator.ingest.reconcile import Move, reconcile

PLACEHOLDER = "待填写"


@dataclass
class Imported:
    source: Source
    tables: list[Table]
    reading: Reading
    data: dict[str, Any]
    match: Match
    body: Body
    found: list[Found] = field(default_factory=list)
    unplaced: list[tuple[int, str]] = field(default_factory=list)
    skeleton: str = ""
    notes: list[str] = field(default_factory=list)
    written: dict[str, Any] = field(default_factory=dict)
    """The data file's values: ``data`` with the rounding moves made (``data`` keeps every leaf as printed)."""
    moves: list[Move] = field(default_factory=list)
    forms: int = 0
    """部门项目申报表 read into their projects."""
    whole_form: bool = False
    """Whether a 部门整体支出绩效目标申报表 was read."""


def read_source(path: Path) -> Source:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportFailed(f"找不到文件 {path}")
    if suffix in (".xlsx", ".xlsm"):
        from generator.ingest.xlsx import read_xlsx

        return read_xlsx(path)
    if suffix == ".pdf":
        return read_pdf(path)
    raise ImportFailed(f"{path}：只能导入 PDF（.pdf）或 Excel（.xlsx）文件")


def _units(tables: list[Table], department: str = "") -> list[dict[str, str]]:
    for t in tables:
        if t.kind is not None:
            continue
        paths = [" ".join(p) for p in t.paths]
        if department and any(department in squash(p) for p in paths):
            continue  # a form whose header row gives the department's name after 单位名称 (a 绩效自评表), no list of units
        name_col = next((i for i, p in enumerate(paths) if "单位名称" in p), None)
        if name_col is None:
            continue
        note_col = next((i for i, p in enumerate(paths) if "备注" in p), None)
        units = []
        for _, row in t.body:
            name = squash(row[name_col] if name_col < len(row) else "")
            if not name:
                continue
            unit = {"name": name}
            note = squash(row[note_col]) if note_col is not None and note_col < len(row) and row[note_col] else ""
            if note:
                unit["note"] = note
            units.append(unit)
        return units
    return []


def _split_codes(reading: Reading, match: Match) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if match.profile is None:
        return out
    for t in reading.tables:
        if t.kind in ("income", "expenditure", "general", "gov_fund", "state_capital", "basic"):
            split = sum(1 for p in t.paths if p and p[-1] in ("类", "款", "项")) >= 2 or any(
                p == q and p and "编码" in p[-1] for p, q in zip(t.paths, t.paths[1:])
            )  # 类 | 款 | 项 headed, or one 科目编码 heading over two or three code columns
            current = (match.profile.table_options.get(t.kind) or {}).get("code_columns")
            if split and current != "split":
                out.setdefault(t.kind, {})["code_columns"] = "split"
    return out


def import_source(path: Path) -> Imported:
    source = read_source(path)
    tables = recognise(source.lines, source.tables)
    known = [t for t in tables if t.kind]
    if not known:
        raise ImportFailed(f"{path} 中没有找到任何标准公开表（收入支出总表、支出表、“三公”经费表等），不像部门预算或决算公开文件")
    reading = read_tables(tables)
    if not reading.data.get("expenditure") and not reading.data.get("basic_economic"):
        raise ImportFailed(f"{path} 中找到了表格标题，但没有读到任何功能分类或经济分类的数据行")
    body = body_of(source.lines)
    info = meta(source.lines, [t.title for t in known])
    kind = info["kind"]
    match = best_profile(kind, known, body.text)
    imported = Imported(source, tables, reading, {}, match, body)
    if match.score < MIN_SCORE or match.profile is None:
        imported.skeleton = skeleton_profile(kind, known)
    data: dict[str, Any] = {"profile": match.name if imported.skeleton == "" else "待填写", "kind": kind}
    options = _split_codes(reading, match)
    if options:
        data["table_options"] = options
    named = re.search(r"(?<!\d)(20\d{2})(?!\d)", path.stem)  # a workbook's sheets may not name the year: its file name does
    data["year"] = info.get("year") or (int(named.group(1)) if named else 0)
    data["unit"] = reading.unit
    if kind == "budget" and (by_class := project_economic(reading)):
        reading.data["project_economic"] = by_class
    dept: dict[str, Any] = {"name": info["department"] or f"{PLACEHOLDER}：部门名称"}
    if info.get("table_name"):
        dept["table_name"] = info["table_name"]
    units = _units(tables, info["department"])
    if units:
        dept["units"] = units
    data["department"] = dept
    overview, used = duties(source.lines)
    comp, comp_lines = composition(source.lines)
    ov: dict[str, Any] = {}
    if overview.get("duties_intro"):
        ov["duties_intro"] = overview["duties_intro"]
    ov["duties"] = overview.get("duties") or [f"{PLACEHOLDER}：主要职能"]
    if overview.get("duties_numbering") and match.profile is not None and overview["duties_numbering"] != match.profile.numbering.duties:
        ov["duties_numbering"] = overview["duties_numbering"]
    if comp:
        ov["composition"] = comp
    data["overview"] = ov
    data.update(reading.data)
    if kind == "final":
        tp = data.get("three_public") or {}
        zero = {k: Decimal(0) for k in ("outbound", "vehicle_purchase", "vehicle_operation", "reception")}
        data["three_public"] = {"budget": {**zero, **tp.get("budget", {})}, "actual": {**zero, **tp.get("actual", {})}}
    elif "three_public" in data:
        data["three_public"] = {**data["three_public"].get("budget", {}), **data["three_public"].get("actual", {})}
    project_lines: list[Line] = []
    if match.profile is not None and not imported.skeleton:
        projects, project_lines = read_projects(source.lines, match.profile, data)
        if projects:
            data["projects"] = projects
    imported.data = data
    form_used: list[Line] = []
    if match.profile is not None and not imported.skeleton:
        _sentences(imported)
        form_used = _forms(imported, data)
    imported.written, imported.moves = reconcile(data, reading)
    known_lines = known_of(match.profile if not imported.skeleton else None, tables, data)
    imported.unplaced = unplaced(source.lines, body, imported.found, used + comp_lines + project_lines + form_used, tables, known_lines)
    return imported


def _forms(imported: Imported, data: dict[str, Any]) -> list[Line]:
    """The forms: the 部门整体支出绩效目标申报表, the 部门项目申报表 read into their projects, the 绩效自评表; the lines used."""
    scale = Decimal(10000) if data["unit"] == "元" else Decimal(1)
    lines = imported.source.lines
    whole = whole_form(imported.source.tables, lines, data, scale)
    imported.whole_form = whole is not None
    evaluated = evaluations(imported.source.tables, lines, data, scale)
    imported.forms, left = project_forms(imported.source.tables, "\n".join(line.text for line in lines), data, scale)
    if left:
        imported.notes.append(f"{left} 张部门项目申报表未能读取（缺少必填栏目，或找不到它所属的项目），请按原表填写")
    annexed: list[Line] = []
    forms = [(t.page, t.bottom) for t in imported.source.tables if t.rows and form_part(t.rows[0])]
    if imported.forms and forms and _prints_attachments(imported):
        annexed = attachments(imported.source.tables, lines, max(forms), data)
    staged = caption_lines(lines) if any(p.get("stage_targets") for p in data.get("projects", [])) else []
    return (form_lines(lines) if imported.forms else []) + (whole or []) + evaluated + annexed + staged


def _prints_attachments(imported: Imported) -> bool:
    """Whether the matched profile prints annexes (the ``attachments`` partial, after the project forms)."""
    profile = imported.match.profile
    return profile is not None and any(b.partial == "attachments" for b in outline_blocks(profile))


def _sentences(imported: Imported) -> None:
    data = imported.data
    final = data["kind"] == "final"
    profile = imported.match.profile
    if profile is None:
        imported.notes.append("没有匹配的模板配置，正文句子未读取")
        return
    try:
        draft = load_data({**data, "previous": provisional() if final else {}})
        facts = facts_of(draft, profile)
    except (DataErrors, UserError) as err:
        imported.notes.append(f"草稿数据无法载入，正文句子未读取：{str(err).splitlines()[0]}")
        return
    imported.found = attribute(imported, draft, facts)
    known = {k: facts.values[k] for k in IDENTITY if k in facts.values}
    imported.found += read_figures(imported.found, imported.body, profile, known, numeric_names(facts), data)
    if final:
        from generator.compute.final import compute

        written, moves = reconcile(data, imported.reading)  # last year from the totals the file will give
        fixed = load_data({**written, "previous": provisional()}) if moves else draft
        fig = compute(fixed, profile.execution_basis)
        prev = previous_of(imported.found, fig, Decimal(10000) if data["unit"] == "元" else Decimal(1))
        if prev:
            data["previous"] = prev
        else:
            imported.notes.append("正文中没有读到与上年比较的数，previous 未填写")
    else:
        from generator.compute.budget import compute as compute_budget

        written, moves = reconcile(data, imported.reading)
        fixed = load_data({**written, "previous": {}}) if moves else draft
        scale = Decimal(10000) if data["unit"] == "元" and profile.text.unit == "万元" else Decimal(1)
        data["previous"] = budget_previous_of(imported.found, compute_budget(fixed), scale)
        if not data["previous"]:
            imported.notes.append("正文中没有读到与上年比较的数：previous 留空（与上年比较的句子不印），请按上年数据填写")
