"""Last year's figures of a final account, from the change its sentences print (增加/减少 X 万元, 持平)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from generator.ingest.sentences import Found

_CHANGE = re.compile(r"^(增加|减少|增长|下降|持平)([\d,]+(?:\.\d+)?)?")
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
    m = _CHANGE.match(text.replace(" ", ""))
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
