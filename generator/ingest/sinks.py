"""Where a fact read from a sentence goes in the data file, for facts that are not reasons or named texts:
the contact lines, the staffing sentences, assets, the scope of 机关运行经费."""

from __future__ import annotations

import re
from typing import Any

ASSET_FACTS = {"assets.as_of": "as_of", "assets.equipment": "equipment_over_1m", "assets.planned_equipment": "planned_equipment"}
STAFF_GROUPS = ("authorized", "actual", "retired")
_ITEM = re.compile(r"^(.+?)(\d+)人(?:[（(](.+)[）)])?$")


def split_items(text: str) -> list[str]:
    """Items joined by "，", a "，" inside brackets staying with its item."""
    out, depth, current = [], 0, ""
    for ch in text:
        depth += ch in "（(" and 1 or 0
        depth -= ch in "）)" and 1 or 0
        if ch == "，" and depth == 0:
            out.append(current)
            current = ""
        else:
            current += ch
    return [*out, current] if current else out


def staff_items(text: str) -> list[dict[str, Any]] | None:
    """Items such as "行政编制30人，事业编制24人（其中：参照公务员法管理6人）" as head counts; None when one is no head count."""
    items = []
    for part in split_items(text):
        m = _ITEM.match(part)
        if m is None:
            return None
        item: dict[str, Any] = {"name": m.group(1), "count": int(m.group(2))}
        if m.group(3):
            item["note"] = m.group(3)
        items.append(item)
    return items


COUNT_FACTS = {
    "count.project_indicators": "project_indicators",
    "count.whole_indicators": "whole_indicators",
    "count.target_projects": "target_projects",
}
"""Counts a budget's sentences print that the data file gives (``performance``)."""


def put_fact(data: dict[str, Any], name: str, value: str) -> bool:
    """Put a fact's printed text where the data file keeps it; False for a fact this module does not place."""
    if name.startswith("contact."):
        data.setdefault("department", {}).setdefault("contact", {})[name[8:]] = value
        return True
    if name in ASSET_FACTS:
        key = ASSET_FACTS[name]
        if key == "as_of" or value.isdigit():
            data.setdefault("assets", {})[key] = value if key == "as_of" else int(value)
        return True
    if name in COUNT_FACTS:
        if value.isdigit():
            data.setdefault("performance", {})[COUNT_FACTS[name]] = int(value)
        return True
    if name == "operating_scope" and data.get("kind") == "budget":
        data.setdefault("operating_costs", {})["scope"] = value
        return True
    m = re.fullmatch(r"staff\.(authorized|actual|retired)(_items|_as_of)?", name)
    if m is None:
        return False
    group = data.setdefault("overview", {}).setdefault("staffing", {}).setdefault(m.group(1), {})
    if m.group(2) == "_as_of":
        group["as_of"] = value
    elif m.group(2) == "_items":
        items = staff_items(value)
        if items:
            group["items"] = items
    elif value.isdigit():
        group["printed_total"] = int(value)
    return True


def settle_staffing(data: dict[str, Any]) -> None:
    """A group's printed total is kept only where it is not the sum of its items."""
    staffing = (data.get("overview") or {}).get("staffing") or {}
    for key in list(staffing):
        group = staffing[key]
        total = group.pop("printed_total", None)
        if total is not None and total != sum(i["count"] for i in group.get("items", [])):
            group["total"] = total
        if not group:
            del staffing[key]
    if "staffing" in data.get("overview", {}) and not staffing:
        del data["overview"]["staffing"]


def settle_assets(data: dict[str, Any]) -> None:
    """Assets are kept only with the date they are counted at (the data file requires it)."""
    if "assets" in data and not data["assets"].get("as_of"):
        del data["assets"]
