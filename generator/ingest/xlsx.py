"""A 公开表 workbook (one sheet per table) as the same lines and tables a PDF gives; merged cells are filled."""

from __future__ import annotations

from pathlib import Path

from generator.ingest.pdf import ImportFailed, Line, RawTable, Source
from generator.ingest.cells import squash

MAX_CELLS = 200_000


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _is_caption(row: list[str]) -> bool:
    """A row above a table naming the department or the unit (编制部门：…, 单位：万元)."""
    cells = [squash(c) for c in row if squash(c)]
    return bool(cells) and all("：" in c or ":" in c for c in cells)


def _table_start(grid: list[list[str]]) -> int:
    """The first row of the table: the one after the caption row (部门：… 单位：…), when the sheet has one."""
    for k, row in enumerate(grid[:4]):
        if _is_caption(row):
            return k + 1
    return 0


def _labelled(grid: list[list[str]], k: int) -> bool:
    """A short row after the caption is the table's first header row (收入 | 支出), not a line of text."""
    return k > 0 and _is_caption(grid[k - 1])


def read_xlsx(path: Path) -> Source:
    try:
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=False, data_only=True)
    except Exception as exc:
        raise ImportFailed(f"{path} 不是可读取的 Excel 工作簿（{type(exc).__name__}）") from None
    lines: list[Line] = []
    tables: list[RawTable] = []
    cells = 0
    for number, sheet in enumerate(book.worksheets, start=1):
        grid = [[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        cells += sum(len(r) for r in grid)
        if cells > MAX_CELLS:
            raise ImportFailed(f"{path} 的单元格超过 {MAX_CELLS} 个，不像公开表工作簿")
        filled = [list(r) for r in grid]
        raw: list[list[str | None]] = [list(r) for r in grid]
        for rng in sheet.merged_cells.ranges:
            top = grid[rng.min_row - 1][rng.min_col - 1] if rng.min_row - 1 < len(grid) else ""
            for r in range(rng.min_row - 1, min(rng.max_row, len(grid))):
                for c in range(rng.min_col - 1, min(rng.max_col, len(grid[r]))):
                    filled[r][c] = top
                    if (r, c) != (rng.min_row - 1, rng.min_col - 1):
                        raw[r][c] = None
        start = _table_start(grid)
        for k in range(start):
            text = " ".join(c for c in grid[k] if squash(c))
            if text:
                lines.append(Line(number, float(k), 0.0, text))
        while start < len(grid) and sum(1 for c in grid[start] if squash(c)) <= 2 and not _labelled(grid, start):
            text = " ".join(c for c in grid[start] if squash(c))
            if text:
                lines.append(Line(number, float(start), 0.0, text))
            start += 1
        if start < len(grid):
            rows = raw[start:]
            width = max(len(r) for r in rows)
            tables.append(
                RawTable(
                    number,
                    float(start),
                    float(len(grid)),
                    [r + [""] * (width - len(r)) for r in rows],
                    [r + [""] * (width - len(r)) for r in filled[start:]],
                    pages=[number],
                )
            )
        if sheet.title and not any(squash(ln.text).endswith("表") for ln in lines if ln.page == number):
            lines.append(Line(number, -1.0, 0.0, sheet.title))
    lines.sort(key=lambda ln: (ln.page, ln.top))
    if not tables:
        raise ImportFailed(f"{path} 中没有任何表格")
    return Source(lines, tables, len(book.worksheets))
