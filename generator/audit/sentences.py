"""Every figure a sentence prints, recomputed: amounts against the tables, shares, changes with their
direction words and growth rates, execution rates and 大于/小于, and lists against their lead figure
(their sums here, their counts in generator.audit.counts).

Each sentence was read with the profile's own template (generator.ingest.sentences), so each
printed figure is known by the fact it stands for. A figure is right when it is what the tables
give up to display rounding, computed either from the leaves or from the printed totals, or from
the figures the same sentence prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from generator.audit.causes import execution_cause, share_cause
from generator.audit.changes import Read, changes, previous_findings
from generator.audit.context import TABLE_FACTS, Context, best, build, finding
from generator.audit.charts import chart_findings
from generator.audit.counts import count_findings
from generator.audit.names import name_findings
from generator.audit.years import year_findings
from generator.audit.finding import Finding
from generator.audit.numbers import show_as, HUNDRED, ZERO, Shown, Span, reaches, reaches_any, rounded, show, shown
from generator.audit.reading import Reading
from generator.ingest.cells import squash
from generator.ingest.sentences import Found, compile_template
from generator.present.profile import outline_blocks

SHARES = {
    "budget": {
        "basic": ("basic", "total"),
        "project": ("project", "total"),
        "personnel": ("personnel", "total"),
        "public": ("public", "total"),
        "project_of_total": ("project", "total"),
        "general": ("total", "grand_total"),
    },
    "final": {
        "basic": ("basic", "total"),
        "project": ("project", "total"),
        "appropriation_income": ("appropriation_income", "income_total"),
        "general": ("total", "spending_total"),
        "spending_basic": ("spending_basic", "spending_total"),
        "spending_project": ("spending_project", "spending_total"),
        "tp_outbound": ("tp.outbound", "tp.total"),
        "tp_vehicle": ("tp.vehicle", "tp.total"),
        "tp_reception": ("tp.reception", "tp.total"),
    },
}
"""share.<name> → (the part, the whole), as the facts compute them."""

LIST_CELLS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "function_classes": (("general",), ("total",)),
    "item_executions": (("general",), ("total",)),
    "class_executions": (("general",), ("total",)),
    "project_functions": (("general",), ("project",)),
    "econ_classes": (("basic",), ("total", "amount", "basic")),
}
"""A list's entries by code, and where the tables print the amount each entry prints."""

LIST_WHOLES = {"function_classes": "total", "income_sources": "income_total"}

EXECUTIONS = {"general": ("total", "initial_total")}
"""exec.<name> → (决算 fact, 预算 fact); exec.tp_x → (tp.x, tp_budget.x)."""

SENTENCE_SUMS = (
    ("proc.total", ("proc.goods", "proc.works", "proc.services")),
    ("pm.evaluated_projects", ("pm.excellent", "pm.good", "pm.pass", "pm.fail")),
)
"""Figures the text alone gives, printed with their parts."""

_RATE = re.compile(r"([\d,]+(?:\.\d+)?)\s*%")


def _amounts(ctx: Context, f: Found) -> list[Finding]:
    out = []
    for name, text in f.fields.items():
        if not TABLE_FACTS.match(name):
            continue
        printed, value = shown(text), ctx.fact(name)
        if printed is None or value is None:
            continue
        if reaches(printed, Span.around(value, ctx.tolerance)) or reaches_any(printed, list(ctx.totals.get(name, []))):
            continue
        table = ctx.totals.get(name)
        why = "与表格数据计算的结果不符"
        expected = value
        if table and abs(table[0].mid - value) > ctx.tolerance:
            expected = table[0].mid  # the leaves themselves disagree with the table's total (a finding of the table)
        elif table and table[0].mid != value:
            why += f"（表中合计印为 {show(table[0].mid, 2)}，各明细之和为 {show(value, 2)}）"
        out.append(finding(ctx, f, text, show(expected, max(printed.places, 2), thousands="," in text), why, "金额"))
    return out


def _blanks(ctx: Context, f: Found) -> list[Finding]:
    """A figure left out ("“三公”经费预算 万元"): the number the tables give, where they give it."""
    out = []
    for name in f.blank:
        value = ctx.fact(name) if TABLE_FACTS.match(name) else None
        expected = show(value, 2) if value is not None else ""
        out.append(finding(ctx, f, "（空）", expected, "“万元”前没有数字：金额漏印", "金额"))
    return out


def _share_spans(ctx: Context, f: Found, part: str, whole: str) -> list[Span | None]:
    return [p.percent_of(w) for p in ctx.spans(part, f) for w in ctx.spans(whole, f)]


