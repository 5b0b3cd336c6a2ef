"""Lists a report prints entry by entry, read back into the data file.

Some lists are made of entries the tables already give (a function 类 by its name): each is looked
for with its name known. Others exist only in the text (the uses of project money, receptions,
projects, key work, the units of 三公, vehicles): their entries are read in order, one paragraph each
(numbered as the list's style numbers them), or run on after the list's lead sentence when the list
is inline.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal
from typing import Any, Callable, Iterator

from generator.ingest.cells import amount
from generator.ingest.sentences import Body, Found, Spec, compile_template, find
from generator.zh.ordinals import number

FROM_TEXT = ("project_uses", "receptions", "projects", "key_work", "three_public_units", "vehicles", "planned_vehicles")
"""Lists whose entries only the text gives."""
CLASS_LISTS = ("function_classes", "class_executions")
"""Lists of function 类: their use, 年初预算 and reason go to ``class_budgets``."""


def _entries_from_text(body: Body, spec: Spec, known: dict[str, str], numeric: set[str]) -> Iterator[Found]:
    if spec.inline:
        yield from _inline(body, spec, known, numeric)
        return
    text = body.marked or body.text
    joiner = "".join(dict.fromkeys(spec.tail))
    pattern, names = compile_template(spec.template, known, numeric, bare=True)
    tail = (f"[{re.escape(joiner)}]?" if joiner else "") + "$"
    starts = [0]
    if spec.before:
        ends = (text.find("\n", _marked(body, f.end)) for f in find(body, Spec(spec.before), known, numeric, min_literal=2))
        starts = [e + 1 for e in ends if e >= 0]
    for start in starts:
        entries = []
        n, at = 1, start
        while True:
            label = number(spec.style, n) if spec.style else ""
            m = re.compile("^" + re.escape(label) + pattern.pattern + tail, re.M).search(text, at)
            if m is None or ((n > 1 or spec.before) and m.start() != at):
                break  # each entry stands in the very next paragraph
            entries.append(_found(body, spec, names, m))
            n, at = n + 1, m.end() + 1
        if entries:
            yield from entries
            return


def _marked(body: Body, plain: int) -> int:
    """The offset in ``body.marked`` of a plain offset (``plain_at`` never decreases)."""
    return min(bisect_left(body.plain_at, plain), len(body.plain_at) - 1) if body.plain_at else plain


def _inline(body: Body, spec: Spec, known: dict[str, str], numeric: set[str]) -> Iterator[Found]:
    """Entries run on after the lead sentence, each closed by one of the joiner's marks: the lead's match, then theirs."""
    if not spec.lead:
        return
    text = body.marked or body.text
    marks = "".join(dict.fromkeys(spec.tail)) or "；。"
    pattern, names = compile_template(spec.template, known, numeric, bare=True)
    item = re.compile(pattern.pattern + f"(?=[{re.escape(marks)}]|$)", re.M)
    for lead in find(body, Spec(spec.lead), known, numeric, min_literal=2):
        at = _marked(body, lead.end)
        n, entries = 1, [lead]
        while at < len(text) and text[at] != "\n":
            label = number(spec.style, n) if spec.style else ""
            if label and not text.startswith(label, at):
                break
            m = item.match(text, at + len(label))
            if m is None:
                break
            entries.append(_found(body, spec, names, m))
            at, n = m.end() + 1, n + 1
        if len(entries) > 1:
            yield from entries
            return


def _found(body: Body, spec: Spec, names: list[str], m: re.Match[str]) -> Found:
    fields = {k: v.replace("\n", "") for k, v in zip(names, m.groups()) if v}
    start, end = body.plain(m.start()), body.plain(m.end())
    return Found(spec.template, fields, body.page_at(start), start, end, list_name=spec.list_name)


def read_list(body: Body, spec: Spec, known: dict[str, str], numeric: set[str], data: dict[str, Any], scale: Decimal) -> list[Found]:
    """The entries of a list only the text gives, put into ``data`` where it keeps them; the matches."""
    found = list(_entries_from_text(body, spec, known, numeric))
    for f in found:
        if f.list_name and spec.list_name in SINKS:
            SINKS[spec.list_name](data, f.fields, scale)
    return found


def _money(text: str | None, scale: Decimal) -> Decimal:
    value = amount(text)
    return (value or Decimal(0)) * scale


def _project_use(data: dict[str, Any], fields: dict[str, str], scale: Decimal) -> None:
    data.setdefault("project_uses", []).append({"name": fields.get("name", ""), "amount": _money(fields.get("amount"), scale), "text": fields.get("text", "")})


def _reception(data: dict[str, Any], fields: dict[str, str], scale: Decimal) -> None:
    entry = {"name": fields.get("name", ""), "amount": _money(fields.get("amount"), scale), "text": fields.get("text", "")}
    data.setdefault("three_public", {}).setdefault("receptions", []).append(entry)


def _project(data: dict[str, Any], fields: dict[str, str], scale: Decimal) -> None:
    entry: dict[str, Any] = {"name": fields.get("name", "")}
    if fields.get("amount"):
        entry["amount"] = _money(fields["amount"], scale)
    if fields.get("description"):
        entry["description"] = fields["description"]
    data.setdefault("projects", []).append(entry)


def _key_work(data: dict[str, Any], fields: dict[str, str], scale: Decimal) -> None:
    data.setdefault("key_work", []).append({"title": fields.get("title", ""), "text": fields.get("text", ""), "table_content": ""})


def _three_public_unit(data: dict[str, Any], fields: dict[str, str], scale: Decimal) -> None:
    if fields.get("name"):
        data.setdefault("three_public_units", []).append(fields["name"])


def _vehicles(key: str) -> Callable[[dict[str, Any], dict[str, str], Decimal], None]:
    def put(data: dict[str, Any], fields: dict[str, str], scale: Decimal) -> None:
        if fields.get("kind") and fields.get("count", "").isdigit():
            data.setdefault("assets", {}).setdefault(key, []).append({"kind": fields["kind"], "count": int(fields["count"])})

    return put


PROCUREMENT_KINDS = {"货物": "goods", "工程": "works", "服务": "services"}
_PROCURED = re.compile(r"(.+?)([\d,]+(?:\.\d+)?)万元$")


def _procurement_kind(data: dict[str, Any], fields: dict[str, str], scale: Decimal) -> None:
    """A kind of procurement with its amount, and the purchases listed after 其中 (their sum is then the amount)."""
    kind = PROCUREMENT_KINDS.get(fields.get("kind", "").removesuffix("类"))
    total = amount(fields.get("amount"))
    if kind is None or total is None:
        return
    entry: dict[str, Any] = {"amount": total * scale}
    items = [_PROCURED.match(part.strip()) for part in fields.get("details", "").rstrip("。").split("；") if part.strip()]
    if items and all(items):
        listed = [{"name": m.group(1), "amount": (amount(m.group(2)) or Decimal(0)) * scale} for m in items if m]
        entry = {"items": listed} if sum((i["amount"] for i in listed), Decimal(0)) == entry["amount"] else {**entry, "items": listed}
    data.setdefault("procurement", {})[kind] = entry


SINKS: dict[str, Callable[[dict[str, Any], dict[str, str], Decimal], None]] = {
    "procurement_kinds": _procurement_kind,
    "vehicles": _vehicles("vehicles"),
    "planned_vehicles": _vehicles("planned_vehicles"),
    "three_public_units": _three_public_unit,
    "project_uses": _project_use,
    "receptions": _reception,
    "projects": _project,
    "key_work": _key_work,
}


def class_entries(data: dict[str, Any], namer: Callable[[str], str], printed: dict[str, str]) -> list[dict[str, str]]:
    """The function 类 the tables give, each with its name as the tables print it (else as the code list names it)."""
    codes = dict.fromkeys(row["code"][:3] for key in ("expenditure", "gov_fund_expenditure", "state_capital_expenditure") for row in data.get(key, []))
    return [{"code": code, "name": printed.get(code) or namer(code)} for code in codes]


def put_class(classes: dict[str, dict[str, Any]], code: str, fields: dict[str, str], scale: Decimal) -> None:
    """A 类's use, 年初预算 and reason, gathered until every list is read (``class_budgets`` needs the 年初预算)."""
    entry = classes.setdefault(code, {"code": code})
    if fields.get("use"):
        entry["use"] = fields["use"]
    if fields.get("reason"):
        entry["reason"] = fields["reason"]
    if amount(fields.get("initial")) is not None:
        entry["initial"] = _money(fields["initial"], scale)


