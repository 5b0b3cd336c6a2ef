"""Primary figures a report prints only in its sentences: procurement, assets, 预算绩效管理, "三公" counts.

Each ``{fact}`` of the profile's sentences that stands for one primary figure of the data file is
mapped to its place there. A sentence the whole template does not match (a report leaves out or
rewords a part) is read clause by clause: every clause between ``：``/``；``/``。`` holding such a fact is
its own pattern. The vehicles of a list (``{kind}{count}辆``, joined by ``、``) are read after their lead.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from generator.ingest.cells import amount
from generator.ingest.sentences import Body, Found, Spec, compile_template, find, specs
from generator.present.profile import Block, Profile, outline_blocks


def _count(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _points(text: str) -> Decimal | None:
    return amount(text)


AMOUNT, COUNT, POINTS, TEXT = "amount", "count", "points", "text"
PRIMARY: dict[str, tuple[tuple[str, ...], str]] = {
    "proc.goods": (("procurement", "goods", "amount"), AMOUNT),
    "proc.works": (("procurement", "works", "amount"), AMOUNT),
    "proc.services": (("procurement", "services", "amount"), AMOUNT),
    "proc.reserved_sme": (("procurement", "reserved_sme"), AMOUNT),
    "proc.reserved_small_micro": (("procurement", "reserved_small_micro"), AMOUNT),
    "proc.won_sme_reserved": (("procurement", "won_sme_reserved"), AMOUNT),
    "proc.won_small_micro_reserved": (("procurement", "won_small_micro_reserved"), AMOUNT),
    "proc.won_sme_other": (("procurement", "won_sme_other"), AMOUNT),
    "assets.as_of": (("assets", "as_of"), TEXT),
    "assets.equipment": (("assets", "equipment_over_1m"), COUNT),
    "assets.planned_equipment": (("assets", "planned_equipment"), COUNT),
    "tp.outbound_groups": (("three_public", "outbound_groups"), COUNT),
    "tp.outbound_people": (("three_public", "outbound_people"), COUNT),
    "tp.vehicles_held": (("three_public", "vehicles_held"), COUNT),
    "tp.vehicles_bought": (("three_public", "vehicles_bought"), COUNT),
    "tp.reception_batches": (("three_public", "reception_batches"), COUNT),
    "tp.reception_people": (("three_public", "reception_people"), COUNT),
    "tp.foreign_batches": (("three_public", "foreign_batches"), COUNT),
    "tp.foreign_people": (("three_public", "foreign_people"), COUNT),
    "tp.foreign_reception": (("three_public", "foreign_reception"), AMOUNT),
    "pm.target_projects": (("performance_management", "target_projects"), COUNT),
    "pm.target_amount": (("performance_management", "target_amount"), AMOUNT),
    "pm.tracked_projects": (("performance_management", "tracked_projects"), COUNT),
    "pm.tracked_amount": (("performance_management", "tracked_amount"), AMOUNT),
    "pm.evaluated_projects": (("performance_management", "evaluated_projects"), COUNT),
    "pm.evaluated_amount": (("performance_management", "evaluated_amount"), AMOUNT),
    "pm.average_score": (("performance_management", "average_score"), POINTS),
    "pm.excellent": (("performance_management", "grades", "excellent"), COUNT),
    "pm.good": (("performance_management", "grades", "good"), COUNT),
    "pm.pass": (("performance_management", "grades", "pass"), COUNT),
    "pm.fail": (("performance_management", "grades", "fail"), COUNT),
    "pm.problems": (("performance_management", "problems"), COUNT),
    "count.target_projects": (("performance", "target_projects"), COUNT),
    "target_amount": (("performance", "target_amount"), AMOUNT),
}
"""Sentence facts that are primary data, with their place in the data file and how they are read."""

FINAL_ONLY = ("tp.", "pm.")
BUDGET_ONLY = ("count.", "target_amount")
_CLAUSE = re.compile(r"[：；。]")


def _value(kind: str, text: str, scale: Decimal) -> Any:
    if kind == TEXT:
        return text
    if kind == COUNT:
        return _count(text)
    if kind == POINTS:
        return _points(text)
    number = amount(text)
    return None if number is None else number * scale


def _put(data: dict[str, Any], path: tuple[str, ...], value: Any) -> bool:
    node = data
    for key in path[:-1]:
        node = node.setdefault(key, {})
        if not isinstance(node, dict):
            return False
    if path[-1] in node:
        return False
    node[path[-1]] = value
    return True


def _clauses(template: str) -> list[str]:
    """A template cut at ``：；。`` outside ``[…]`` and ``{…}``; optional parts keep their brackets."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(template):
        if ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        elif depth == 0 and _CLAUSE.match(ch):
            out.append(template[start:i])
            start = i + 1
    out.append(template[start:])
    return [c for c in out if c.strip()]