def _computed_share(ctx: Context, part: str, whole: str, f: Found | None = None) -> Decimal | None:
    p, w = best(ctx, part, f), best(ctx, whole, f)
    return None if p is None or not w else p * HUNDRED / w


def _shares(ctx: Context, f: Found) -> list[Finding]:
    table = SHARES.get(ctx.kind, {})
    group = [(n[6:], t) for n, t in f.fields.items() if n.startswith("share.") and n[6:] in table]
    wrong = []
    printed_sum: Decimal | None = ZERO
    computed_sum: Decimal | None = ZERO
    for name, text in group:
        part, whole = table[name]
        printed = shown(text)
        right = _computed_share(ctx, part, whole, f)
        if printed is None or right is None:
            printed_sum = computed_sum = None
            continue
        if printed_sum is not None and computed_sum is not None:
            printed_sum += printed.value
            computed_sum += rounded(right, printed.places)
        if not reaches_any(printed, _share_spans(ctx, f, part, whole)):
            wrong.append((text, show(right, printed.places, percent=True), printed, Span.exact(right)))
    if len(group) < 2:
        printed_sum = computed_sum = None
    return [finding(ctx, f, text, expected, f"占比{share_cause(printed_sum, computed_sum, p, r)}", "占比") for text, expected, p, r in wrong]


def _rate_check(ctx: Context, f: Found, text: str, actual: list[Span], budget: list[Span], label: str) -> list[Finding]:
    wording = ctx.reading.profile.wording
    m = _RATE.search(text)
    budget_zero = bool(budget) and all(b.mid == 0 for b in budget)
    if m is None:
        if wording.execution_no_budget and squash(wording.execution_no_budget)[:4] in text and budget and all(b.lo > 0 for b in budget):
            return [finding(ctx, f, text, "完成…%", f"{label}年初预算不为零，却写作“{wording.execution_no_budget}”", "完成率")]
        return []
    rate = shown(m.group(1))
    if rate is None or not actual or not budget:
        return []
    if budget_zero:
        if all(a.lo > 0 for a in actual):
            return [finding(ctx, f, m.group(0), "（不计算完成率）", f"{label}预算为零，完成率无从计算", "完成率")]
        return []
    spans = [a.percent_of(b) for a in actual for b in budget]
    if reaches_any(rate, spans):
        return []
    right = next((s for s in spans if s is not None), None)
    if right is None:
        return []
    cause = execution_cause(rate, right, actual[0], budget[0])
    return [finding(ctx, f, m.group(1) + "%", show(right.mid, rate.places, percent=True), f"{label}{cause}", "完成率")]


def _cmp_check(ctx: Context, f: Found, word: str, actual: Shown | None, budget: Shown | None) -> list[Finding]:
    w = ctx.reading.profile.wording
    if not word or actual is None or budget is None or word not in (w.budget_over, w.budget_under):
        return []
    right = w.budget_over if actual.value > budget.value else w.budget_under if actual.value < budget.value else "等于"
    if right == word:
        return []
    return [finding(ctx, f, word, right, f"决算数 {actual.text} 与预算数 {budget.text} 的大小关系写反", "比较")]


def _executions(ctx: Context, f: Found) -> list[Finding]:
    out = []
    for key, text in f.fields.items():
        if not key.startswith("exec."):
            continue
        name = key[5:]
        if name.startswith("tp_"):
            a, b = f"tp.{name[3:]}", f"tp_budget.{name[3:]}"
        elif name in EXECUTIONS:
            a, b = EXECUTIONS[name]
        else:
            continue
        out += _rate_check(ctx, f, text, ctx.spans(a, f), ctx.spans(b, f), "")
        cmp = f.fields.get(f"cmp.{name}", "")
        out += _cmp_check(ctx, f, cmp, shown(f.fields.get(a)), shown(f.fields.get(b)))
    return out


