"""Texts written by people: template leftovers and years that are not the report's."""

from __future__ import annotations

import re
from typing import Any, Iterable

from generator.check.run import rule
from generator.errors import Issue, error, warning
from generator.read.load import Loaded
from generator.check.common import Path_, shown

INSTRUCTIONS = (
    r"[XＸ]{2,}",
    r"×{2,}",
    r"…{2,}",  # blanks
    r"请依据",
    r"请结合[^。；]{0,40}(?:编报|填报|填写|说明)",
    r"请选择",
    r"请填写",
    r"请在此",
    r"待填写",
    r"待补充",
    r"根据本部门[^。；]{0,40}补充",
    r"\{[^{}]{0,12}[\u4e00-\u9fff][^{}]{0,12}\}",  # {单位}
)
"""Blanks and instructions of a template or a form left in a published text: the one list the checks use."""
PLACEHOLDER = re.compile("|".join(INSTRUCTIONS))

BUDGET_YEAR = re.compile(r"(\d{4})\s*年\s*(?:部门)?预算")
"""“2022 年预算”, “2022 年部门预算”: in a report for another year, usually a copied sentence."""

PLANNED = re.compile(r"(\d{4})\s*年\s*(?:拟|计划)")
"""“2022 年拟…”: a plan for a year that is already over."""


def human_texts(report: Any) -> Iterable[tuple[Path_, str]]:
    """Every free text of the data that prints as written: texts, reasons, descriptions and notes."""
    for key, value in report.texts.items():
        yield ("texts", key), value
    for key, value in report.reasons:
        if value:
            yield ("reasons", key), value
    for i, project in enumerate(getattr(report, "projects", None) or []):
        if project.description:
            yield ("projects", i, "description"), project.description
    for i, item in enumerate(getattr(report, "class_budgets", None) or []):
        for key in ("use", "reason"):
            if getattr(item, key):
                yield ("class_budgets", i, key), getattr(item, key)
    for i, use in enumerate(getattr(report, "project_uses", None) or []):
        yield ("project_uses", i, "text"), use.text


def printed_texts(report: Any, profile: Any) -> Iterable[tuple[Path_, str]]:
    """The free texts of the data that the report prints: ``texts`` its sentences use, reasons they ask for, and the rest."""
    if profile is None:
        yield from human_texts(report)
        return
    from generator.present.profile import texts_used

    used = texts_used(profile)
    asked = profile.model_dump_json()
    for path, text in human_texts(report):
        if path[0] == "texts" and path[1] not in used:
            continue
        if path[0] == "reasons" and str(path[1]) not in asked:
            continue  # a reason no sentence of the profile can ask for (its figure's name appears nowhere)
        yield path, text


@rule
def placeholders(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """A template's blank (XX, ××, ……) or instruction (请依据…, 请结合…编报, 请填写, {单位} …) left in a text."""
    for path, text in printed_texts(loaded.report, profile):
        match = PLACEHOLDER.search(text)
        if match:
            yield error(loaded.positions.pos(path), f"文字中留有模板占位或填写说明“{shown(match.group(0))}”，请替换为实际内容", "placeholders")


@rule
def other_years(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """A text speaking of another year's budget, or of plans for a year already past."""
    year = loaded.report.year
    for path, text in printed_texts(loaded.report, profile):
        for match in BUDGET_YEAR.finditer(text):
            if int(match.group(1)) != year:
                yield warning(loaded.positions.pos(path), f"文字提到“{shown(match.group(0))}”，而本报告是 {year} 年的，请核对年份", "other_years")
        for match in PLANNED.finditer(text):
            if int(match.group(1)) < year:
                yield warning(
                    loaded.positions.pos(path), f"文字说“{shown(match.group(0))}”，{match.group(1)} 年在本报告（{year} 年）之前，请核对年份", "other_years"
                )


@rule
def prior_year_labels(loaded: Loaded, profile: Any) -> Iterable[Issue]:
    """The whole-department form's prior-year columns are the years just before the report's, in order."""
    report = loaded.report
    form = getattr(report, "whole_form", None)
    priors = form.prior_years if form else []
    expected = range(report.year - len(priors), report.year)
    for i, (prior, want) in enumerate(zip(priors, expected)):
        years = [int(y) for y in re.findall(r"\d{4}", prior.label)]
        if years and years[0] != want:
            span = "、".join(str(y) for y in expected)
            yield warning(
                loaded.positions.pos(("whole_form", "prior_years", i, "label")),
                f"前几年预算应依次为 {span} 年，此处为“{shown(prior.label)}”（应为 {want} 年）",
                "prior_year_labels",
            )
