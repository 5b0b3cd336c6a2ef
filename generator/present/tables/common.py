"""Pieces shared by table builders: classification trees as rows, names, empty tables."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Sequence

from generator.codes import load as load_codes
from generator.compute.tree import Node
from generator.present.tables.grid import Cell, Grid, Money, head, label, num


@dataclass(frozen=True)
class Namer:
    """Printed names of codes: the data's own names first, then the shipped code list."""

    year: int
    overrides: dict[str, str]

    @classmethod
    def of(cls, report: Any) -> "Namer":
        """The names a report prints: its rows' own names and its ``names`` overrides."""
        names: dict[str, str] = {c.code: c.name for c in report.codes}
        for rows in (report.expenditure, report.basic_economic, report.gov_fund_expenditure, report.state_capital_expenditure):
            names.update({r.code: r.name for r in rows if r.name})
        names.update(report.names)
        return cls(report.year, names)

    def __call__(self, code: str) -> str:
        if code in self.overrides:
            return self.overrides[code]
        kind = "economic" if code[:1] == "3" else "function"
        return load_codes(kind).name(code, self.year) or code


SPLITS = {"function": (3, 5, 7), "economic": (3, 5)}
"""Where a code splits into its 类 | 款 | 项 columns, by classification."""
SPLIT_HEADS = ("类", "款", "项")


def split_code(code: str) -> list[str]:
    """ "2011301" → ["201", "13", "01"]; "20113" → ["201", "13", ""]; economic "30101" → ["301", "01"]."""
    ends = SPLITS["economic" if code[:1] == "3" else "function"]
    parts, start = [], 0
    for end in ends:
        parts.append(code[start:end])
        start = end
    return parts


def code_width(split: bool, economic: bool = False) -> int:
    """How many columns a table's codes take."""
    return len(SPLITS["economic" if economic else "function"]) if split else 1


def tree_header(
    code_head: str,
    name_head: str,
    columns: Sequence[str | Cell],
    split: bool = False,
    economic: bool = False,
    group: str | None = None,
    item_head: str = "项目",
) -> list[list[Cell]]:
    """Header rows of a classification table: code (one column, or 类 | 款 | 项 under it), name, the columns;
    with ``group``, a first row of ``item_head`` over code and name and ``group`` over the columns."""
    width = code_width(split, economic)
    depth = 2 if split else 1
    cols = [c if isinstance(c, Cell) else Cell(c, rowspan=depth) for c in columns]
    first = [Cell(code_head, colspan=width), Cell(name_head, rowspan=depth), *cols]
    rows = [first]
    if split:
        rows.append([Cell(h) for h in SPLIT_HEADS[:width]])
    if group:
        rows.insert(0, [Cell(item_head, colspan=width + 1), Cell(group, colspan=len(columns))])
    return rows


def tree_rows(
    roots: Sequence[Node],
    namer: Namer,
    columns: Sequence[str],
    money: Money | Sequence[Money],
    code_cell: bool = True,
    skip_zero: bool = False,
    split: bool = False,
) -> list[list[Cell]]:
    """One row per 类/款/项 node: [code, or its 类 | 款 | 项 parts], name (indented by level), then each column
    (in its own money style if a list is given)."""
    moneys = [money] * len(columns) if isinstance(money, Money) else list(money)
    rows = []
    for root in roots:
        for node in root.walk():
            values = [node.values.get(c) for c in columns]
            if skip_zero and all(not v for v in values):
                continue
            if split:
                cells = [Cell(part, cls=f"code level{node.level}") for part in split_code(node.code)]
            else:
                cells = [Cell(node.code, cls=f"code level{node.level}")] if code_cell else []
            name = namer(node.code) if code_cell else f"{node.code}{namer(node.code)}"
            cells.append(label(name, node.level, strong=node.level == 0))
            cells.extend(m.cell(v) for m, v in zip(moneys, values))
            rows.append(cells)
    return rows


def total_row(title: str, values: Sequence[Decimal | None], money: Money, span: int = 2) -> list[Cell]:
    return [Cell(title, colspan=span, cls="name total")] + [money.cell(v) for v in values]


def with_total(rows: list[list[Cell]], total: list[Cell], at: str = "top") -> list[list[Cell]]:
    """The 合计 row first (``top``, the default) or last (``bottom``)."""
    return rows + [total] if at == "bottom" else [total] + rows


def empty_total(title: str, span: int, amounts: int) -> list[Cell]:
    """The one row of a table without data: its 合计 with nothing in it (no blank filler row)."""
    return [Cell(title, colspan=span, cls="name total")] + [Cell("", cls="num") for _ in range(amounts)]


UNIT_COLUMNS = {"支出合计": "spending", "基本支出": "basic", "项目支出": "project"}
"""The figures 单位构成 prints for units with figures of their own."""


def units_grids(report: Any, totals: Sequence[tuple[str, dict[str, Decimal]]] = (), money: Money | None = None, whole: Any = None) -> list[Grid]:
    """单位构成: 序号 | 单位名称 | 备注, one row per unit of the department, in the data's order;
    with each unit's spending when units carry figures of their own, and the department's (``whole``, its ledger)."""
    figures = dict(totals)
    if not figures or money is None:
        rows = [[Cell(str(i + 1)), label(u.name), Cell(u.note or "")] for i, u in enumerate(report.department.units)]
        return [Grid([head("序号", "单位名称", "备注")], rows, cols=[10, 60, 30], cls="form")] if rows else []
    rows = []
    for i, u in enumerate(report.department.units):
        values = figures.get(u.name, {})
        rows.append([Cell(str(i + 1)), label(u.name), Cell(u.note or "")] + [money.cell(values.get(k)) if values else num("") for k in UNIT_COLUMNS.values()])
    rows.append([Cell("合计", colspan=3, cls="name total")] + [money.cell(whole.total(k)) for k in UNIT_COLUMNS.values()])
    return [Grid([head("序号", "单位名称", "备注", *UNIT_COLUMNS)], rows, cols=[8, 40, 16, 12, 12, 12], cls="form")]
