"""Per kind of report: compute figures, facts and tables, then assemble the Document."""

from __future__ import annotations

from typing import Any

from generator.compute.budget import compute as compute_budget
from generator.present.context import make_document, table_labels
from generator.present.document import Document
from generator.present.facts.budget import budget_facts
from generator.model import BudgetReport
from generator.present.profile import Profile
from generator.present.tables.budget import BudgetTables
from generator.present.tables.forms import project_form_grids, stage_target_grids, whole_form_grids
from generator.present.tables.common import units_grids
from generator.present.tables.grid import Money


def budget_document(report: BudgetReport, profile: Profile, draft: bool = False, vocabulary: bool = False) -> Any:
    fig = compute_budget(report)
    facts = budget_facts(report, fig, profile, table_labels(profile))
    money = Money(profile.tables.thousands, profile.tables.zero, profile.tables.unit)
    t = BudgetTables(report, fig, money, profile.table_options, profile.summary_classes)
    unit = report.department.table_name or report.department.name
    builders: dict[str, Any] = {
        "summary_econ": t.summary_econ,
        "summary": t.summary,
        "income": t.income,
        "expenditure": t.expenditure,
        "appropriation_econ": t.appropriation_econ,
        "appropriation": t.appropriation,
        "appropriation_funds": t.appropriation_funds,
        "state_capital": t.state_capital,
        "general": t.general,
        "basic": t.basic,
        "three_public_rows": t.three_public_rows,
        "three_public_row": t.three_public_row,
        "gov_fund": t.gov_fund,
        "projects": t.projects,
        "stage_targets": lambda: stage_target_grids(report.projects, fig.project_amounts, report.year, unit),
        "project_forms": lambda: project_form_grids(report.projects, fig.project_amounts),
        "whole_form": lambda: (
            whole_form_grids(
                report.whole_form,
                report.department.name,
                report.year,
                [("人员类项目支出", fig.personnel), ("运转类项目支出", fig.public), ("特定目标类项目支出", fig.project)],
            )
            if report.whole_form
            else []
        ),
    }
    return make_document(
        report,
        profile,
        facts,
        builders,
        {"units": lambda: units_grids(report, fig.units, money.with_options(profile.table_options.get("units", {})), fig.ledger)},
        draft,
        vocabulary,
    )


def build_document(report: Any, profile: Profile, draft: bool = False) -> Document:
    if report.kind == "budget":
        return budget_document(report, profile, draft)
    from generator.present.final import final_document

    return final_document(report, profile, draft)


def vocabulary(report: Any, profile: Profile) -> Any:
    """What the profile may name for this report (``context.Vocabulary``): facts, lists, tables and partials."""
    if report.kind == "budget":
        return budget_document(report, profile, vocabulary=True)
    from generator.present.final import final_document

    return final_document(report, profile, vocabulary=True)
