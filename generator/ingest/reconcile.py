"""Leaves nudged by a rounding cent so that the totals the tables print are what the generator computes.

A report whose amounts were kept in 元 and printed in 万元 rounds every cell on its own: a row's
合计 can differ from 基本 + 项目 by 0.01, a 类 from its 款, the 功能分类 basic total from the 经济分类
one. The data file holds leaves only, and the checks want the tables to agree to the cent, so the
file written keeps each printed leaf except where one has to move by the rounding gap; the leaf that
moves is the one whose printed subtotal (in any table) shows the gap, else a 其他… (…99) leaf, else
the largest. Every move is listed in the file's header with its page. Amounts printed in 元 are
never moved, and no gap over ``TOLERANCE`` is closed: that is a real disagreement, left to the checks.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterable

from generator.ingest.assemble import Reading
from generator.ingest.rows import ReadRow

ZERO = Decimal(0)
TOLERANCE = Decimal("0.05")
"""The largest rounding gap closed, in 万元 (five cents: a few cells each rounded half a cent)."""


@dataclass
class Move:
    where: str
    code: str
    field: str
    printed: Decimal
    entered: Decimal
    page: int
    why: str

    def note(self) -> str:
        return f"第 {self.page} 页 {self.where} {self.code} {self.field}：印 {self.printed:.2f}，录为 {self.entered:.2f}（{self.why}）"


def _pick(entries: list[dict[str, Any]], key: str, gap: Decimal) -> dict[str, Any] | None:
    """The leaf to move: a 其他… leaf (…99) that stays non-negative, else the largest."""
    usable = [e for e in entries if (e.get(key) or ZERO) + gap >= 0 and (e.get(key) or ZERO) != 0]
    if not usable:
        return None
    others = [e for e in usable if e["code"].endswith("99")]
    return max(others or usable, key=lambda e: e.get(key) or ZERO)


def _small(gap: Decimal) -> bool:
    return gap != 0 and abs(gap) <= TOLERANCE


class Reconciler:
    def __init__(self, data: dict[str, Any], reading: Reading) -> None:
        self.data = data
        self.reading = reading
        self.moves: list[Move] = []
        self.split = any("personnel" in e for e in data.get("expenditure", []))

    # -- function 项 of the general fund -------------------------------------------------

    def general(self) -> list[dict[str, Any]]:
        return [e for e in self.data.get("expenditure", []) if "code" in e]

    def _move_function(self, entry: dict[str, Any], key: str, gap: Decimal, page: int, why: str) -> None:
        old = entry.get(key) or ZERO
        entry[key] = old + gap
        other = entry.get("other_funds")
        if isinstance(other, dict) and key in other and (other[key] or ZERO) - gap >= 0 and other[key]:
            other[key] = other[key] - gap  # the row of the 支出表 (all funds) keeps its printed figure
        printed = entry.get("appropriation_income")
        if printed is not None:
            own = sum((entry.get(k) or ZERO for k in ("basic", "project", "personnel", "public")), ZERO)
            if printed == own:
                del entry["appropriation_income"]
        self.moves.append(Move("一般公共预算财政拨款支出表", entry["code"], _FIELD.get(key, key), old, entry[key], page, why))

    def row_totals(self) -> None:
        """A 项 whose printed 合计 is not 基本 + 项目: the 合计 (printed by more tables) is kept."""
        parts = ("personnel", "public") if self.split else ("basic",)
        by_code = {e["code"]: e for e in self.general()}
        for row in self.reading.rows.get("general", []):
            entry = by_code.get(row.code)
            v = row.values
            if entry is None or "total" not in row.printed or "project" not in v:
                continue
            gap = v["total"] - v["project"] - sum((v.get(k, ZERO) for k in parts), ZERO)
            if _small(gap):
                key = max(parts, key=lambda k: entry.get(k) or ZERO)
                self._move_function(entry, key, gap, row.page, f"本行合计印 {v['total']:.2f}，基本支出与项目支出之和为 {v['total'] - gap:.2f}")

    def _printed_totals(self, key: str) -> list[ReadRow]:
        return [r for r in self.reading.rows.get("general", []) if r.is_total and key in r.printed]

    def _class_rows(self) -> Iterable[ReadRow]:
        for kind in ("general", "expenditure", "income", "summary", "appropriation"):
            for row in self.reading.rows.get(kind, []):
                if len(row.code) in (3, 5):
                    yield row

    def function_totals(self) -> None:
        """The basic and project columns' leaves add up to the 合计 the 一般公共预算 table prints.

        A column where a row's own 合计 already moved a leaf is left: that 合计 is printed by more tables."""
        keys = ("personnel", "public", "project") if self.split else ("basic", "project")
        moved = {m.field for m in self.moves}
        for key in keys:
            if _FIELD.get(key, key) in moved:
                continue  # a row's 合计, printed by more tables, already decided this column
            for total in self._printed_totals(key)[:1]:
                leaves = [e for e in self.general()]
                gap = total.values[key] - sum((e.get(key) or ZERO for e in leaves), ZERO)
                if not _small(gap):
                    continue
                entry, why = self._where(leaves, key, gap)
                if entry is not None:
                    self._move_function(entry, key, gap, total.page, f"表列合计印 {total.values[key]:.2f}，{why}")

    def _where(self, leaves: list[dict[str, Any]], key: str, gap: Decimal) -> tuple[dict[str, Any] | None, str]:
        """The leaf whose 类 or 款 some table prints off by the gap (a row rounded on its own), else any."""
        best: tuple[int, ReadRow] | None = None
        for row in self._class_rows():
            under = [e for e in leaves if e["code"].startswith(row.code)]
            if not under:
                continue
            sums = {sum((e.get(k) or ZERO for e in under), ZERO) for k in (key, "total")}
            sums.add(sum((sum((e.get(k) or ZERO for k in ("basic", "project", "personnel", "public")), ZERO) for e in under), ZERO))
            if any(s + gap in row.values.values() for s in sums) and (best is None or len(row.code) > best[0]):
                best = (len(row.code), row)
        if best is not None:
            row = best[1]
            entry = _pick([e for e in leaves if e["code"].startswith(row.code)], key, gap)
            if entry is not None:
                return entry, f"第 {row.page} 页 {row.code} {row.name} 印出的数与其末级之和相差 {abs(gap):.2f}"
        return _pick(leaves, key, gap), f"各末级之和相差 {abs(gap):.2f}"

    # -- economic 款 of basic expenditure -------------------------------------------------

    def economic(self) -> None:
        items = self.data.get("basic_economic", [])
        for row in self.reading.rows.get("basic", []):
            printed = _econ_value(row)
            if len(row.code) != 3 or printed is None:
                continue
            under = [e for e in items if e["code"].startswith(row.code)]
            gap = printed - sum((e["amount"] for e in under), ZERO)
            if _small(gap) and (entry := _pick(under, "amount", gap)) is not None:
                self._move_econ(entry, gap, row.page, f"{row.code} {row.name}印 {printed:.2f}，其各款之和为 {printed - gap:.2f}")
        if self.split or not items:
            return
        basic = sum((e.get("basic") or ZERO for e in self.general()), ZERO)
        gap = basic - sum((e["amount"] for e in items), ZERO)
        if _small(gap) and (entry := _pick(items, "amount", gap)) is not None:
            page = next((r.page for r in self.reading.rows.get("basic", [])), 0)
            self._move_econ(entry, gap, page, f"与功能分类基本支出合计 {basic:.2f} 相差 {abs(gap):.2f}")

    def _move_econ(self, entry: dict[str, Any], gap: Decimal, page: int, why: str) -> None:
        old = entry["amount"]
        entry["amount"] = old + gap
        self.moves.append(Move("基本支出表", entry["code"], "决算数" if self.data.get("kind") == "final" else "预算数", old, entry["amount"], page, why))


_FIELD = {"basic": "基本支出", "project": "项目支出", "personnel": "人员经费", "public": "公用经费"}


def _econ_value(row: ReadRow) -> Decimal | None:
    v = row.values
    value = v.get("total", v.get("amount", v.get("basic")))
    if value is None and ("personnel" in v or "public" in v):
        value = v.get("personnel", ZERO) + v.get("public", ZERO)
    return value


def reconcile(data: dict[str, Any], reading: Reading) -> tuple[dict[str, Any], list[Move]]:
    """A copy of ``data`` whose leaves give the printed totals (within rounding), and the moves made."""
    if data.get("unit") != "万元":
        return data, []
    out = copy.deepcopy(data)
    r = Reconciler(out, reading)
    r.row_totals()
    r.function_totals()
    r.economic()
    return out, r.moves
