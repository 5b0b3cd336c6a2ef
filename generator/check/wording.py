"""Texts people write, as the report prints them: punctuation, repeated words, names, dates, units, reasons.

Each rule reads only the texts the report prints (``printed_texts``): a key of ``texts``
that no sentence of the profile uses, or a reason it never asks for, is not looked at.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Iterable

from generator.check.common import Path_, shown
from generator.check.run import rule
from generator.check.texts import printed_texts
from generator.errors import Issue, error, warning
from generator.read.load import Loaded

PUNCTUATION = "。，；、：！？"
"""Marks that end or part a clause: two of them side by side are one too many (“。。”, “，；”)."""
_DOUBLED = re.compile(f"[{PUNCTUATION}][{PUNCTUATION}]")
_LEADING = re.compile(f"^[{PUNCTUATION}]")

_REPEATED = re.compile(r"([\u4e00-\u9fff]{2,6})\1")
"""The same word twice over (落实落实)."""
REPEAT_ALLOWED = ("研究研究", "看一看", "谢谢")
"""Doubled words that are Chinese usage, not slips."""

_NAME_BLANK = re.compile(r"[XxＸｘ]{2,}|×{2,}|某某|〇〇|○○")
"""A template's blank for a name (XX单位, ××局)."""

_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")

_AMOUNT_UNIT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|千元|元)")


def _texts(loaded: Loaded, profile: Any) -> list[tuple[Path_, str]]:
    return list(printed_texts(loaded.report, profile))


@rule
def punctuation(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """Two clause marks side by side (。。 ，； 、。), or a text that opens with one (it follows a sentence's words)."""
    for path, text in _texts(loaded, profile):
        match = _DOUBLED.search(text)
        if match:
            yield error(loaded.positions.pos(path), f"标点重复或冲突“{match.group(0)}”：{_around(text, match)}", "punctuation")
        elif _LEADING.search(text.strip()):
            yield error(loaded.positions.pos(path), f"文字以标点“{text.strip()[0]}”开头，接在句子后会出现重复标点：{_around(text, None)}", "punctuation")


@rule
def repeated_words(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """The same word twice in a row (落实落实)."""
    for path, text in _texts(loaded, profile):
        for match in _REPEATED.finditer(text):
            if not any(ok in text[max(0, match.start() - 2) : match.end() + 2] for ok in REPEAT_ALLOWED):
                yield warning(loaded.positions.pos(path), f"词语重复“{match.group(0)}”：{_around(text, match)}", "repeated_words")
                break


@rule
def blank_names(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """A name that is still a template's blank (XX, ××, 某某): the department's, a unit's, a project's."""
    report = loaded.report
    names: list[tuple[Path_, str]] = [(("department", "name"), report.department.name)]
    if report.department.table_name:
        names.append((("department", "table_name"), report.department.table_name))
    names += [(("department", "units", i, "name"), u.name) for i, u in enumerate(report.department.units)]
    names += [(("projects", i, "name"), p.name) for i, p in enumerate(getattr(report, "projects", None) or [])]
    names += [(("project_uses", i, "name"), u.name) for i, u in enumerate(getattr(report, "project_uses", None) or [])]
    for path, name in names:
        match = _NAME_BLANK.search(name or "")
        if match:
            yield error(loaded.positions.pos(path), f"名称中留有占位符“{match.group(0)}”：{shown(name)}（标题、表头处处印出这个名称）", "blank_names")


def _as_of_years(report: Any) -> tuple[int, ...]:
    """The years a stock date (截至…) of this report may be in: the budget's year before, or the final's own year."""
    return (report.year - 1, report.year) if report.kind == "budget" else (report.year, report.year + 1)


@rule
def date_years(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """Dates that do not fit the report's year: 截至 dates of assets and staff, and full dates in texts."""
    report = loaded.report
    fixed: list[tuple[Path_, str]] = []
    assets = getattr(report, "assets", None)
    if assets is not None and assets.as_of:
        fixed.append((("assets", "as_of"), assets.as_of))
    allowed = _as_of_years(report)
    for path, text in fixed:
        match = _DATE.search(str(text))
        if match and int(match.group(1)) not in allowed:
            span = "或".join(str(y) for y in allowed)
            yield warning(
                loaded.positions.pos(path),
                f"日期“{shown(match.group(0))}”与 {report.year} 年{'预算' if report.kind == 'budget' else '决算'}不符（应在 {span} 年）",
                "date_years",
            )
    for path, text in _texts(loaded, profile):
        for match in _DATE.finditer(text):
            if match.group(3) and not report.year - 2 <= int(match.group(1)) <= report.year + 1:
                yield warning(
                    loaded.positions.pos(path), f"文字中的日期“{shown(match.group(0))}”与本报告年度 {report.year} 年相距较远，请核对年份", "date_years"
                )
                break


@rule
def amount_units(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """An amount written in a unit other than the report's (3.58 元 in a 万元 report)."""
    if profile is None:
        return
    unit = profile.text.unit
    for path, text in _texts(loaded, profile):
        for match in _AMOUNT_UNIT.finditer(text):
            if match.group(2) != unit:
                yield warning(loaded.positions.pos(path), f"金额“{shown(match.group(0))}”的单位与报告（{unit}）不同，请换算为{unit}", "amount_units")
                break


@rule
def missing_reasons(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """A 类 whose 决算 differs from its 年初预算 by more than the profile's ``reason_threshold`` has a reason."""
    report = loaded.report
    if profile is None or report.kind != "final" or "class_executions" not in _profile_text(profile):
        return
    from generator.compute.final import function_tree

    actual = {node.code: node.values["total"] or Decimal(0) for node in function_tree(report.expenditure)}
    limit = Decimal(str(profile.reason_threshold))
    for i, item in enumerate(report.class_budgets):
        spent = actual.get(item.code, Decimal(0))
        budget = item.initial
        if round(spent, 2) == round(budget, 2) or (item.reason or "").strip():
            continue
        off = abs(spent - budget) / budget * 100 if budget else Decimal(100)
        if off > limit:
            yield warning(
                loaded.positions.pos(("class_budgets", i)),
                f"{item.code} 决算 {spent:.2f} 与年初预算 {budget:.2f} 相差 {off:.2f}%（超过 {limit}%），但没有填写原因 class_budgets[{i}].reason",
                "missing_reasons",
            )


def _profile_text(profile: Any) -> str:
    return profile.model_dump_json()


def _around(text: str, match: re.Match[str] | None, width: int = 12) -> str:
    """The words around a match, as a message quotes them."""
    if match is None:
        return f"“{shown(text[: width * 2])}…”"
    start, end = max(0, match.start() - width), min(len(text), match.end() + width)
    return f"“{'…' if start else ''}{shown(text[start:end])}{'…' if end < len(text) else ''}”"