def _list_item(ctx: Context, f: Found, groups: dict[str, list[tuple[Found, str, Decimal | None]]]) -> list[Finding]:
    out = []
    fields, entry = f.fields, f.entry
    code = entry.get("code", "")
    actual_text = fields.get("actual") or fields.get("amount")
    actual = shown(actual_text)
    where = LIST_CELLS.get(f.list_name)
    spans = ctx.coded(where[0], code, where[1]) if where and code else []
    if actual is not None and spans and not reaches_any(actual, spans):
        expected = show_as(spans[0].mid, actual)
        out.append(finding(ctx, f, actual_text or "", expected, f"与表中 {code} {entry.get('name', '')} 的数不符", "金额"))
    if "share" in fields and f.list_name in LIST_WHOLES:
        whole = LIST_WHOLES[f.list_name]
        printed = shown(fields["share"])
        own = shown(entry.get("amount"))
        parts = [p.span for p in (actual, own) if p is not None]
        wholes = ctx.spans(whole)
        part_value = actual.value if actual is not None else own.value if own is not None else None
        whole_value = best(ctx, whole)
        right = None if part_value is None or not whole_value else part_value * HUNDRED / whole_value
        if printed is not None:
            ok = reaches_any(printed, [p.percent_of(w) for p in parts for w in wholes])
            groups.setdefault(f.list_name, []).append((f, fields["share"], None if ok else right))
    if "initial" in fields and ("actual" in fields or "spent" in fields):
        a, b = shown(fields.get("actual") or fields.get("spent")), shown(fields.get("initial"))
        rate_text = fields.get("execution", "")
        if a is not None and b is not None and rate_text:
            out += _rate_check(ctx, f, rate_text, [a.span], [b.span], "")
        out += _cmp_check(ctx, f, fields.get("cmp", ""), a, b)
    if "budget" in fields and "spent" in fields and "execution" in fields:
        a, b = shown(fields["spent"]), shown(fields["budget"])
        if a is not None and b is not None:
            out += _rate_check(ctx, f, fields["execution"], [a.span], [b.span], "")
    return out


def _list_shares(ctx: Context, groups: dict[str, list[tuple[Found, str, Decimal | None]]]) -> list[Finding]:
    out = []
    for name, items in groups.items():
        printed = [shown(t) for _, t, _ in items]
        whole = ctx.fact(LIST_WHOLES[name])
        entries = ctx.reading.facts.lists.get(name, [])
        complete = len(items) == len(entries) and all(p is not None for p in printed)
        printed_sum = sum((p.value for p in printed if p is not None), ZERO) if complete else None
        computed = [shown(e.get("share")) for e in entries]
        computed_sum = sum((c.value for c in computed if c is not None), ZERO) if complete and whole else None
        for f, text, right in items:
            if right is None:
                continue
            p = shown(text)
            places = p.places if p is not None else 2
            why = share_cause(printed_sum, computed_sum, p, Span.exact(right))
            out.append(finding(ctx, f, text, show(right, places, percent=True), f"占比{why}", "占比"))
    return out


def _sums(ctx: Context, found: list[Found]) -> list[Finding]:
    """Figures of the text printed with their parts (采购 total and its kinds, 自评 projects and their grades)."""
    printed: dict[str, tuple[Found, str]] = {}
    for f in found:
        if f.list_name:
            continue
        for name, text in f.fields.items():
            printed.setdefault(name, (f, text))
    out = []
    for total, parts in SENTENCE_SUMS:
        if total not in printed or not all(p in printed for p in parts):
            continue
        f, text = printed[total]
        t = shown(text)
        values = [shown(printed[p][1]) for p in parts]
        if t is None or any(v is None for v in values):
            continue
        span = Span.exact(ZERO)
        for v in values:
            assert v is not None
            span = span + v.span
        if not reaches(t, span):
            out.append(finding(ctx, f, text, show_as(span.mid, t), f"与同句所列各项之和不符（{len(parts)} 项）", "列举合计"))
    return out


@dataclass
class InlineList:
    lead: str
    item: str
    separators: str
    end: str
    tail: str
    name: str


def _inline_lists(ctx: Context) -> list[InlineList]:
    out: list[InlineList] = []
    for b in outline_blocks(ctx.reading.profile):
        if b.list and b.item and b.lead and b.inline:
            tail = re.split(r"[{\[]", (b.tail or "").lstrip("["), maxsplit=1)[0]
            out.append(InlineList(b.lead, b.item, b.joiner[0] if b.joiner else "", (b.joiner[-1] if b.joiner else "") or "。", squash(tail), b.list))
    return out


def _pieces(segment: str, separator: str) -> list[str]:
    """A list's items: split at its separator, and an item printing two figures again at a comma
    (a list written by hand may change its mark midway: "…40 万元，其他费用 49.39 万元、…")."""
    out: list[str] = []
    for piece in segment.split(separator) if separator else [segment]:
        out += re.split(r"[，,；;]", piece) if len(re.findall(r"\d+(?:\.\d+)?\s*万?元", piece)) > 1 else [piece]
    return out


