"""Texts attributed by the profile's sentences: reasons, named paragraphs, each 项's use, reason and 年初预算."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from generator.errors import DataErrors, UserError
from generator.ingest.cells import amount
from generator.ingest.draft import facts_of, load_data
from generator.ingest.blocks import put_texts, read_each, read_texts
from generator.ingest.forms import key_work_table, stage_targets
from generator.ingest.lists import CLASS_LISTS, FROM_TEXT, class_budgets, class_entries, entry_texts, put_class, put_entries, read_list
from generator.ingest.sinks import put_fact, settle_assets, settle_staffing
from generator.ingest.sentences import Found, Spec, find, specs, table_region
from generator.present.facts import Facts
from generator.present.facts.common import item_path
from generator.present.profile import Profile
from generator.present.tables.common import Namer

_NUMERIC = re.compile(r"^-?[\d,]+(?:\.\d+)?%?$")
ITEM_LISTS = ("item_executions", "items")
IDENTITY = ("department", "year", "prev_year")
IDENT_FIELDS = ("name", "path", "kind", "label", "title")
ZERO = Decimal(0)
BUDGET_PROBE: dict[str, Any] = {
    **{k: ZERO for k in ("personnel", "public", "project", "gov_fund", "state_capital", "income_appropriation", "operating_costs")},
    "three_public": {k: ZERO for k in ("outbound", "vehicle_purchase", "vehicle_operation", "reception")},
}
"""A budget's last year where every figure is zero: each figure then has a change, and each reason fact its key."""
OPTIONAL = ("，{execution}", "{execution}，", "，{execution}")


def _variants(spec: Spec) -> list[Spec]:
    """The template, then the template without the parts a report may leave out (an item's execution rate), then its
    words before the closing optional parts, the rest of the paragraph unread (a report words them its own way)."""
    out = [spec]
    loose = spec.template
    for part in OPTIONAL:
        loose = loose.replace(part, "")
    if loose != spec.template:
        out.append(Spec(loose, spec.list_name, spec.tail))
    head = re.sub(r"(\[[^\[\]]*\])+$", "", loose)
    if head != loose:
        out.append(Spec(head, spec.list_name, rest=True))
    return out


def equal_variants(profile: Profile) -> tuple[str, ...]:
    """What a 项's sentence may print where its 决算 equals its budget: the profile's words for it (tried
    first, so that the sentence read holds them), or nothing."""
    return tuple(dict.fromkeys((profile.wording.budget_equal, "")))


def numeric_names(facts: Facts, list_name: str = "") -> set[str]:
    """The facts a template prints as figures. An entry's field is one where its list prints it so
    (``list_name``); for other templates, where no list prints it otherwise ("execution" is a rate in
    the 自评 list, "完成年初预算的102.69%" in the list of 类)."""
    names = set(facts.amounts)
    names.update(k for k, v in facts.values.items() if _NUMERIC.match(v or ""))
    figures: set[str] = set()
    words: set[str] = set()
    for name, entries in facts.lists.items():
        if list_name and name != list_name:
            continue
        for e in entries:
            for k, v in e.items():
                if isinstance(v, str) and v:
                    (figures if _NUMERIC.match(v) else words).add(k)
    return names | (figures - words) | {"amount", "initial", "actual", "share", "count"}


