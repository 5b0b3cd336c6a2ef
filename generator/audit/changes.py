"""Changes on last year as sentences print them: the direction words, the growth rate, 新增 and 持平,
and last year's figure each change implies, which must agree wherever the same figure is printed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from generator.audit.causes import growth_cause
from generator.audit.context import TABLE_FACTS, Context, finding
from generator.audit.finding import Finding
from generator.audit.numbers import Shown, Span, reaches, show, shown
from generator.ingest.sentences import Found

CURRENT = {
    "budget": {"gov_fund": "gov_fund_total", "state_capital": "state_capital_total", "income_appropriation": "income.appropriation"},
    "final": {"total": "grand_total", "appropriation": "appropriation_total", "general": "total"},
}
"""change.<name> → the fact of this year's figure (where it is not the same name; tp_x → tp.x)."""


UP = ("增加", "新增", "增长")
_CHANGE = re.compile(
    r"(?P<w1>增加|减少|新增|持平|增长|下降)(?P<d>-?[\d,]+(?:\.\d+)?)?(?:万元|万|元)?"
    r"(?:[，,、]?(?P<w2>增长|下降|增加|减少)(?P<p>[\d,]+(?:\.\d+)?)\s*%)?"
)


def _current(ctx: Context, f: Found, name: str, key: str) -> list[Span]:
    """This year's figure of a change: as printed before it in the sentence, and as the tables give it."""
    fact = CURRENT.get(ctx.kind, {}).get(name) or (f"tp.{name[3:]}" if name.startswith("tp_") else name)
    spans = ctx.printed(fact, f)
    if fact not in f.fields:
        before = [n for n in list(f.fields)[: list(f.fields).index(key)] if shown(f.fields[n]) is not None and not n.startswith(("share.", "exec."))]
        if before and (p := shown(f.fields[before[-1]])) is not None:
            spans.insert(0, p.span)
    if not TABLE_FACTS.match(fact) and ctx.kind == "final" and fact == "operating_costs" and not spans and (v := ctx.fact(fact)) is not None:
        spans.append(Span.exact(v))
    return spans


def _rates(change: Shown, current: list[Span], sign: Decimal) -> list[Span | None]:
    """change ÷ last year (this year minus the change, taken up or down) for each value this year may have."""
    return [change.span.percent_of(c - change.span.scale(sign)) for c in current]


@dataclass
class Read:
    """One printed change: its sentence, this year's figure, and last year's it implies (None when it is judged wrong)."""

    name: str
    found: Found
    text: str
    current: list[Span]
    previous: Span | None
    wrong: tuple[Shown, Shown, Decimal, str] | None = None
    """A rate that does not follow (change, rate, sign, change as printed): judged once every change is read."""


RELATIONS = (
    ("total", ("basic", "project")),
    ("basic", ("personnel", "public")),
    ("tp_total", ("tp_outbound", "tp_vehicle", "tp_reception")),
    ("tp_total", ("tp_outbound", "tp_vehicle_purchase", "tp_vehicle_operation", "tp_reception")),
    ("tp_vehicle", ("tp_vehicle_purchase", "tp_vehicle_operation")),
)
"""Last year's figures add up as this year's do (budget: total = basic + project; "三公" of either kind)."""


