"""Where each printed cell of a grid sits once its row and column spans are taken into account.

Shared by the formats that place cells on a fixed lattice (spreadsheets, CSV, Word tables);
HTML leaves this to the browser.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.present.tables.grid import Cell, Grid, TableBlock


@dataclass(frozen=True)
class Placed:
    row: int
    col: int
    cell: Cell
    header: bool


def place(grid: Grid) -> tuple[list[Placed], int, int]:
    """Every cell of the header rows then the body rows at its (row, col), 0-based; and the lattice's height and width."""
    taken: set[tuple[int, int]] = set()
    placed: list[Placed] = []
    rows = [(r, True) for r in grid.header] + [(r, False) for r in grid.rows]
    width = 0
    for i, (row, is_header) in enumerate(rows):
        col = 0
        for cell in row:
            while (i, col) in taken:
                col += 1
            placed.append(Placed(i, col, cell, is_header))
            for dr in range(max(cell.rowspan, 1)):
                for dc in range(max(cell.colspan, 1)):
                    taken.add((i + dr, col + dc))
            col += max(cell.colspan, 1)
        width = max(width, col)
    width = max([width] + [c + 1 for _, c in taken])
    return placed, len(rows), width


def plain(cell: Cell) -> str:
    """A cell's text, an amount without thousands separators (1234.50, not 1,234.50) so that it reads as a number."""
    if cell.value is not None and cell.value != 0:
        return f"{cell.value:.2f}"
    return cell.text


def lattice(grid: Grid) -> list[list[str]]:
    """The grid as rows of equal length: each text in its top-left place, blanks where a span covers."""
    placed, height, width = place(grid)
    out = [[""] * width for _ in range(height)]
    for p in placed:
        out[p.row][p.col] = plain(p.cell)
    return out


def text_width(text: str) -> int:
    """How wide a text prints, counting a Chinese character as two Latin ones."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def table_heading(block: TableBlock) -> str:
    """A numbered table as a heading names it: 公开表1 部门收支总表."""
    return " ".join(t for t in (block.label, block.title) if t)