def _rows(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for key in ("expenditure", "gov_fund_expenditure", "state_capital_expenditure"):
        for row in data.get(key, []):
            out.setdefault(row["code"], row)
    return out


def attribute(imported: Any, draft: Any, facts: Facts) -> list[Found]:
    """Match every sentence template; put what they attribute into ``imported.data``; return the matches."""
    profile = imported.match.profile
    data = imported.data
    body = imported.body
    known = {k: facts.values[k] for k in IDENTITY if k in facts.values}
    numeric = numeric_names(facts)
    found: list[Found] = []
    rows = _rows(data)
    namer = Namer.of(draft)
    taken: list[tuple[int, int]] = []
    reasons = reason_keys(imported, draft, facts)
    scale = Decimal(10000) if data.get("unit") == "元" and profile.text.unit == "万元" else Decimal(1)
    classes: dict[str, dict[str, Any]] = {}
    printed = {row.code: row.name for rows_ in imported.reading.rows.values() for row in rows_ if row.code and row.name}
    for spec in specs(profile):
        in_list = numeric_names(facts, spec.list_name) if spec.list_name else numeric
        if spec.list_name in FROM_TEXT:
            from_text = read_list(body, spec, known, in_list, data, scale)
            for lead in from_text:
                if not lead.list_name:  # the lead of an inline list
                    _put_fields(data, lead.fields, reasons, scale)
            found += from_text
            continue
        if spec.list_name in CLASS_LISTS:
            for entry in class_entries(data, namer, printed):
                f = next(find(body, spec, {**known, "name": entry["name"]}, in_list), None)
                if f is not None:
                    f.entry = dict(entry)
                    found.append(f)
                    put_class(classes, entry["code"], f.fields, scale)
            continue
        if spec.list_name in ITEM_LISTS:
            for code, row in rows.items():
                path = item_path(profile.wording.item_path, namer, code)
                for variant in _variants(spec):
                    tries = ({**known, "path": path, "name": namer(code), "equal": e} for e in equal_variants(profile))
                    f = next((x for k in tries if (x := next(find(body, variant, k, in_list), None)) is not None), None)
                    if f is not None:
                        f.entry = {"code": code}
                        found.append(f)
                        _item(row, f.fields, data.get("unit", "万元"), profile)
                        break
            continue
        if spec.list_name and not facts.lists.get(spec.list_name):
            found += read_list(body, spec, known, in_list, data, scale)  # entries of data not imported: their sentences are accounted for
            continue
        if spec.list_name:
            for entry in facts.lists.get(spec.list_name, []):
                ident = {k: v for k, v in entry.items() if k in IDENT_FIELDS and isinstance(v, str) and v}
                if not ident:
                    break
                f = next(find(body, spec, {**known, **ident}, in_list), None)
                if f is not None:
                    f.entry = dict(entry)
                    found.append(f)
                    entry_texts(data, spec.list_name, entry, f.fields)
            continue
        for f in find(body, spec, known, numeric):
            if any(a <= f.start < b for a, b in taken) and not f.fields:
                continue
            taken.append((f.start, f.end))
            found.append(f)
            _put_fields(data, f.fields, reasons, scale)
    found += _table_notes(imported, known, numeric)
    texts, used = read_texts(body, profile, found, known, numeric)
    put_texts(data, texts)
    entries, repeated = read_each(body, profile, known, numeric)
    for list_name, listed in entries.items():
        put_entries(data, list_name, listed, scale)
    found += used + repeated
    key_work_table(imported.tables, data)
    stage_targets(imported.source.tables, body.text, data, scale)
    settle_staffing(data)
    settle_assets(data)
    if data.get("kind") == "final" and class_budgets(classes):
        data["class_budgets"] = class_budgets(classes)
    return found


def _put_fields(data: dict[str, Any], fields: dict[str, str], reasons: dict[str, str], scale: Decimal) -> None:
    """The facts a sentence gives, each where the data file keeps it."""
    for name, value in fields.items():
        if name.startswith("text."):
            data.setdefault("texts", {})[name[5:]] = value
        elif name in reasons:
            data.setdefault("reasons", {})[reasons[name]] = value
        elif name == "operating_costs" and data.get("kind") == "final" and (read := amount(value)) is not None:
            data.setdefault("operating_costs", read * scale)  # a primary figure where 事业单位 are left out
        else:
            put_fact(data, name, value)


def _table_notes(imported: Any, known: dict[str, str], numeric: set[str]) -> list[Found]:
    """A table's note holding a person's text (注：{text.x}): the first such note printed after the table's title."""
    profile = imported.match.profile
    titles = {tid: t for tid, t in profile.table_titles.items() if t}
    out = []
    for tid, notes in profile.table_notes.items():
        if tid not in titles:
            continue
        regions = table_region(imported.body, titles[tid], [t for k, t in titles.items() if k != tid], known, numeric)
        for note in notes:
            if "{text." not in note:
                continue
            f = next((f for f in find(imported.body, Spec(note), known, numeric, min_literal=2) if any(a <= f.start < b for a, b in regions)), None)
            if f is None:
                continue
            out.append(f)
            for name, value in f.fields.items():
                if name.startswith("text."):
                    imported.data.setdefault("texts", {})[name[5:]] = value
    return out


def reason_keys(imported: Any, draft: Any, facts: Facts) -> dict[str, str]:
    """Each reason fact (why.x, why_budget.x, reason.x) with the ``reasons`` key that fills it.

    A reason fact is registered only where its figure has a last-year value; a budget's draft has none, so
    its facts are computed once more against a last year of zeros, where every figure has a change.
    """
    keys = dict(facts.reason_keys)
    if draft.kind == "budget":
        try:
            probe = load_data({**imported.data, "previous": BUDGET_PROBE})
            keys = {**facts_of(probe, imported.match.profile).reason_keys, **keys}
        except (DataErrors, UserError):
            pass
    for field_ in type(draft.reasons).model_fields:
        keys.setdefault(f"reason.{field_}", field_)
    return keys


def _item(row: dict[str, Any], fields: dict[str, str], unit: str, profile: Any) -> None:
    if fields.get("use"):
        row["use"] = fields["use"]
    if fields.get("reason"):
        row["reason"] = fields["reason"]
    initial = amount(fields.get("initial"))
    if initial is not None:
        scale = Decimal(10000) if unit == "元" and profile.text.unit == "万元" else Decimal(1)
        row["budget"] = {"initial": initial * scale}
