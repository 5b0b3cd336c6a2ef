"""Standard tables recognised by their title and column headers, never by page position.

A printed table (``RawTable``: rows of cell texts) gets its title from the text just above it,
or continues the table before it when it has none (a table running over pages repeats its
header rows, which are dropped). Each column gets a key from its header path (the header cells
above it, most specific last), e.g. 本年支出 / 基本支出 → ``basic``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.ingest.cells import amount, squash
from generator.ingest.pdf import Line, RawTable

KINDS = {
    "summary": "收入支出总表",
    "income": "收入表",
    "expenditure": "支出表",
    "appropriation": "财政拨款收入支出总表",
    "general": "一般公共预算支出表",
    "basic": "一般公共预算基本支出表",
    "three_public": "“三公”经费支出表",
    "gov_fund": "政府性基金预算支出表",
    "state_capital": "国有资本经营预算支出表",
}
"""Every standard table the importer reads, with a plain name for messages."""

_UNIT = re.compile(r"单位[:：]\s*(万元|元)")


def kind_of(title: str) -> str | None:
    """The standard table a title names (None for any other table: forms, lists of units, projects)."""
    t = squash(title).replace("“", "").replace("”", "").replace('"', "")
    if not t.endswith(("表", "表（续）", "表(续)")) or "绩效" in t or "项目支出表" in t or "单位构成" in t:
        return None
    if "三公" in t:
        return "three_public"
    if "基本支出" in t:
        return "basic"
    if "政府性基金" in t:
        return "gov_fund"
    if "国有资本经营" in t:
        return "state_capital"
    if "一般公共预算" in t and "支出" in t:
        return "general"
    if "财政拨款收" in t:
        return "appropriation"
    if ("收入" in t and "支出" in t) or "收支" in t:
        return "summary"
    if "收入" in t:
        return "income"
    if "支出" in t:
        return "expenditure"
    return None


@dataclass
class Table:
    kind: str | None
    title: str
    page: int
    unit: str
    header: list[list[str | None]]
    body: list[tuple[int, list[str | None]]]
    """Each body row with the page it stands on."""
    paths: list[list[str]] = field(default_factory=list)
    grid: list[list[str]] = field(default_factory=list)
    """Every row of the table's first part with merged cells filled in (forms without codes read it)."""

    def col(self, key: str) -> int | None:
        for i, path in enumerate(self.paths):
            if column_key(self.kind, path) == key:
                return i
        return None


def _is_header_row(row: list[str | None]) -> bool:
    cells = [squash(c) for c in row if c]
    if not cells:
        return True
    if any(c in ("栏次", "行次") for c in cells) and all(c.isdigit() or not amount(c) for c in cells):
        return not any(amount(c) for c in cells if c not in ("栏次",) and not c.isdigit())
    if all(c.isdigit() and len(c) <= 2 for c in cells):
        return True  # column numbers 1 2 3 …
    if any(amount(c) is not None for c in cells):
        return False
    if any(re.match(r"^\d{3}", c) for c in cells):
        return False
    first = squash(row[0]) if row and row[0] else ""
    return not (first.replace(" ", "") in ("合计", "总计") or first.startswith("一、"))


def _split(rows: list[list[str | None]]) -> tuple[list[list[str | None]], list[list[str | None]]]:
    n = 0
    while n < len(rows) and n < 6 and _is_header_row(rows[n]):
        n += 1
    return rows[:n], rows[n:]


def header_paths(header: list[list[str]], width: int) -> list[list[str]]:
    """Each column's header labels from top to bottom (``header`` has merged cells filled in)."""
    paths: list[list[str]] = [[] for _ in range(width)]
    for row in header:
        for i in range(width):
            text = squash(row[i]) if i < len(row) else ""
            if text and (not paths[i] or paths[i][-1] != text):
                paths[i].append(text)
    return paths


_MONEY_KEYS = [
    ("年初结转", "carry_start"),
    ("上年结转", "carry_start"),
    ("年末结转", "carry_end"),
    ("结转下年", "carry_end"),
    ("人员经费", "personnel"),
    ("公用经费", "public"),
    ("基本支出", "basic"),
    ("项目支出", "project"),
    ("上缴上级", "to_upper"),
    ("附属单位补助", "to_subsidiary"),
    ("经营支出", "operating_spend"),
    ("上级补助", "income_upper_grant"),
    ("附属单位上缴", "income_subsidiary"),
    ("经营收入", "income_operating"),
    ("事业收入", "income_business"),
    ("其他收入", "income_other"),
    ("财政专户", "income_special_account"),
    ("单位资金", "income_unit_funds"),
    ("事业基金", "income_business_fund"),
    ("财政拨款收入", "income_appropriation"),
    ("一般公共预算", "general"),
    ("政府性基金", "gov_fund"),
    ("国有资本", "state_capital"),
    ("本年收入", "income"),
    ("决算数", "amount"),
    ("预算数", "amount"),
]
_TOTALS = ("合计", "总计", "小计", "本年收入合计", "本年支出合计", "本年支出")


_PARTS = ("basic", "project", "personnel", "public")


def _label_key(kind: str | None, label: str) -> str | None:
    if kind == "income":
        for word, fund in (("一般公共预算", "general"), ("政府性基金", "gov_fund"), ("国有资本", "state_capital")):
            if word in label:
                return f"income_{fund}"
    for word, key in _MONEY_KEYS:
        if word in label:
            return key
    return None


def column_key(kind: str | None, path: list[str]) -> str | None:
    """What a column holds, from its header labels, most specific first (小计 under 基本支出 is ``basic``)."""
    total = False
    for label in reversed(path):
        if label in ("栏次", "行次", "项目", "类", "款", "项", "类款项") or "编码" in label or "名称" in label:
            return "total" if total else None
        if label in _TOTALS:
            total = True
            continue
        key = _label_key(kind, label)
        if total:
            if key in _PARTS:
                return key
            continue
        if key:
            return key
    return "total" if total else None


def _title_above(lines: list[Line], table: RawTable, floor: float) -> tuple[str, str]:
    """The table's title (a line naming a table) and unit, from the lines above it on its page."""
    title, unit = "", ""
    for line in lines:
        if line.page != table.page or not (floor <= line.top < table.top):
            continue
        m = _UNIT.search(line.text)
        if m:
            unit = m.group(1)
        text = _UNIT.sub("", line.text).strip()
        if squash(text).removesuffix("（续）").removesuffix("(续)").endswith("表"):
            title = text
    return title, unit


def recognise(lines: list[Line], raw: list[RawTable]) -> list[Table]:
    """Every table with its title, kind, header and body; a table without a title continues the one before."""
    out: list[Table] = []
    floors: dict[int, float] = {}
    for t in raw:
        floor = floors.get(t.page, 0.0)
        floors[t.page] = t.bottom
        title, unit = _title_above(lines, t, floor)
        width = max(len(r) for r in t.rows)
        if not title and out and out[-1].paths and len(out[-1].paths) == width and t.page > out[-1].page - 1:
            prev = out[-1]
            rows = list(t.rows)
            while rows and rows[0] in prev.header:
                rows.pop(0)
            head, body = _split(rows) if rows and _is_header_row(rows[0]) else ([], rows)
            prev.body.extend((t.page, r) for r in body)
            continue
        header, body = _split(t.rows)
        table = Table(kind_of(title) if title else None, title, t.page, unit or "", header, [(t.page, r) for r in body])
        table.paths = header_paths(t.filled[: len(header)] if t.filled else [[c or "" for c in r] for r in header], width)
        table.grid = t.filled or [[c or "" for c in r] for r in t.rows]
        out.append(table)
    return out