def _inner(clause: str) -> str:
    """A clause inside an optional part, without its brackets (``[在…{x}万元]`` → ``在…{x}万元``)."""
    return clause.replace("[", "").replace("]", "")


def _pieces(clause: str) -> list[str]:
    """A clause that did not match, cut finer: each optional part on its own, then at ``，``."""
    parts = [p for p in re.split(r"[\[\]]", clause) if p.strip()]
    return [q for p in parts for q in re.split(r"[，：；。]", p) if q.strip()]


def _facts(text: str) -> set[str]:
    return set(re.findall(r"\{([A-Za-z0-9_.]+)\}", text))


def read_figures(found: list[Found], body: Body, profile: Profile, known: dict[str, str], numeric: set[str], data: dict[str, Any]) -> list[Found]:
    """Put the primary figures of ``found`` into ``data``; read the clauses of templates not matched whole."""
    final = data.get("kind") == "final"
    scale = Decimal(10000) if data.get("unit") == "元" and profile.text.unit == "万元" else Decimal(1)
    wanted = {k: v for k, v in PRIMARY.items() if not k.startswith(BUDGET_ONLY if final else FINAL_ONLY)}
    more: list[Found] = []
    done: set[str] = set()

    def take(fields: dict[str, str]) -> None:
        for name, text in fields.items():
            if name in wanted and name not in done:
                path, kind = wanted[name]
                value = _value(kind, text, scale)
                if value is not None:
                    _put(data, path, value)
                    done.add(name)

    for f in found:
        take(f.fields)
    loose = {k: v for k, v in known.items() if k != "department"}  # a report may shorten or vary its own name

    def attempt(template: str) -> bool:
        if not (_facts(template) & set(wanted)) - done:
            return True
        for facts_known in (known, loose):
            hit = next(find(body, Spec(_inner(template)), facts_known, numeric), None)
            if hit is not None:
                more.append(hit)
                take(hit.fields)
                return True
        return False

    for spec in specs(profile):
        if spec.list_name or not (_facts(spec.template) & set(wanted)) - done:
            continue
        for clause in _clauses(spec.template):
            if not attempt(clause):
                for piece in _pieces(clause):
                    attempt(piece)
    more += _vehicles(profile, body, known, numeric, data)
    if "assets" in data and "as_of" not in data["assets"]:
        del data["assets"]
    return more


def _list_blocks(profile: Profile) -> list[Block]:
    return [b for b in outline_blocks(profile) if b.list in ("vehicles", "planned_vehicles") and b.lead and b.item]


def _vehicles(profile: Profile, body: Body, known: dict[str, str], numeric: set[str], data: dict[str, Any]) -> list[Found]:
    """Vehicles by kind, from the entries after a vehicles list's lead (``其中：A1辆、B0辆。``), and its tail."""
    out: list[Found] = []
    for block in _list_blocks(profile):
        assert block.lead and block.item and block.list
        lead = next(find(body, Spec(block.lead), known, numeric), None)
        if lead is None:
            continue
        count_key = "assets.vehicles" if block.list == "vehicles" else "assets.planned_vehicles"
        if "as_of" not in data.get("assets", {}) and "assets.as_of" in lead.fields:
            _put(data, ("assets", "as_of"), lead.fields["assets.as_of"])
        ends = [at for p in "。；" if (at := body.text.find(p, lead.end)) >= 0]
        if not ends:
            continue
        stop = min(ends)
        pattern, names = compile_template(block.item, {}, {"count"})
        entries: list[dict[str, Any]] = []
        counts: list[int] = []
        for piece in body.text[lead.end : stop].split(block.joiner[0] if block.joiner and block.joiner[0] else "、"):
            m = pattern.fullmatch(piece)
            fields = dict(zip(names, m.groups())) if m else {}
            count = _count(fields.get("count", ""))
            if count is None or not fields.get("kind"):
                entries = []
                break
            entries.append({"kind": fields["kind"], "count": count})
            counts.append(count)
        total = _count(lead.fields.get(count_key, ""))
        if entries and (total is None or sum(counts) == total):
            data.setdefault("assets", {}).setdefault(block.list, entries)
        elif total == 0:
            data.setdefault("assets", {}).setdefault(block.list, [])
        else:
            continue
        end = stop + 1
        if block.tail:
            tail, tail_names = compile_template(block.tail, known, numeric)
            m = tail.match(body.text, stop)
            if m is not None:
                for name, value in zip(tail_names, m.groups()):
                    if name in PRIMARY and value is not None and (v := _value(PRIMARY[name][1], value, Decimal(1))) is not None:
                        _put(data, PRIMARY[name][0], v)
                end = m.end()
        out.append(Found(block.lead + block.item, dict(lead.fields), lead.page, lead.start, end, list_name=block.list))
    return out
