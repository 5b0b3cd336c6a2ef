"""A text tied to a function code that speaks of another 类 or 款 (221 住房保障 described as 医疗保险).

Only names that denote one part of the classification and nothing else are looked for: the 类's own
names (“卫生健康支出”) and the few words of a budget that always sit in one place (医疗保险 in 210,
住房公积金 in 22102 …). Generic words (服务, 管理, 教育, 扶贫 …) are never looked for: a department's
work in one 类 speaks of many subjects, and a false alarm costs more than a missed slip.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable

from generator.check.common import Path_, shown
from generator.check.run import rule
from generator.check.texts import printed_texts
from generator.codes import load
from generator.errors import Issue, warning
from generator.read.load import Loaded

DISTINCT_TERMS: dict[str, tuple[str, ...]] = {
    # term: the codes (类 or 款) whose texts may use it
    "医疗卫生": ("210",),
    "卫生健康": ("210",),
    "医疗保险": ("210", "209", "20801"),
    "医保": ("210", "209", "20801"),
    "公务员医疗补助": ("210",),
    "公立医院": ("210",),
    "养老保险": ("208", "209"),
    "职业年金": ("208",),
    "社会保障和就业": ("208",),
    "住房公积金": ("221",),
    "购房补贴": ("221",),
    "提租补贴": ("221",),
    "住房保障": ("221", "21908"),
    "住房改革": ("221",),
    "保障性安居工程": ("221",),
}
"""The one list of words that place a text in one 类 (or 款): each word with the codes it belongs to.

A 类's full names (current and former, “住房保障支出”) are added from the code list."""


@lru_cache(maxsize=None)
def _terms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every distinctive word with its codes, longest first (so 卫生健康支出 is reported, not 卫生健康)."""
    terms = dict(DISTINCT_TERMS)
    for code, entry in load("function").entries.items():
        if len(code) != 3:
            continue
        for name in (entry.name, *(old for _, old in entry.renamed)):
            if name.endswith("支出") and len(name) >= 6 and not name.startswith("其他"):
                terms.setdefault(name, (code,))
    return tuple(sorted(terms.items(), key=lambda kv: -len(kv[0])))


def _belongs(code: str, places: tuple[str, ...]) -> bool:
    """A text about ``code`` may use a word of ``places``: one is within the other (a 类's text covers its 款)."""
    return any(code.startswith(p) or p.startswith(code) for p in places)


def foreign_term(code: str, text: str) -> tuple[str, tuple[str, ...]] | None:
    """The first word of ``text`` that denotes a part of the classification other than ``code``'s."""
    seen = text
    for term, places in _terms():
        if term not in seen:
            continue
        if not _belongs(code, places):
            return term, places
        seen = seen.replace(term, "　")  # a longer word that fits hides the shorter ones in it
    return None


def code_texts(report: Any, profile: Any) -> Iterable[tuple[Path_, str, str]]:
    """Texts tied to one function code that the report prints: (path, code, text)."""
    asked = profile.model_dump_json() if profile is not None else ""

    def prints(key: str) -> bool:
        return profile is None or "{" + key + "}" in asked

    for path, text in printed_texts(report, profile):
        if path[0] == "class_budgets":
            yield path, report.class_budgets[int(path[1])].code, text
    for key, text in report.texts.items():
        if key.startswith("project_use_") and text and prints("use"):  # a 项's 主要用于, keyed by its code
            yield ("texts", key), key.removeprefix("project_use_"), text
    for list_name in ("expenditure", "gov_fund_expenditure", "state_capital_expenditure"):
        for i, row in enumerate(getattr(report, list_name, None) or []):
            for key in ("use", "reason"):
                value = getattr(row, key, None)
                if value and prints(key):
                    yield (list_name, i, key), row.code, value


@rule
def other_class_terms(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """A use or reason of a 类/项 that names another 类 (a 住房保障 row “用于医疗保险”)."""
    names = load("function")
    year = loaded.report.year
    for path, code, text in code_texts(loaded.report, profile):
        found = foreign_term(code, text)
        if found is None:
            continue
        term, places = found
        own = names.name(code[:3], year) or code[:3]
        other = "、".join(f"{p} {names.name(p, year) or ''}".strip() for p in places)
        yield warning(
            loaded.positions.pos(path),
            f"{code}（{own}）的说明中出现“{shown(term)}”，这属于 {other}，请核对说明是否写错了科目：“{shown(text[:40])}{'…' if len(text) > 40 else ''}”",
            "other_class_terms",
        )
