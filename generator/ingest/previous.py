"""Last year's figures, from the changes a report's sentences print (增加/减少 X 万元, 持平).

A final account compares with last year's final; a budget with last year's budget (or its 预算执行数).
Each figure is this year's (as the file computes it) less the change printed: the file then prints
the same change. Figures whose change is not printed are left out.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from generator.ingest.sentences import Found

_CHANGE = re.compile(r"(增加|减少|增长|下降|持平)([\d,]+(?:\.\d+)?)?")
METRICS = {"change.total": "total", "change.appropriation": "appropriation_total", "change.general": "general", "change.operating_costs": "operating_costs"}
TP = {
    "change.tp_outbound": "outbound",
    "change.tp_vehicle_purchase": "vehicle_purchase",
    "change.tp_vehicle_operation": "vehicle_operation",
    "change.tp_reception": "reception",
}
ZERO = Decimal(0)


def provisional() -> dict[str, Any]:
    """A stand-in for last year while the sentences are read (each change then reads against it)."""
    return {"total": ZERO, "three_public": {k: ZERO for k in TP.values()}, "operating_costs": ZERO}


def delta(text: str) -> Decimal | None:
    """How much a printed change says the figure moved (negative for 减少); None when it says no amount."""
    m = _CHANGE.search(text.replace(" ", ""))
    if not m:
        return None
    if m.group(1) == "持平":
        return ZERO
    if m.group(2) is None:
        return None
    value = Decimal(m.group(2).replace(",", ""))
    return -value if m.group(1) in ("减少", "下降") else value


def previous_of(found: list[Found], fig: Any, scale: Decimal) -> dict[str, Any]:
    """``previous`` of a final account in the file's unit (``scale``: 1 for 万元, 10000 for 元); figures are in 万元."""
    current = {"total": fig.grand_total, "appropriation_total": fig.appropriation_grand_total, "general": fig.total, "operating_costs": fig.operating_costs}
    out: dict[str, Any] = {}
    tp: dict[str, Decimal] = {}
    for f in found:
        for name, text in f.fields.items():
            d = delta(text)
            if d is None:
                continue
            if name in METRICS and METRICS[name] not in out:
                out[METRICS[name]] = (current[METRICS[name]] - d) * scale
            elif name in TP and TP[name] not in tp:
                tp[TP[name]] = (getattr(fig.three_public.actual, TP[name]) - d) * scale
    if "total" not in out:
        return {}
    out["three_public"] = {k: tp.get(k, ZERO) for k in TP.values()}
    out.setdefault("operating_costs", ZERO)
    return out


BUDGET_METRICS = ("total", "income_appropriation", "gov_fund", "state_capital", "basic", "project", "personnel", "public")
"""The metrics of a budget's ``previous``, in the order they are taken (``total`` excludes the split)."""
THREE_PUBLIC_LEAVES = ("outbound", "vehicle_purchase", "vehicle_operation", "reception")


def budget_previous_of(found: list[Found], fig: Any, scale: Decimal) -> dict[str, Any]:
    """``previous`` of a budget in the file's unit (``scale``: 1 for 万元, 10000 for 元); figures and changes are in 万元."""
    deltas: dict[str, Decimal] = {}
    for f in found:
        for name, text in f.fields.items():
            prefix, _, metric = name.partition(".")
            if prefix in ("change", "change_amount") and metric not in deltas and (d := delta(text)) is not None:
                deltas[metric] = d
    current = {"gov_fund": fig.gov_fund_total, "state_capital": fig.state_capital_total}
    out: dict[str, Any] = {}
    for metric in BUDGET_METRICS:
        if metric not in deltas:
            continue
        if metric in ("basic", "project", "personnel", "public") and "total" in out:
            continue  # last year's total stands for the whole split
        value = current.get(metric, getattr(fig, metric, None))
        if value is not None:
            out[metric] = (value - deltas[metric]) * scale
    if "basic" in out and ("personnel" in out or "public" in out):
        del out["basic"]
    _one_unread(deltas, "tp_vehicle", ("tp_vehicle_purchase", "tp_vehicle_operation"))
    _one_unread(deltas, "tp_total", tuple(f"tp_{k}" for k in THREE_PUBLIC_LEAVES))
    if all(f"tp_{k}" in deltas for k in THREE_PUBLIC_LEAVES):
        out["three_public"] = {k: (getattr(fig.three_public, k) - deltas[f"tp_{k}"]) * scale for k in THREE_PUBLIC_LEAVES}
    if "operating_costs" in deltas:
        out["operating_costs"] = (fig.operating_costs - deltas["operating_costs"]) * scale
    return out


def _one_unread(deltas: dict[str, Decimal], whole: str, parts: tuple[str, ...]) -> None:
    """A part's change from the whole's and the other parts' (e.g. 公务接待费 whose sentence did not match)."""
    missing = [p for p in parts if p not in deltas]
    if whole in deltas and len(missing) == 1:
        deltas[missing[0]] = deltas[whole] - sum((deltas[p] for p in parts if p in deltas), ZERO)
