"""Years as sentences print them: a sentence that reads with its profile's template once its year is left
open, and prints another year than the report's (a 2023 budget saying "2022年部门预算中纳入政府采购…"),
has the wrong year. Its year is the finding; the sentence, read, has its figures checked as the others'.
"""

from __future__ import annotations

from generator.audit.finding import Finding
from generator.audit.reading import Reading
from generator.ingest.attribute import IDENTITY, numeric_names
from generator.ingest.sentences import Found, find, specs

YEARS = ("year", "prev_year")


def year_findings(reading: Reading) -> list[tuple[Found, Finding]]:
    """Each sentence printing another year than the report's: the sentence (its years taken out of its
    fields) and a finding on each year."""
    facts = reading.facts
    known = {k: facts.values[k] for k in IDENTITY if k in facts.values}
    if not all(k in known for k in YEARS):
        return []
    loose = {k: v for k, v in known.items() if k not in YEARS}
    numeric = numeric_names(facts) | set(YEARS)
    body = reading.imported.body
    taken = [(f.start, f.end) for f in reading.found]
    out: list[tuple[Found, Finding]] = []
    seen: set[tuple[int, int]] = set()
    for spec in specs(reading.profile):
        if spec.list_name:
            continue
        for f in find(body, spec, loose, numeric):
            if (f.start, f.end) in seen or any(f.start < end and start < f.end for start, end in taken):
                continue
            wrong = [(k, f.fields[k]) for k in YEARS if k in f.fields and f.fields[k] != known[k]]
            if not wrong:
                continue
            seen.add((f.start, f.end))
            text = body.text[f.start : f.end]
            for k in YEARS:
                f.fields.pop(k, None)
            for k, printed in wrong:
                why = "与报告年度不符" if k == "year" else "上年应为报告年度的前一年"
                where = f"句子“{text[:28]}{'…' if len(text) > 28 else ''}”"
                out.append((f, Finding(f.page, where, f"{printed}年", f"{known[k]}年", why, check="年份")))
    return out