def class_budgets(classes: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    return [entry for entry in classes.values() if "initial" in entry]


ENTRY_TEXTS = {"project_functions": {"use": "project_use_{code}"}}
"""Texts of a list's entries kept as named texts (``texts``): list → field → key."""


def entry_texts(data: dict[str, Any], list_name: str, entry: dict[str, str], fields: dict[str, str]) -> None:
    for name, key in ENTRY_TEXTS.get(list_name, {}).items():
        if fields.get(name):
            data.setdefault("texts", {})[key.format(**entry)] = fields[name]


def put_entries(data: dict[str, Any], list_name: str, entries: list[dict[str, Any]], scale: Decimal) -> None:
    """Entries of a repeated section (``each``) merged by name into the data file's list (only ``projects``)."""
    if list_name != "projects":
        return
    have = {e.get("name"): e for e in data.get("projects", [])}
    for entry in entries:
        fields = {k: v for k, v in entry.items() if k in PROJECT_TEXTS}
        if "amount" in entry and amount(entry["amount"]) is not None:
            fields["amount"] = _money(entry["amount"], scale)
        name = entry.get("name")
        if not name:
            continue
        if name in have:
            if have[name].get("details"):
                fields.pop("amount", None)  # the total of its details is computed, not copied
            have[name].update({k: v for k, v in fields.items() if k not in have[name]})
        else:
            data.setdefault("projects", []).append({"name": name, **fields})


PROJECT_TEXTS = ("description", "overview", "basis", "implementer", "plan", "period")
"""The texts of a project a repeated section prints."""
