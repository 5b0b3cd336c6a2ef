"""Last year: the figures this file gives for it, and the reasons for what changed since."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Iterable

from generator.check.run import rule
from generator.present.context import table_labels
from generator.errors import DataErrors, Issue, error, warning
from generator.present.facts import Facts
from generator.read.load import Loaded, previous_from
from generator.model.budget import BudgetPrevious
from generator.model.common import ThreePublic
from generator.read.sources import load_file
from generator.read.validate import to_report
from generator.check.common import amt, differs, first_pos, gap


def _flat(previous: Any, derive_basic: bool = False) -> dict[tuple[str, ...], Decimal]:
    """previous as key path → amount (``three_public`` items one level down; absent figures left out).

    With ``derive_basic``, basic is also given as 人员经费 + 公用经费 (to compare with a file that gives basic alone).
    """
    out: dict[tuple[str, ...], Decimal] = {}
    for name, value in previous:
        if isinstance(value, Decimal):
            out[(name,)] = value
        elif isinstance(value, ThreePublic):
            out.update({(name, item): amount for item, amount in value})
    if derive_basic and isinstance(previous, BudgetPrevious) and previous.basic is None and previous.personnel is not None and previous.public is not None:
        out[("basic",)] = previous.personnel + previous.public
    return out


def _last_year(path: Any) -> Any:
    """The ``previous`` figures that last year's data file gives (its own ``previous`` is not needed)."""
    raw, positions = load_file(path)
    report = to_report(raw, positions)
    if report.kind == "budget" and report.previous is None:
        report = report.model_copy(update={"previous": BudgetPrevious()})
    return report.kind, previous_from(report)


@rule
def previous_matches_last_year(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """``previous`` written in this file agrees with last year's data file beside it."""
    if loaded.previous_file is None or ("previous",) not in loaded.positions.spots:
        return
    name = loaded.previous_file.name
    try:
        kind, expected = _last_year(loaded.previous_file)
    except DataErrors:
        yield warning(loaded.positions.pos(("previous",)), f"上年数据文件 {name} 有错误，未能与 previous 比对（请先检查该文件）", "previous_matches_last_year")
        return
    if kind != loaded.report.kind:
        return
    there = _flat(expected, derive_basic=True)
    for key, given in _flat(loaded.report.previous).items():
        if key in there and differs(given, there[key]):
            dotted = ".".join(("previous", *key))
            message = f"{dotted} 为 {amt(given)}，而上年数据文件 {name} 算得 {amt(there[key])}{gap(given, there[key])}"
            yield error(loaded.positions.pos(("previous", *key)), message, "previous_matches_last_year")


def _facts(loaded: Loaded, profile: Any) -> Facts:
    report = loaded.report
    if report.kind == "final":
        from generator.compute.final import compute
        from generator.present.facts.final import final_facts

        return final_facts(report, compute(report), profile, table_labels(profile))
    from generator.compute.budget import compute as compute_budget
    from generator.present.facts.budget import budget_facts

    return budget_facts(report, compute_budget(report), profile, table_labels(profile))


LABELS = {
    "total": "总额",
    "basic": "基本支出",
    "project": "项目支出",
    "personnel": "人员经费",
    "public": "公用经费",
    "operating_costs": "机关运行经费",
    "tp_total": "“三公”经费",
    "tp_outbound": "因公出国（境）费用",
    "tp_vehicle": "公务用车购置及运行维护费",
    "tp_vehicle_purchase": "公务用车购置费",
    "tp_vehicle_operation": "公务用车运行维护费",
    "tp_reception": "公务接待费",
}

WHY = re.compile(r"\{(why(?:_budget)?\.[a-z_]+)\}")


@rule
def reasons_for_changes(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """Where the profile prints a reason and the figure changed (or missed its budget), a reason is given."""
    if profile is None:
        return
    facts = _facts(loaded, profile)
    for fact in sorted(set(WHY.findall(profile.model_dump_json()))):
        name = fact.split(".", 1)[1]
        if fact.startswith("why_budget."):
            changed, what = bool(facts.values.get(f"cmp.{name}")), f"决算数{facts.values.get(f'cmp.{name}')}预算数"
        else:
            changed, what = facts.flags.get(f"changed.{name}", False), facts.values.get(f"change.{name}", "")
        key = facts.reason_keys.get(fact)
        if not changed or facts.values.get(fact) or key is None:
            continue
        where = first_pos(loaded.positions, ("reasons", key), ("reasons",), ("previous",), ("year",))
        yield warning(where, f"{LABELS.get(name, name)}{what}，但没有填写原因 reasons.{key}（报告中该处原因将空缺）", "reasons_for_changes")