def changes(ctx: Context, f: Found, reads: list[Read]) -> list[Finding]:
    """Each change of a sentence on its own: direction words that agree, the rate it implies, 新增 = this year."""
    out = []
    for key, text in f.fields.items():
        if not key.startswith(("change.", "change_amount.")):
            continue
        m = _CHANGE.search(text)
        if m is None:
            continue
        name = key.split(".", 1)[1]
        current = _current(ctx, f, name, key)
        if not current:
            continue
        if m.group("w1") == "持平":
            reads.append(Read(name, f, m.group(0), current, current[0]))
            continue
        d = shown(m.group("d"))
        if d is None:
            continue
        up = m.group("w1") in UP
        if d.value == 0 and m.group("w1") != "新增":
            out.append(finding(ctx, f, m.group(0), "持平", f"增减额为零，应写“持平”而不是“{m.group('w1')}0”", "持平"))
            reads.append(Read(name, f, m.group(0), current, current[0]))
            continue
        if m.group("w1") == "新增":
            if not any(reaches(d, c) for c in current):
                c = current[0].mid
                out.append(finding(ctx, f, m.group("d"), show(c, d.places), "上年为零时新增额应等于本年数", "增减"))
            else:
                reads.append(Read(name, f, m.group(0), current, Span.exact(Decimal(0))))
            continue
        sign = Decimal(1) if up else Decimal(-1)
        if m.group("p") is None:
            reads.append(Read(name, f, m.group(0), current, current[0] - d.span.scale(sign)))
            continue
        rate = shown(m.group("p"))
        assert rate is not None
        fits = [c for c, r in zip(current, _rates(d, current, sign)) if reaches(rate, r)]
        up2 = m.group("w2") in UP
        if up2 != up:
            fits_other = any(reaches(rate, r) for r in _rates(d, current, -sign))
            if fits_other and not fits:
                wrong, right = m.group("w1"), ("减少" if up else "增加")
                why = f"增减方向写反：按“{m.group('w2')}{m.group('p')}%”和本年数推算，应为{right}"
            else:
                wrong, right = m.group("w2"), ("增长" if up else "下降")
                why = f"增减方向前后矛盾：前写“{m.group('w1')}”，后写“{m.group('w2')}”"
            out.append(finding(ctx, f, wrong, right, why, "方向"))
            continue
        if fits:
            reads.append(Read(name, f, m.group(0), current, fits[0] - d.span.scale(sign)))
            continue
        reads.append(Read(name, f, m.group(0), current, None, (d, rate, sign, m.group("d") or "")))
    return out


def _wrong_rate(ctx: Context, read: Read, known: Span | None) -> Finding:
    """A rate that does not follow from the change: when last year's figure is known from the same change
    printed elsewhere and the rate agrees with it, the amount of the change is what is wrong."""
    assert read.wrong is not None
    d, rate, sign, d_text = read.wrong
    f, current = read.found, read.current
    if known is not None:
        prev = known
        for c in current:
            delta = c - prev
            if prev.lo <= 0 or delta.lo * delta.hi <= 0:
                continue
            size = Span(min(abs(delta.lo), abs(delta.hi)), max(abs(delta.lo), abs(delta.hi)))
            if reaches(rate, size.percent_of(prev)):
                why = f"增减额与同一数在别处的增减不符（由别处推算上年数为 {show(prev.mid, 2)}）"
                return finding(ctx, f, d_text, show(size.mid, d.places), why, "增减")
    right_span = _rates(d, current, sign)[0]
    if right_span is None:
        return finding(ctx, f, rate.text + "%", "", "上年数为零或无法推算，不应印增长率", "增长率")
    expected = show(right_span.mid, rate.places, percent=True)
    return finding(ctx, f, rate.text + "%", expected, growth_cause(rate, right_span, d.span, current[0]), "增长率")


def meet(spans: list[Span]) -> Span | None:
    """The values every span allows, or None when they share none."""
    lo, hi = max(s.lo for s in spans), min(s.hi for s in spans)
    return Span(lo, hi) if lo <= hi else None


def previous_findings(ctx: Context, reads: list[Read]) -> list[Finding]:
    """Last year's figure implied wherever the same change is printed, and by the parts of a total, must agree."""
    out = []
    by: dict[str, list[Read]] = {}
    for r in reads:
        if r.previous is not None:
            by.setdefault(r.name, []).append(r)
    known: dict[str, Span] = {}
    for name, rs in by.items():
        met = meet([r.previous for r in rs if r.previous is not None])
        if met is None:
            first = rs[0]
            for r in rs[1:]:
                if r.previous is not None and first.previous is not None and meet([first.previous, r.previous]) is None:
                    why = f"与前文同一数的增减（{first.text}）推算出的上年数不同（{show(first.previous.mid, 2)} 与 {show(r.previous.mid, 2)}）"
                    out.append(finding(ctx, r.found, r.text, first.text, why, "上年数"))
            continue
        known[name] = met
    for r in reads:
        if r.wrong is not None:
            out.append(_wrong_rate(ctx, r, known.get(r.name)))
    for total, parts in RELATIONS:
        if total not in known or not all(p in known for p in parts):
            continue
        whole = Span(Decimal(0), Decimal(0))
        for p in parts:
            whole = whole + known[p]
        if meet([whole, known[total]]) is None:
            r = by[total][0]
            why = f"由各项增减推算的上年数之和（{show(whole.mid, 2)}）与由合计的增减推算的上年数（{show(known[total].mid, 2)}）不符"
            out.append(finding(ctx, r.found, r.text, "", why, "上年数"))
    return out
