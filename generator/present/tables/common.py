"""Pieces shared by table builders: classification trees as rows, names, empty tables."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Sequence

from generator.codes import load as load_codes
from generator.compute.tree import Node
from generator.present.tables.grid import Cell, Grid, Money, head, label


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


def tree_rows(
    roots: Sequence[Node],
    namer: Namer,
    columns: Sequence[str],
    money: Money | Sequence[Money],
    code_cell: bool = True,
    skip_zero: bool = False,
) -> list[list[Cell]]:
    """One row per 类/款/项 node: [code], name (indented by level), then each column (in its own money style if a list is given)."""
    moneys = [money] * len(columns) if isinstance(money, Money) else list(money)
    rows = []
    for root in roots:
        for node in root.walk():
            values = [node.values.get(c) for c in columns]
            if skip_zero and all(not v for v in values):
                continue
            cells = [Cell(node.code, cls=f"code level{node.level}")] if code_cell else []
            name = namer(node.code) if code_cell else f"{node.code}{namer(node.code)}"
            cells.append(label(name, node.level, strong=node.level == 0))
            cells.extend(m.cell(v) for m, v in zip(moneys, values))
            rows.append(cells)
    return rows


def total_row(title: str, values: Sequence[Decimal | None], money: Money, span: int = 2) -> list[Cell]:
    return [Cell(title, colspan=span, cls="name total")] + [money.cell(v) for v in values]


def empty_row(width: int) -> list[Cell]:
    return [Cell("", colspan=width, cls="empty")]


def units_grids(report: Any) -> list[Grid]:
    """单位构成: 序号 | 单位名称 | 备注, one row per unit of the department, in the data's order."""
    rows = [[Cell(str(i + 1)), label(u.name), Cell(u.note or "")] for i, u in enumerate(report.department.units)]
    return [Grid([head("序号", "单位名称", "备注")], rows, cols=[10, 60, 30], cls="form")] if rows else []
