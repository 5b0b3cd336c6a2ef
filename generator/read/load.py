"""Load a data file into a typed report, taking last year's figures from its sibling file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import DataErrors, error
from generator.read.drafts import PLACEHOLDER, dotted, placeholders
from generator.model import BudgetReport, FinalReport
from generator.model.budget import BudgetPrevious
from generator.model.common import ThreePublic
from generator.model.money import UNIT_LISTS
from generator.model.final import FinalPrevious
from generator.read.sources import PositionMap, load_file
from generator.compute.units import department_of
from generator.read.validate import to_report


@dataclass(frozen=True)
class Loaded:
    path: Path
    report: Any  # BudgetReport | FinalReport
    positions: PositionMap
    previous_file: Path | None
    """Last year's data file, when it exists beside this one."""


def sibling(path: Path, year: int, kind: str) -> Path:
    return path.with_name(f"{year}-{kind}{path.suffix}")


def _budget_previous(prev: BudgetReport) -> BudgetPrevious:
    from generator.compute.budget import compute

    fig = compute(prev)
    tp = fig.three_public
    return BudgetPrevious(
        personnel=fig.personnel,
        public=fig.public,
        project=fig.project,
        three_public=ThreePublic(outbound=tp.outbound, vehicle_purchase=tp.vehicle_purchase, vehicle_operation=tp.vehicle_operation, reception=tp.reception),
        operating_costs=fig.operating_costs,
    )


def _final_previous(prev: FinalReport) -> FinalPrevious:
    from generator.compute.final import compute

    fig = compute(prev)
    return FinalPrevious(
        total=fig.grand_total,
        appropriation_total=fig.appropriation_grand_total,
        general=fig.total,
        income_total=fig.income_total,
        spending_total=fig.spending_total,
        general_income=fig.general_income,
        three_public=prev.three_public.actual,
        operating_costs=fig.operating_costs,
    )


def _unit_positions(report: Any, positions: PositionMap) -> None:
    """A department row summed from its units' rows is reported where its first unit row stands."""
    first: dict[tuple[str, str], tuple[int, int]] = {}
    for u, unit in enumerate(report.department.units):
        for key in UNIT_LISTS:
            for j, row in enumerate(getattr(unit, key)):
                first.setdefault((key, row.code), (u, j))
    if not first:
        return
    spots = dict(positions.spots)
    for key in UNIT_LISTS:
        for i, row in enumerate(getattr(report, key)):
            if (key, row.code) not in first or (key, i) in spots:
                continue
            u, j = first[(key, row.code)]
            prefix = ("department", "units", u, key, j)
            for path, spot in spots.items():
                if path[:5] == prefix:
                    positions.spots[(key, i, *path[5:])] = spot


def previous_from(report: Any) -> Any:
    return _budget_previous(report) if report.kind == "budget" else _final_previous(report)


def load_report(path: Path, _depth: int = 0) -> Loaded:
    """Parse and validate; fill ``previous`` from last year's file when the data leaves it out."""
    raw, positions = load_file(path)
    unfilled = placeholders(raw)
    if unfilled:
        raise DataErrors(
            [error(positions.pos(p), f"{dotted(p)}：尚未填写（把“{PLACEHOLDER}……”换成实际内容，用不到的项可删去）", "placeholder") for p in unfilled]
        )
    report = department_of(to_report(raw, positions))
    _unit_positions(report, positions)
    prev_path = sibling(path, report.year - 1, report.kind)
    has_prev_file = prev_path.is_file() and _depth == 0
    if report.previous is None:
        if not has_prev_file:
            raise DataErrors([error(positions.pos(("year",)), f"缺少上年数据：请填写 previous，或在同一文件夹放置上年数据文件 {prev_path.name}", "previous")])
        prev = load_report(prev_path, _depth + 1).report
        report = report.model_copy(update={"previous": previous_from(prev)})
    return Loaded(path, report, positions, prev_path if has_prev_file else None)
