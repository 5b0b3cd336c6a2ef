"""disclosure import TABLES.xlsx: the toolkit's own Excel export of every example gives back its leaf figures exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import prepare
from generator.ingest.draft import load_data
from generator.ingest.previous import provisional
from generator.ingest.run import import_source
from generator.read.load import load_report
from tests.test_ingest import EXAMPLES, ROOT, _leaves

THREE = ("outbound", "vehicle_purchase", "vehicle_operation", "reception")


def _workbook(name: str, folder: Path) -> Path:
    from generator.render.xlsx import render_xlsx

    doc, _ = prepare(ROOT / "data" / name)
    path = folder / (Path(name).stem + ".xlsx")  # named like a department's file: 2024-final.xlsx
    path.write_bytes(render_xlsx(doc))
    return path


def _three_public(report: object) -> list:
    tp = report.three_public  # type: ignore[attr-defined]
    if report.kind == "final":  # type: ignore[attr-defined]
        return [[getattr(getattr(tp, side), k) for k in THREE] for side in ("budget", "actual")]
    return [getattr(tp, k) for k in THREE]


@pytest.mark.parametrize("name", EXAMPLES)
def test_workbook_round_trip(tmp_path: Path, name: str) -> None:
    original = load_report(ROOT / "data" / name).report
    imported = import_source(_workbook(name, tmp_path))
    assert imported.data["year"] == original.year
    assert imported.data["kind"] == original.kind
    # the workbook holds tables only: the texts a data file needs are filled in here to load it
    data = {**imported.data, "profile": original.profile, "overview": {"duties": ["…"]}}
    data.setdefault("previous", provisional() if original.kind == "final" else {})
    report = load_data(data)
    assert _leaves(report) == _leaves(original)
    assert report.carry_over == original.carry_over
    assert _three_public(report) == _three_public(original)
