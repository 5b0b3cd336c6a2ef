"""A department of several units: its rows are the sums of its units' rows, code by code."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from generator.compute.ledger import build_ledger
from generator.model.money import UNIT_LISTS


def _add(a: Any, b: Any) -> Any:
    """Two values of the same field: amounts add up (a missing one counts as none), models field by field,
    anything else (codes, names, texts) keeps the first given."""
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        if a is None or b is None:
            return a if b is None else b
        return a + b
    if isinstance(a, BaseModel) and isinstance(b, BaseModel):
        return type(a).model_construct(
            **{f: _add(getattr(a, f), getattr(b, f)) for f in type(a).model_fields}, _fields_set=a.model_fields_set | b.model_fields_set
        )
    return a if a not in (None, "", []) else b


def merge_rows(rows: list[Any]) -> list[Any]:
    """Rows of the same code added together, in the order codes first appear."""
    merged: dict[str, Any] = {}
    for row in rows:
        merged[row.code] = _add(merged[row.code], row) if row.code in merged else row
    return [_basic_once(r) for r in merged.values()]


def _basic_once(row: Any) -> Any:
    """A budget row whose units gave basic spending in different ways (basic / 人员+公用) keeps the sum as basic."""
    if getattr(row, "basic", None) is not None and (getattr(row, "personnel", None) is not None or getattr(row, "public", None) is not None):
        basic = row.basic + (row.personnel or Decimal(0)) + (row.public or Decimal(0))
        return row.model_copy(update={"basic": basic, "personnel": None, "public": None})
    return row


def department_of(report: Any) -> Any:
    """The report with the department's lists computed from its units' (unchanged when no unit has figures)."""
    units = report.department.units
    update = {key: merge_rows([row for u in units for row in getattr(u, key)]) for key in UNIT_LISTS if any(getattr(u, key) for u in units)}
    return report.model_copy(update=update) if update else report


def unit_totals(report: Any) -> list[tuple[str, dict[str, Decimal]]]:
    """Each unit with figures: its name and its 财政拨款 basic, project and total spending."""
    out = []
    for u in report.department.units:
        if not any(getattr(u, key) for key in UNIT_LISTS):
            continue
        led = build_ledger({"general": u.expenditure, "gov_fund": u.gov_fund_expenditure, "state_capital": u.state_capital_expenditure})
        out.append((u.name, {c: led.total(c) for c in ("spending", "basic", "project", "appropriation", "income")}))
    return out
