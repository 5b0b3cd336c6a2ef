"""Final-account figures against hand calculations from the published report's correct numbers (江岸区 2023 决算)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from generator.compute.change import Execution
from generator.compute.final import Evaluation, FinalFigures, ScoredGroup, compute
from generator.read.load import load_report
from generator.model.performance import ScoredIndicator
from generator.zh.numbers import fmt_amount, fmt_pct

from .conftest import EXAMPLES


@pytest.fixture(scope="module")
def fig() -> FinalFigures:
    return compute(load_report(EXAMPLES["jiangan-2023-final"]).report)


def test_totals_and_basic_split(fig: FinalFigures) -> None:
    assert (fig.total, fig.basic, fig.project) == (D("2019.84"), D("1399.78"), D("620.06"))
    assert (fig.personnel, fig.public) == (D("1337.39"), D("62.39"))  # 1218.57 + 118.82; 302 items
    assert fig.personnel + fig.public == fig.basic


def test_subtotals_where_the_published_report_printed_wrong_ones(fig: FinalFigures) -> None:
    assert fig.econ_amounts["303"] == D("118.82")  # 76.67 + 15.16 + 22.17 + 4.82 (published: 118.81)
    assert fig.class_total("221") == D("177.63")  # 113.51 + 22.64 + 41.48 (published: 177.64)
    assert fig.initial_total == D("1397.59")  # 1073.44 + 62.34 + 94.79 + 0 + 167.02 (published: 1397.58)
    assert sum((fig.class_total(c) for c in ("201", "208", "210", "213", "221")), D(0)) == fig.total


def test_change_on_last_year_is_over_last_years_base(fig: FinalFigures) -> None:
    change = fig.change("total")
    assert change is not None and change.delta == D("73.61")
    assert fmt_pct(change.rate) == "3.78%"  # 73.61 / 1946.23, not the published "0.04%"
    operating = fig.change("operating_costs")
    assert operating is not None and operating.delta == D("-19.69") and fmt_pct(operating.rate) == "-23.99%"


def test_execution_against_initial_budget(fig: FinalFigures) -> None:
    assert fmt_pct(fig.general_execution.rate) == "144.52%"
    rates = {c.code: fmt_pct(c.execution.rate) for c in fig.classes}
    assert rates == {"201": "102.69%", "208": "224.57%", "210": "105.39%", "213": "", "221": "106.35%"}
    assert next(c for c in fig.classes if c.code == "213").execution.rate is None  # 年初预算 0: no rate


def test_three_public(fig: FinalFigures) -> None:
    tp = fig.three_public
    assert (tp.budget.total, tp.actual.total) == (D("2.52"), D("2.44"))  # 1.82 + 0.28 + 0.34
    assert fmt_pct(tp.execution("total").rate) == "96.83%"
    assert fmt_pct(tp.execution("vehicle").rate) == "11.11%"
    assert tp.execution("outbound").rate is None and tp.execution("reception").rate is None
    expected = {"total": ("-0.34", "-12.23%"), "vehicle": ("-1.61", "-85.19%"), "reception": ("-0.55", "-61.80%")}
    for item, (delta, rate) in expected.items():
        change = tp.change(item)
        assert change is not None and (fmt_amount(change.delta), fmt_pct(change.rate)) == (delta, rate)
    outbound = tp.change("outbound")
    assert outbound is not None and outbound.is_new


def test_procurement_and_evaluation_coverage(fig: FinalFigures) -> None:
    assert fig.procurement.total == D("2.18") and fig.procurement.sme == D("2.18")
    assert fig.evaluated == D("500") and fmt_pct(fig.evaluated / fig.project) == "80.64%"
    assert sum(fig.project_uses, D(0)) == fig.project  # 120.06 + 500


def test_self_evaluation_scores(fig: FinalFigures) -> None:
    whole = fig.whole
    assert whole is not None
    assert whole.execution.budget == D("1397.59") and fmt_pct(whole.execution.rate) == "144.52%"
    assert whole.execution_score == D(20)  # 20 × min(144.52%, 100%)
    assert whole.goals_weight == D(80) and whole.total == D(100)
    (project,) = fig.projects
    assert fmt_pct(project.execution.rate) == "100.00%" and project.execution_score == D(20)
    assert [g.score for g in project.groups] == [D(40), D(20), D(20)] and project.total == D(100)


def _indicator(score: str) -> ScoredIndicator:
    return ScoredIndicator(level1="产出指标", level2="数量指标", level3="x", target="t", actual="a", score=D(score))


def test_score_is_weight_times_rate_capped_at_the_weight() -> None:
    group = ScoredGroup("产出指标", D(10), [_indicator("6"), _indicator("6")])
    assert group.score == D(10)  # 12 is capped at the group's weight
    under = Evaluation(Execution(D(500), D(450)), D(20), [group])
    assert under.execution_score == D(18) and under.total == D(28)
    assert Evaluation(Execution(D(0), D(5)), D(20), [group]).execution_score == D(0)
