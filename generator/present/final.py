"""The final-account disclosure (部门决算公开): figures, facts, tables and charts → Document."""

from __future__ import annotations

from typing import Any, Callable

from generator.present.charts import final_charts
from generator.present.compose import compose
from generator.compute.final import compute
from generator.present.context import make_document, table_labels
from generator.present.facts.final import final_facts
from generator.model import FinalReport
from generator.present.profile import Profile
from generator.present.tables.final import FinalTables, key_work_grids, project_evaluation_grids, whole_evaluation_grids
from generator.present.tables.common import units_grids
from generator.present.tables.grid import Money

CHARTS = ("chart_1", "chart_2", "chart_3", "chart_4")


def final_document(report: FinalReport, profile: Profile, draft: bool = False, vocabulary: bool = False) -> Any:
    fig = compute(report, profile.execution_basis)
    money = Money(profile.tables.thousands, profile.tables.zero, profile.tables.unit)
    t = FinalTables(report, fig, money, profile.table_options, profile.summary_classes)
    facts = final_facts(report, fig, profile, table_labels(profile))
    for table_id, formula in t.formulas().items():
        facts.set(f"formula.{table_id}", formula)
    builders: dict[str, Any] = {
        "summary": t.summary,
        "income": t.income,
        "expenditure": t.expenditure,
        "appropriation": t.appropriation,
        "general": t.general,
        "basic": t.basic,
        "gov_fund": t.gov_fund,
        "state_capital": t.state_capital,
        "three_public": t.three_public,
    }
    captions = {name: compose(profile.table_titles.get(name, ""), facts.values) for name in CHARTS}
    charts = final_charts(fig, report.year, captions)
    partials: dict[str, Callable[[], Any]] = {name: (lambda view=view: view) for name, view in charts.items()}  # type: ignore[misc]
    partials["whole_evaluation"] = lambda: whole_evaluation_grids(report, fig)
    partials["project_evaluations"] = lambda: project_evaluation_grids(report, fig, profile.table_options.get("project_evaluations", {}))
    partials["key_work_table"] = lambda: key_work_grids(report)
    partials["units"] = lambda: units_grids(report, fig.units, money.with_options(profile.table_options.get("units", {})), fig.ledger)
    return make_document(report, profile, facts, builders, partials, draft, vocabulary)
