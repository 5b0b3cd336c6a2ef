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
        start = 0
        while start < len(grid) and sum(1 for c in grid[start] if squash(c)) <= 2:
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
