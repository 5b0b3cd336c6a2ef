"""Facts shared by budgets and final accounts: department, staffing, texts, assets."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable

from generator.compute.change import Change
from generator.compute.common import ProcurementFigures, staff_total
from generator.model.common import Assets, StaffGroup
from generator.present.profile import Profile
from generator.zh.phrases import ChangeWording, change_phrase
from generator.zh.text import tidy
from generator.present.facts import Facts


def wording(profile: Profile) -> ChangeWording:
    w = profile.wording
    return ChangeWording(up=w.up, down=w.down, flat=w.flat, new=w.new)


def add_reason(facts: Facts, fact: str, reasons: Any, key: str | None, applies: bool) -> None:
    """A reason fact, filled from ``reasons.<key>`` only when it applies (a figure changed or missed its budget)."""
    text = getattr(reasons, key, None) if key else None
    facts.set(fact, tidy(text) if text and applies else "")
    if key:
        facts.reason_keys[fact] = key


DIRECTION = {"up": "增加", "down": "减少", "flat": "持平"}
"""The direction word of a change, as a fact (direction.<name>)."""


def add_no_change(facts: Facts, name: str) -> None:
    """The change facts of a figure whose last-year value is not given: empty, so optional clauses drop."""
    for prefix in ("prev", "change", "change_amount", "direction", "why", "reason"):
        facts.set(f"{prefix}.{name}", "")


def add_change(facts: Facts, name: str, change: Change, base: str, profile: Profile, reasons: Any, key: str | None) -> None:
    """change.<name>, prev.<name>, why.<name> (the reason ``reasons.<key>`` only when the figure changed), and
    vs.<name>, the word before last year's figure where the profile's change wording omits it."""
    facts.figure(f"prev.{name}", change.previous)
    change = facts.change(change)
    facts.set(f"change.{name}", change_phrase(change, base, wording(profile), money=facts.money))
    facts.set(f"change_amount.{name}", change_phrase(change, base, wording(profile), with_rate=False, money=facts.money))
    facts.set(f"direction.{name}", DIRECTION[change.direction])
    facts.set(f"vs.{name}", "与" if change.direction == "flat" else "比")  # 比上年增加 …, 与上年持平
    changed = change.direction != "flat"
    add_reason(facts, f"why.{name}", reasons, key, changed)
    add_reason(facts, f"reason.{name}", reasons, key, True)
    facts.flags[f"changed.{name}"] = changed


def item_path(template: str, namer: Callable[[str], str], code: str) -> str:
    """A function 项 named with its 类 and 款 (the profile's ``wording.item_path``)."""
    return template.format(class_name=namer(code[:3]), kuan_name=namer(code[:5]), item_name=namer(code))


def add_share(facts: Facts, name: str, part: Decimal, whole: Decimal) -> None:
    facts.set(f"share.{name}", facts.share(part, whole))


def add_shares(facts: Facts, parts: dict[str, Decimal], whole: Decimal) -> None:
    """share.<name> for parts of ``whole``, each rounded on its own (zh.numbers.shares)."""
    for name, text in zip(parts, facts.shares(list(parts.values()), whole)):
        facts.set(f"share.{name}", text)


def add_texts(facts: Facts, texts: dict[str, str], optional: list[str] | None = None) -> None:
    for key in optional or []:
        facts.set(f"text.{key}", "")
    for key, value in texts.items():
        facts.set(f"text.{key}", tidy(value))


def _staff_items(group: StaffGroup) -> str:
    parts = []
    for item in group.items:
        note = f"（{item.note}）" if item.note else ""
        parts.append(f"{item.name}{item.count}人{note}")
    return "，".join(parts)


def add_overview(facts: Facts, overview) -> None:  # type: ignore[no-untyped-def]
    facts.set("composition", tidy(overview.composition))
    add_staffing(facts, overview.staffing)


def add_staffing(facts: Facts, staffing) -> None:  # type: ignore[no-untyped-def]
    for key in ("authorized", "actual", "retired"):
        group = getattr(staffing, key) if staffing else None
        total = staff_total(group)
        facts.set(f"staff.{key}", "" if total is None else str(total))
        facts.set(f"staff.{key}_items", _staff_items(group) if group else "")
        facts.set(f"staff.{key}_as_of", tidy(group.as_of or "") if group else "")


def add_assets(facts: Facts, assets: Assets | None) -> None:
    vehicles = assets.vehicles if assets else []
    facts.set("assets.as_of", tidy(assets.as_of) if assets else "")
    facts.set("assets.vehicles", str(sum(v.count for v in vehicles)) if assets else "")
    facts.set("assets.equipment", "" if not assets or assets.equipment_over_1m is None else str(assets.equipment_over_1m))
    facts.lists["vehicles"] = [{"kind": v.kind, "count": str(v.count)} for v in vehicles]
    planned = assets.planned_vehicles if assets else []
    facts.set("assets.planned_vehicles", str(sum(v.count for v in planned)) if assets else "")
    facts.set("assets.planned_equipment", "" if not assets or assets.planned_equipment is None else str(assets.planned_equipment))
    facts.lists["planned_vehicles"] = [{"kind": v.kind, "count": str(v.count)} for v in planned]


KIND_NAMES = {"goods": "货物", "works": "工程", "services": "服务"}


def add_procurement(facts: Facts, figures: ProcurementFigures, items: dict[str, list]) -> None:  # type: ignore[type-arg]
    facts.figure("proc.total", figures.total)
    facts.flags["proc.any"] = figures.total != 0
    entries = []
    for kind, name in KIND_NAMES.items():
        value = getattr(figures, kind)
        facts.figure(f"proc.{kind}", value)
        sme = getattr(figures, f"sme_{kind}")
        facts.set(f"proc.sme_{kind}_share", facts.share(sme, value))
        if value != 0:
            entries.append(
                {"kind": name, "amount": facts.amount(value), "details": "；".join(f"{i.name}{facts.amount(i.amount)}万元" for i in items.get(kind, []))}
            )
    facts.lists["procurement_kinds"] = entries
    sme = figures.sme
    facts.figure("proc.sme", sme)
    facts.set("proc.sme_share", facts.share(sme, figures.total))
    facts.figure("proc.small_micro", figures.small_micro)
    facts.set("proc.small_micro_share", facts.share(figures.small_micro, figures.total))