def _lead_sums(ctx: Context, found: list[Found]) -> list[Finding]:
    """A lead figure against the items printed after it (车辆 by kind, 采购 by kind, 机关运行经费 items)."""
    body = ctx.reading.imported.body.text
    out = []
    facts = ctx.reading.facts
    for spec in _inline_lists(ctx):
        for f in found:
            if f.template != spec.lead or f.list_name:
                continue
            numbers = [(n, shown(t)) for n, t in f.fields.items() if shown(t) is not None and not n.endswith("as_of")]
            if len(numbers) != 1:
                continue
            name, lead = numbers[0]
            assert lead is not None
            stop = body.find(spec.end, f.end)
            if stop < 0 or stop - f.end > 600:
                continue
            segment = body[f.end : stop]
            if spec.tail and spec.tail in segment:
                segment = segment[: segment.index(spec.tail)]
            pieces = _pieces(segment, spec.separators)
            known: dict[str, str] = {k: facts.values[k] for k in ("department", "year", "prev_year") if k in facts.values}
            numeric = {"count", "amount"}
            pattern, names = compile_template(spec.item, known, numeric)
            field = "count" if "{count}" in spec.item else "amount" if "{amount}" in spec.item else None
            if field is None:
                continue
            total = Span.exact(ZERO)
            read = 0
            for piece in pieces:
                m = pattern.fullmatch(piece) or pattern.match(piece)
                if m is None:
                    total = Span(Decimal("-Infinity"), Decimal("Infinity"))
                    break
                value = shown(dict(zip(names, m.groups())).get(field))
                if value is None:
                    total = Span(Decimal("-Infinity"), Decimal("Infinity"))
                    break
                total = total + (Span.exact(value.value) if field == "count" else value.span)  # counts are exact
                read += 1
            if not read or not total.lo.is_finite():
                continue
            if not reaches(lead, total):
                what = "辆数" if field == "count" else "金额"
                out.append(finding(ctx, f, lead.text, show_as(total.mid, lead), f"与其后所列各项{what}之和不符（{read} 项）", "列举合计"))
    return out


def _initial_total(ctx: Context, found: list[Found]) -> list[Finding]:
    """年初预算 of 一般公共预算 against the 年初预算 printed for each 项 (or each class) after it, when every one is read."""
    lead = next((f for f in found if not f.list_name and "initial_total" in f.fields), None)
    printed = shown(lead.fields["initial_total"]) if lead is not None else None
    if lead is None or printed is None:
        return []
    general = ctx.reading.imported.reading.rows.get("general", [])
    out = []
    for list_name, digits in (("item_executions", 7), ("class_executions", 3)):
        items = {f.entry.get("code"): shown(f.fields.get("initial")) for f in found if f.list_name == list_name}
        codes = {r.code for r in general if len(r.code) == digits and any(r.values.values())}
        if not items or not codes or not codes <= set(items) or any(v is None for v in items.values()):
            continue
        total = Span.exact(ZERO)
        for v in items.values():
            assert v is not None
            total = total + v.span
        if not reaches(printed, total):
            what = "项" if digits == 7 else "类"
            why = f"与其后各{what}的年初预算之和不符（{len(items)} {'项' if digits == 7 else '类'}）"
            out.append(finding(ctx, lead, printed.text, show_as(total.mid, printed), why, "列举合计"))
    return out


def sentence_findings(reading: Reading) -> list[Finding]:
    ctx = build(reading)
    # sentences read only with their 科目 names or their year left open: that is a finding, and they are
    # then read (one sentence however many years it prints wrong) and checked as the others
    named = name_findings(ctx) + year_findings(reading)
    reading.found += list({id(f): f for f, _ in named}.values())
    out: list[Finding] = [n for _, n in named]
    groups: dict[str, list[tuple[Found, str, Decimal | None]]] = {}
    reads: list[Read] = []
    for f in reading.found:
        out += _blanks(ctx, f)
        if f.list_name:
            out += _list_item(ctx, f, groups)
            continue
        out += _amounts(ctx, f)
        out += _shares(ctx, f)
        out += changes(ctx, f, reads)
        out += _executions(ctx, f)
    out += previous_findings(ctx, reads)
    out += _list_shares(ctx, groups)
    out += _sums(ctx, reading.found)
    out += _initial_total(ctx, reading.found)
    out += _lead_sums(ctx, reading.found)
    out += count_findings(ctx, reading.found)
    out += chart_findings(ctx, reads)
    return out
