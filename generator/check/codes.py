"""Classification codes: their length, their place in the shipped code lists, names, duplicates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from generator.check.run import rule
from generator.codes import load as load_codes
from generator.codes import parent
from generator.errors import Issue, error, warning
from generator.read.load import Loaded
from generator.check.common import Path_, amt, shown

LIST_NAMES = {"function": "支出功能分类科目", "economic": "部门预算支出经济分类科目"}
LEVELS = {3: "类", 5: "款", 7: "项"}


@dataclass(frozen=True)
class CodeUse:
    """One code as the data writes it, with the name it prints under (if given there)."""

    path: Path_
    code: str
    kind: str
    """"function" or "economic"."""
    lengths: tuple[int, ...]
    name: str | None = None
    name_path: Path_ | None = None


def _rows(report: Any, key: str, kind: str, length: int) -> Iterable[CodeUse]:
    for i, row in enumerate(getattr(report, key, None) or []):
        name = getattr(row, "name", None)
        yield CodeUse((key, i, "code"), row.code, kind, (length,), name, (key, i, "name"))


def row_codes(report: Any) -> Iterable[CodeUse]:
    """Codes of table rows: function 项, economic 款, 类 of project spending and of 年初预算."""
    yield from _rows(report, "expenditure", "function", 7)
    yield from _rows(report, "gov_fund_expenditure", "function", 7)
    yield from _rows(report, "state_capital_expenditure", "function", 7)
    yield from _rows(report, "basic_economic", "economic", 5)
    yield from _rows(report, "project_economic", "economic", 3)
    yield from _rows(report, "class_budgets", "function", 3)


def all_codes(report: Any) -> Iterable[CodeUse]:
    """Row codes, the codes that make up 机关运行经费 items, and the keys of ``names``."""
    yield from row_codes(report)
    operating = report.operating_costs if report.kind == "budget" else None
    for i, item in enumerate(operating.items if operating else []):
        for j, code in enumerate(item.codes):
            yield CodeUse(("operating_costs", "items", i, "codes", j), code, "economic", (5,))
    for code, name in report.names.items():
        kind = "economic" if code.startswith("3") else "function"
        yield CodeUse(("names", code), code, kind, (3, 5) if kind == "economic" else (3, 5, 7), name, ("names", code))


def declared_codes(report: Any) -> dict[str, str]:
    """Codes the data file declares (``codes``) → their names."""
    return {c.code: c.name for c in report.codes}


def _levels(lengths: tuple[int, ...]) -> str:
    return "或".join(f"{n} 位（{LEVELS[n]}级）" for n in lengths)


@rule
def code_length(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """A function row is a 7-digit 项, an economic row a 5-digit 款, a class a 3-digit 类."""
    for use in all_codes(loaded.report):
        if len(use.code) not in use.lengths:
            yield error(
                loaded.positions.pos(use.path),
                f"科目编码“{use.code}”为 {len(use.code)} 位，此处应为 {_levels(use.lengths)}{LIST_NAMES[use.kind]}编码",
                "code_length",
            )


@rule
def code_in_list(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """Every code is in the shipped list and in use in the report's year."""
    year = loaded.report.year
    declared = declared_codes(loaded.report)
    for use in all_codes(loaded.report):
        if len(use.code) not in use.lengths:
            continue
        entry = load_codes(use.kind).get(use.code)
        where = loaded.positions.pos(use.path)
        if entry is None and use.code in declared:
            if use.path[0] != "names":
                yield warning(
                    where,
                    f"科目编码 {use.code}（{shown(declared[use.code])}）不在{LIST_NAMES[use.kind]}中，按数据文件 codes 中的声明使用，请核对编码",
                    "code_in_list",
                )
        elif entry is None:
            yield error(where, f"科目编码 {use.code} 不在{LIST_NAMES[use.kind]}中，请核对编码；确属有效科目时，在 codes 中声明其编码和名称", "code_in_list")
        elif not entry.valid_in(year):
            name = entry.name_in(year)
            when = f"{entry.until + 1} 年起已停用" if entry.until is not None and year > entry.until else f"{entry.since} 年起才设立"
            yield error(where, f"科目 {use.code} {name}自 {when}，{year} 年不能使用", "code_in_list")


@rule
def code_parent(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """The 类 and 款 above every row code are known (in the list, or named in ``names``)."""
    report = loaded.report
    declared = declared_codes(report)
    for use in row_codes(report):
        if len(use.code) not in use.lengths:
            continue
        up = parent(use.code)
        while up is not None:
            entry = load_codes(use.kind).get(up)
            if (entry is None or not entry.valid_in(report.year)) and up not in report.names and up not in declared:
                level = LEVELS.get(len(up), "")
                yield error(
                    loaded.positions.pos(use.path), f"科目 {use.code} 所属的{level} {up} 不在{LIST_NAMES[use.kind]}中（也未在 names 中给出名称）", "code_parent"
                )
                break
            up = parent(up)


def _plain(name: str) -> str:
    """A name without the differences that do not show as different words: bracket width, spaces."""
    return name.replace("(", "（").replace(")", "）").replace(" ", "").replace("\u3000", "")


@rule
def code_names(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """A printed name that differs from the code list's name for the report's year."""
    year = loaded.report.year
    for use in all_codes(loaded.report):
        entry = load_codes(use.kind).get(use.code)
        if entry is None or use.name is None or use.name_path is None:
            continue
        listed = entry.name_in(year)
        if _plain(use.name) == _plain(listed):
            continue
        old = [until for until, name in entry.renamed if name == use.name]
        note = f"（“{shown(use.name)}”是 {old[-1]} 年及以前的名称）" if old else ""
        yield warning(loaded.positions.pos(use.name_path), f"科目 {use.code} 印作“{shown(use.name)}”，{year} 年科目表名称为“{listed}”{note}", "code_names")


@rule
def duplicate_codes(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """A code given twice in one table (reported at the second occurrence)."""
    seen: dict[tuple[str, str], Path_] = {}
    for use in row_codes(loaded.report):
        table = str(use.path[0])
        first = seen.setdefault((table, use.code), use.path)
        if first != use.path:
            line = loaded.positions.pos(first).line
            yield error(loaded.positions.pos(use.path), f"科目编码 {use.code} 在 {table} 中重复出现（第一次在第 {line} 行）", "duplicate_codes")


@rule
def class_budget_codes(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """年初预算 is given for a class that the year's expenditure uses."""
    report = loaded.report
    spent = {row.code for row in report.expenditure}
    for i, item in enumerate(getattr(report, "class_budgets", None) or []):
        if not any(code.startswith(item.code) for code in spent):
            yield error(
                loaded.positions.pos(("class_budgets", i, "code")),
                f"年初预算科目 {item.code} 在本年支出（expenditure）中没有对应的项级科目",
                "class_budget_codes",
            )


@rule
def project_under_basic_item(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """行政运行/事业运行 reflect basic expenditure: project spending there is misfiled (unless the region books it there)."""
    report = loaded.report
    if profile is not None and profile.project_in_running_items:
        return
    for i, row in enumerate(report.expenditure):
        entry = load_codes("function").get(row.code)
        if entry is not None and entry.name_in(report.year) in ("行政运行", "事业运行") and row.project:
            yield warning(
                loaded.positions.pos(("expenditure", i, "project")),
                f"科目 {row.code} {entry.name_in(report.year)}反映基本支出，却列有项目支出 {amt(row.project)} 万元（项目支出通常列在一般行政管理事务等项）",
                "project_under_basic_item",
            )
