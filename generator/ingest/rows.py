"""The rows of a recognised table: code, name and each keyed amount, with the page they stand on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from generator.ingest.cells import amount, is_blank_amount, leading_code, squash
from generator.ingest.tables import Table, column_key

_TOTAL = re.compile(r"^(合计|总计|本年收入合计|本年支出合计|支出合计|收入合计)$")


@dataclass
class ReadRow:
    table: Table
    page: int
    code: str
    name: str
    values: dict[str, Decimal] = field(default_factory=dict)
    printed: dict[str, str] = field(default_factory=dict)
    """The cell text of each value, as printed."""
    unread: dict[str, str] = field(default_factory=dict)
    """Cells of amount columns that print something other than a number."""

    @property
    def is_total(self) -> bool:
        return not self.code and bool(_TOTAL.match(self.name.replace(" ", "")))


def _code_columns(table: Table) -> list[int]:
    cols = []
    for i, path in enumerate(table.paths):
        if any("编码" in p for p in path) or (path and path[-1] in ("类", "款", "项", "类款项")):
            cols.append(i)
    return cols


def _name_column(table: Table, codes: list[int]) -> int | None:
    for i, path in enumerate(table.paths):
        if any("名称" in p for p in path) and i not in codes:
            return i
    nxt = (codes[-1] + 1) if codes else 0
    return nxt if nxt < len(table.paths) and column_key(table.kind, table.paths[nxt]) is None else None


def _keyed(table: Table, start: int = 0, stop: int | None = None) -> dict[int, str]:
    out = {}
    for i, path in enumerate(table.paths[start:stop], start=start):
        key = column_key(table.kind, path)
        if key:
            out[i] = key
    return out


def _cells(row: list[str | None], i: int) -> str:
    return (row[i] or "") if i < len(row) else ""


def _fill(row: ReadRow, raw: list[str | None], keyed: dict[int, str]) -> None:
    for i, key in keyed.items():
        text = _cells(raw, i)
        number = amount(text)
        if number is not None:
            row.values[key] = number
            row.printed[key] = squash(text)
        elif is_blank_amount(text):
            row.values.setdefault(key, Decimal(0))
        else:
            row.unread[key] = squash(text)


def function_rows(table: Table) -> list[ReadRow]:
    """Rows of a table by function 类/款/项 (codes whole, or split into 类 | 款 | 项)."""
    codes = _code_columns(table)
    name_col = _name_column(table, codes)
    keyed = _keyed(table)
    out: list[ReadRow] = []
    parts: list[str] = ["", "", ""]
    for page, raw in table.body:
        pieces = [squash(_cells(raw, i)) for i in codes]
        name = squash(_cells(raw, name_col)) if name_col is not None else ""
        if len(pieces) >= 2:
            for k, piece in enumerate(pieces[:3]):
                if piece.isdigit():
                    parts[k] = piece
                    for j in range(k + 1, 3):
                        parts[j] = parts[j] if j < len(pieces) and pieces[j].isdigit() else ""
            code = "".join(p for p in parts[: len(pieces)]) if any(p.isdigit() for p in pieces) else ""
            if pieces and not pieces[0].isdigit() and not any(p.isdigit() for p in pieces):
                code = ""
            first = pieces[0]
            if not code and first and not first.isdigit():
                name = name or first
        else:
            code = pieces[0] if pieces else ""
            if not code.isdigit():
                lead, rest = leading_code(code or name)
                name = name or (rest if lead else code)
                code = lead
        if not code and not name:
            label = next((squash(c) for c in raw if c and amount(c) is None and squash(c)), "")
            name = label
        if not code and not name:
            continue
        row = ReadRow(table, page, code if code.isdigit() else "", name)
        _fill(row, raw, keyed)
        out.append(row)
    return out


def economic_rows(table: Table) -> list[ReadRow]:
    """Rows of a table by economic 类/款, possibly printed in side-by-side blocks (人员经费 | 公用经费)."""
    codes = _code_columns(table)
    if not codes:
        return function_rows(table)
    starts = [c for c in codes if c == 0 or c - 1 not in codes]
    blocks = [(s, starts[k + 1] if k + 1 < len(starts) else len(table.paths)) for k, s in enumerate(starts)]
    out: list[ReadRow] = []
    for start, stop in blocks:
        block_codes = [c for c in codes if start <= c < stop]
        names = [i for i in range(start, stop) if i not in block_codes and any("名称" in p for p in table.paths[i])]
        name_col = names[0] if names else block_codes[-1] + 1
        keyed = _keyed(table, start, stop)
        cls = ""
        for page, raw in table.body:
            pieces = [squash(_cells(raw, i)) for i in block_codes]
            if len(pieces) == 2 and pieces[0].isdigit():
                cls = pieces[0]
                code = pieces[0] + pieces[1] if pieces[1].isdigit() else pieces[0]
            elif len(pieces) == 2 and pieces[1].isdigit() and cls:
                code = cls + pieces[1]
            else:
                code = "".join(pieces)
            name = squash(_cells(raw, name_col))
            if not code.isdigit():
                lead, rest = leading_code(code or name)
                code, name = lead, (name or rest)
            if not code and not name:
                continue
            row = ReadRow(table, page, code, name)
            _fill(row, raw, keyed)
            if row.values or row.unread or code:
                out.append(row)
    return out


def label_rows(table: Table) -> list[ReadRow]:
    """Rows of a two-sided summary table (收入 | 支出): each side's label and its amount columns."""
    labels = [i for i, p in enumerate(table.paths) if column_key(table.kind, p) is None and not any(x in ("行次", "栏次") for x in p)]
    out: list[ReadRow] = []
    for k, start in enumerate(labels):
        stop = labels[k + 1] if k + 1 < len(labels) else len(table.paths)
        keyed = _keyed(table, start + 1, stop)
        if not keyed:
            continue
        side = "支出" if any("支出" in p for p in table.paths[start]) else "收入"
        for page, raw in table.body:
            name = squash(_cells(raw, start))
            if not name:
                continue
            lead, rest = leading_code(name)
            row = ReadRow(table, page, lead, rest if lead else name)
            row.printed["side"] = side
            _fill(row, raw, keyed)
            out.append(row)
    return out
