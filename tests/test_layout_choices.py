"""A department's own layout choices over its district profile: table options, summary classes, TOC wording."""

from __future__ import annotations

from generator.build import prepare
from generator.present.tables.grid import TableBlock

from .conftest import DATA

FINANCE = DATA / "putuo-finance" / "2024-final.yaml"
PLANNING = DATA / "putuo-planning" / "2024-final.yaml"


def table(doc, tid: str) -> TableBlock:  # type: ignore[no-untyped-def]
    def walk(blocks, sections):  # type: ignore[no-untyped-def]
        for b in blocks:
            if isinstance(b, TableBlock) and b.id == tid:
                return b
        for s in sections:
            found = walk(s.blocks, s.sections)
            if found:
                return found
        return None

    for part in doc.parts:
        found = walk(part.blocks, part.sections)
        if found:
            return found
    raise AssertionError(tid)


def texts(block: TableBlock) -> list[list[str]]:
    return [[c.text for c in r] for g in block.grids for r in g.rows]


def test_split_codes_are_one_departments_choice() -> None:
    finance, _ = prepare(FINANCE)
    planning, _ = prepare(PLANNING)
    # the finance bureau prints 类 | 款 | 项 in their own columns; planning, on the same profile, whole codes
    assert ["201", "06", "01"] in [r[:3] for r in texts(table(finance, "general"))]
    assert any(r[0] == "2120101" for r in texts(table(planning, "general")))
    basic = texts(table(finance, "basic"))
    assert any(r[:2] == ["302", "28"] and r[2] == "工会经费" for r in [row[4:8] for row in basic])


def test_summary_classes_of_the_department() -> None:
    finance, _ = prepare(FINANCE)
    planning, _ = prepare(PLANNING)
    f = [r[2] for r in texts(table(finance, "summary")) if r[2].endswith("支出")]
    p = [r[2] for r in texts(table(planning, "summary")) if r[2].endswith("支出")]
    assert "二十四、债务还本支出" in f
    assert "二十四、抗疫特别国债安排的支出" in p
    assert not any("债务还本" in x for x in p)


def test_toc_wording_differs_from_heading() -> None:
    doc, _ = prepare(PLANNING)
    toc = [e.text for e in doc.toc]
    assert "十一、其他重要事项说明" in toc
    headings = [s.number + s.title for p in doc.parts for s in p.sections]
    assert "十一、其他重要事项的情况说明" in headings
