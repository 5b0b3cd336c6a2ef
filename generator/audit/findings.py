"""Discrepancies of a published report: its tables against themselves and each other, its sentences
against the tables, its self-evaluation forms against themselves (generator.audit.tables,
generator.audit.sentences, generator.audit.forms).

Only figures that were read are compared: a cell or a sentence the importer could not read is
listed as unread, never as wrong; a figure right up to display rounding is no finding.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.audit.coverage import unread_lines
from generator.audit.finding import Finding
from generator.audit.forms import form_findings
from generator.audit.reading import read
from generator.audit.sentences import sentence_findings
from generator.audit.tables import Correction, table_findings
from generator.ingest.run import Imported

__all__ = ["Audit", "Finding", "audit", "audit_report"]


@dataclass
class Audit:
    findings: list[Finding]
    unread: list[tuple[int, str]]
    """Lines of running text with figures that no sentence template reads (not checked)."""


def audit_report(imported: Imported) -> Audit:
    """Every finding, in page order (tables first on a page, as they were found), and what was not checked."""
    corrections: list[Correction] = []
    out = table_findings(imported, corrections)
    reading = read(imported, corrections)
    if reading is not None:
        out += sentence_findings(reading)
    out += form_findings(imported.source.tables)
    unique: list[Finding] = []
    for f in out:
        if f not in unique:
            unique.append(f)
    return Audit(sorted(unique, key=lambda f: f.page), unread_lines(imported, reading))


def audit(imported: Imported) -> list[Finding]:
    return audit_report(imported).findings
