"""Discrepancies of a published report: its tables against themselves and each other, its sentences
against the tables (generator.audit.tables, generator.audit.sentences).

Only figures that were read are compared: a cell or a sentence the importer could not read is
listed as unread, never as wrong; a figure right up to display rounding is no finding.
"""

from __future__ import annotations

from generator.audit.finding import Finding
from generator.audit.reading import read
from generator.audit.sentences import sentence_findings
from generator.audit.tables import Correction, table_findings
from generator.ingest.run import Imported

__all__ = ["Finding", "audit"]


def audit(imported: Imported) -> list[Finding]:
    """Every finding, in page order (tables first on a page, as they were found)."""
    corrections: list[Correction] = []
    out = table_findings(imported, corrections)
    reading = read(imported, corrections)
    if reading is not None:
        out += sentence_findings(reading)
    unique: list[Finding] = []
    for f in out:
        if f not in unique:
            unique.append(f)
    return sorted(unique, key=lambda f: f.page)
