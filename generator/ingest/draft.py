"""A data file's values loaded as the toolkit loads any file, and the facts its profile prints from them."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from generator.ingest.writer import dump
from generator.present.context import table_labels
from generator.present.facts import Facts
from generator.present.profile import Profile, for_report


def load_data(data: dict[str, Any]) -> Any:
    """The report model of ``data`` (validated like a file on disk); raises DataErrors when it is not valid."""
    from generator.read.load import load_report

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{data.get('year', 2000)}-{data.get('kind', 'budget')}.yaml"
        path.write_text(dump(data, []), encoding="utf-8")
        return load_report(path).report


def facts_of(report: Any, profile: Profile) -> Facts:
    profile = for_report(profile, report)
    if report.kind == "budget":
        from generator.compute.budget import compute as compute_budget
        from generator.present.facts.budget import budget_facts

        return budget_facts(report, compute_budget(report), profile, table_labels(profile))
    from generator.compute.final import compute
    from generator.present.facts.final import final_facts

    return final_facts(report, compute(report, profile.execution_basis), profile, table_labels(profile))
