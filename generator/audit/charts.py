"""Charts whose labels are text of the page (a chart drawn as an image has none to read).

A chart is the lines between its unit line (单位：万元) and its caption (图N：…) on one page:
- a pie prints each part as "name amount" with its share on the next line: each share must follow
  from the amounts (amount ÷ their sum), and their sum is the total the chart's caption names
  (收入 → 本年收入合计, 支出 → 本年支出合计) where the report prints it;
- a bar chart of years prints one amount over each year ("2022年度 2023年度"): this year's bar is
  the total its caption names (总计, 财政拨款 … 总计), last year's the figure the printed change of that
  total implies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.audit.changes import Read, meet
from generator.audit.context import Context
from generator.audit.finding import Finding
from generator.audit.numbers import Shown, Span, reaches, reaches_any, show, show_as, shown
from generator.ingest.cells import squash
from generator.ingest.pdf import Line

CAPTION = re.compile(r"^图\s*\d+\s*[：:]")
PART = re.compile(r"^(?P<name>[^\d%]+?)(?P<amount>-?[\d,]+\.\d+)$")
SHARE = re.compile(r"^\d+(?:\.\d+)?%$")
AMOUNT = re.compile(r"^-?[\d,]+\.\d+$")
YEAR = re.compile(r"(20\d{2})年")


@dataclass
class Chart:
    caption: str
    page: int
    lines: list[Line]


def _charts(lines: list[Line]) -> list[Chart]:
    out = []
    for i, line in enumerate(lines):
        caption = squash(line.text)
        if not CAPTION.match(caption):
            continue
        body: list[Line] = []
        j = i - 1
        while j >= 0 and lines[j].page == line.page and not squash(lines[j].text).startswith("单位"):
            body.insert(0, lines[j])
            j -= 1
        if j >= 0 and lines[j].page == line.page and body:
            out.append(Chart(caption, line.page, body))
    return out


def _whole_fact(caption: str) -> str:
    if "财政拨款" in caption:
        return "appropriation_total"
    if "总计" in caption:
        return "grand_total"
    if "收入" in caption and "支出" not in caption:
        return "income_total"
    if "支出" in caption and "收入" not in caption:
        return "spending_total"
    return ""


CHANGE_OF = {"grand_total": "total", "appropriation_total": "appropriation"}
"""The change (change.<name>) that gives last year's figure of a total a bar chart draws."""


def _finding(chart: Chart, what: str, printed: str, expected: str, why: str, check: str) -> Finding:
    return Finding(chart.page, f"{chart.caption} {what}", printed, expected, why, check=check)


def _pie(ctx: Context, chart: Chart) -> list[Finding]:
    texts = [squash(line.text) for line in chart.lines]
    parts: list[tuple[str, Shown, Shown]] = []
    for label, share in zip(texts[::2], texts[1::2]):
        m = PART.match(label)
        amount, rate = (shown(m.group("amount")), shown(share)) if m else (None, None)
        if m is None or amount is None or rate is None:
            return []
        parts.append((m.group("name"), amount, rate))
    whole = sum((a.span for _, a, _ in parts), Span.exact(parts[0][1].value * 0))
    out = []
    for name, amount, rate in parts:
        right = amount.span.percent_of(whole)
        if not reaches(rate, right):
            expected = show(right.mid, rate.places, percent=True) if right is not None else ""
            out.append(_finding(chart, name, rate.text, expected, "占比与图中各项金额不符", "图表"))
    fact = _whole_fact(chart.caption)
    spans = ctx.printed(fact) if fact else []
    if spans and not any(whole.lo <= s.hi and s.lo <= whole.hi for s in spans):
        out.append(_finding(chart, "各项之和", show(whole.mid, 2), show(spans[0].mid, 2), "图中各项金额之和与报告的合计不符", "图表"))
    return out


def _bars(ctx: Context, chart: Chart, previous: dict[str, Span]) -> list[Finding]:
    years_line = next((line for line in chart.lines if len(YEAR.findall(line.text)) >= 2), None)
    amounts = [line for line in chart.lines if AMOUNT.match(squash(line.text))]
    if years_line is None:
        return []
    years = [int(y) for y in YEAR.findall(years_line.text)]
    width = (years_line.x1 - years_line.x0) / len(years)
    fact = _whole_fact(chart.caption)
    report_year = int(ctx.reading.facts.values.get("year", "0") or 0)
    out = []
    for line in amounts:
        centre = (line.x0 + line.x1) / 2
        slot = min(range(len(years)), key=lambda k: abs(years_line.x0 + width * (k + 0.5) - centre))
        figure = shown(squash(line.text))
        assert figure is not None
        year = years[slot]
        if year == report_year:
            spans = ctx.printed(fact) if fact else []
        elif year == report_year - 1 and CHANGE_OF.get(fact, "") in previous:
            spans = [previous[CHANGE_OF[fact]]]
        else:
            continue
        if spans and not reaches_any(figure, spans):
            out.append(_finding(chart, f"{year}年度", figure.text, show_as(spans[0].mid, figure), "图中金额与报告所印的数不符", "图表"))
    return out


def _is_pie(chart: Chart) -> bool:
    texts = [squash(line.text) for line in chart.lines]
    return bool(texts) and len(texts) % 2 == 0 and all(PART.match(a) and SHARE.match(b) for a, b in zip(texts[::2], texts[1::2]))


def _is_bars(chart: Chart) -> bool:
    return any(len(YEAR.findall(line.text)) >= 2 for line in chart.lines) and any(AMOUNT.match(squash(line.text)) for line in chart.lines)


def chart_lines(lines: list[Line]) -> list[Line]:
    """The labels of the charts the audit reads (they are checked here, not left unread)."""
    return [line for chart in _charts(lines) if _is_pie(chart) or _is_bars(chart) for line in chart.lines]


def chart_findings(ctx: Context, reads: list[Read]) -> list[Finding]:
    by: dict[str, list[Span]] = {}
    for r in reads:
        if r.previous is not None:
            by.setdefault(r.name, []).append(r.previous)
    previous = {name: met for name, spans in by.items() if (met := meet(spans)) is not None}
    out: list[Finding] = []
    for chart in _charts(ctx.reading.imported.source.lines):
        if _is_pie(chart):
            out += _pie(ctx, chart)
        elif _is_bars(chart):
            out += _bars(ctx, chart, previous)
    return out
