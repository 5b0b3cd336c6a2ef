"""What the audit of a report's sentences knows: the facts the tables give, the tables' printed totals,
how far a sum of rounded leaves may be from the exact sum; and how a finding about a sentence is told."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from generator.audit.finding import Finding
from generator.audit.numbers import ZERO, Span, shown
from generator.audit.reading import Reading, text_scale
from generator.ingest.cells import squash
from generator.ingest.rows import ReadRow
from generator.ingest.sentences import Found

TABLE_FACTS = re.compile(
    r"^(grand_total|appropriation_total|income_total|spending_total|spending_basic|spending_project|total|basic|project|"
    r"personnel|public|gov_fund_total|state_capital_total|income\.[a-z_]+|appropriation|tp\.(total|outbound|vehicle|vehicle_purchase|vehicle_operation|reception)|"
    r"tp_budget\.(total|outbound|vehicle|vehicle_purchase|vehicle_operation|reception)|econ\.\d+)$"
)
"""Amount facts that follow from the tables' leaves alone (others come from the text itself)."""

TOTAL_CELLS: dict[str, list[tuple[str, tuple[str, ...], tuple[str, ...]]]] = {
    "total": [("general", (), ("total",))],
    "basic": [("general", (), ("basic",)), ("basic", (), ("total", "amount", "basic"))],
    "project": [("general", (), ("project",))],
    "personnel": [("general", (), ("personnel",)), ("basic", ("人员经费", "合计"), ("total", "amount", "personnel"))],
    "public": [("general", (), ("public",)), ("basic", ("公用经费", "合计"), ("total", "amount", "public"))],
    "spending_total": [("expenditure", (), ("total",)), ("summary", ("本年支出合计",), ("amount",))],
    "spending_basic": [("expenditure", (), ("basic",))],
    "spending_project": [("expenditure", (), ("project",))],
    "income_total": [("income", (), ("total",)), ("summary", ("本年收入合计",), ("amount",))],
    "grand_total": [("summary", ("总计",), ("amount",))],
    "appropriation_total": [("appropriation", ("总计",), ("amount", "total"))],
    "gov_fund_total": [("gov_fund", (), ("total",))],
}
"""Where the tables print each fact as a total: (table, words of the row's name or a 合计 row, columns)."""


@dataclass
class Context:
    reading: Reading
    tolerance: Decimal
    totals: dict[str, list[Span]]
    """Each fact's figure as a total row of a table prints it (a sentence may quote a table's total as printed)."""
    cells: dict[tuple[str, str, str], list[Span]]
    """(table, code, column) → the figure as printed, and as the sum of the printed leaves under it."""

    def coded(self, kinds: tuple[str, ...], code: str, keys: tuple[str, ...]) -> list[Span]:
        return [s for kind in kinds for key in keys for s in self.cells.get((kind, code, key), [])]

    @property
    def kind(self) -> str:
        return str(self.reading.data.get("kind", "budget"))

    def fact(self, name: str) -> Decimal | None:
        value = self.reading.facts.amounts.get(name)
        return None if value is None else value * text_scale(self.reading.profile)

    def printed(self, name: str, found: Found | None = None) -> list[Span]:
        """What a fact may be as printed: by the same sentence, and by the tables as a total; where neither
        prints it, as the tables' leaves give it. (A printed figure's rounding holds the exact value, which
        the sum of rounded leaves only brackets loosely.)"""
        out: list[Span] = []
        if found is not None and (p := shown(found.fields.get(name))) is not None:
            out.append(p.span)
        if TABLE_FACTS.match(name):
            out += self.totals.get(name, [])
            if not out and (v := self.fact(name)) is not None:
                out.append(Span.around(v, self.tolerance))
        return out

    def spans(self, name: str, found: Found | None = None) -> list[Span]:
        """What a fact may be: as the same sentence prints it, and as the tables give it."""
        out: list[Span] = []
        if found is not None and (p := shown(found.fields.get(name))) is not None:
            out.append(p.span)
        if TABLE_FACTS.match(name) and (v := self.fact(name)) is not None:
            out.append(Span.around(v, self.tolerance))
            out += self.totals.get(name, [])
        return out


def _tolerance(reading: Reading) -> Decimal:
    """How far a sum of printed leaves may be from the exact sum: half a cent per leaf (and the total's own half)."""
    rows = reading.imported.reading.rows
    counts = [sum(1 for r in rows.get(k, []) if len(r.code) == 7 and any(r.values.values())) for k in ("general", "expenditure")]
    counts.append(sum(1 for r in rows.get("basic", []) if len(r.code) == 5 and any(r.values.values())))
    unit = reading.imported.reading.unit
    half = Decimal("0.005") if unit != "元" else Decimal("0.00005")
    return half * (max(counts) + 1) * text_scale(reading.profile)


def best(ctx: Context, name: str, f: Found | None = None) -> Decimal | None:
    """The likeliest value of a fact for saying what a figure should be: as the sentence prints it,
    else as a table prints it as a total, else from the leaves."""
    if f is not None and (p := shown(f.fields.get(name))) is not None:
        return p.value
    if ctx.totals.get(name):
        return ctx.totals[name][0].mid
    return ctx.fact(name)


def cell_span(row: ReadRow, key: str) -> Span:
    p = shown(row.printed.get(key))
    return Span.around(row.values.get(key, ZERO), p.half if p is not None else ZERO)


def build(reading: Reading) -> Context:
    rows = reading.imported.reading.rows
    unit = reading.imported.reading.unit
    to_text = text_scale(reading.profile) / (Decimal(10000) if unit == "元" else Decimal(1))
    totals: dict[str, list[Span]] = {}
    for fact, places in TOTAL_CELLS.items():
        for kind, words, keys in places:
            for r in rows.get(kind, []):
                name = squash(r.name)
                if r.code or not (all(w in name for w in words) if words else r.is_total):
                    continue
                for key in keys:
                    p = shown(r.printed.get(key))
                    if p is not None:
                        totals.setdefault(fact, []).append(Span.around(p.value * to_text, p.half * to_text))
    for r in rows.get("basic", []):
        for key in ("total", "amount", "basic"):
            p = shown(r.printed.get(key))
            if len(r.code) == 3 and p is not None:
                totals.setdefault(f"econ.{r.code}", []).append(Span.around(p.value * to_text, p.half * to_text))
                break
    cells: dict[tuple[str, str, str], list[Span]] = {}
    for kind in ("general", "expenditure", "gov_fund", "state_capital", "basic"):
        digits = 5 if kind == "basic" else 7
        leaves = [r for r in rows.get(kind, []) if len(r.code) == digits]
        for r in rows.get(kind, []):
            if not r.code:
                continue
            for key in r.values:
                spans = cells.setdefault((kind, r.code, key), [])
                spans.append(cell_span(r, key).scale(to_text))
                under = [cell_span(leaf, key) for leaf in leaves if leaf.code.startswith(r.code)]
                if under and len(r.code) < digits:
                    spans.append(sum(under[1:], under[0]).scale(to_text))
    return Context(reading, _tolerance(reading), totals, cells)


def where(reading: Reading, f: Found) -> str:
    text = reading.imported.body.text[f.start : f.end]
    return f"句子“{text[:28]}{'…' if len(text) > 28 else ''}”"


def finding(ctx: Context, f: Found, printed: str, expected: str, why: str, check: str) -> Finding:
    return Finding(f.page, where(ctx.reading, f), printed, expected, why, check=check)
