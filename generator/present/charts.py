"""Charts as inline SVG strings: bars (last year against this year) and pies (a structure).

Every label is escaped here; the SVG is the only markup a template marks safe. Each <text>
carries its own font-family because WeasyPrint does not inherit it into inline SVG.
Amounts and percentages print through zh/numbers, the same way as in tables and text;
float is used for drawing coordinates only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from generator.compute.final import FinalFigures
from generator.present.tables.final import INCOME_COLUMNS
from generator.present.tables.grid import Money
from generator.zh.numbers import fmt_amount, ratio

FONT = "'Noto Sans SC', sans-serif"
COLORS = ("#4472c4", "#ed7d31", "#a5a5a5", "#ffc000", "#5b9bd5", "#70ad47")
WIDTH, HEIGHT = 520, 300


@dataclass(frozen=True)
class ChartView:
    """What the chart partial places: the SVG and its caption (图N：…)."""

    svg: str
    caption: str


def text(x: float, y: float, content: str, size: int = 13, anchor: str = "middle", fill: str = "#222") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size}" text-anchor="{anchor}" fill="{fill}">{escape(content)}</text>'


def svg(body: list[str], label: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-label="{escape(label)}">' + "".join(body) + "</svg>"
    )


def bar_chart(items: list[tuple[str, Decimal]], unit: str, label: str) -> str:
    """One bar per (category, amount), each with its amount printed above it."""
    top, base, left, right = 50, HEIGHT - 45, 60, WIDTH - 30
    biggest = max((v for _, v in items), default=Decimal(0))
    slot = (right - left) / max(len(items), 1)
    bar = min(90.0, slot * 0.5)
    body = [
        text(12, 22, unit, 12, "start"),
        f'<line x1="{left}" y1="{base}" x2="{right}" y2="{base}" stroke="#444" stroke-width="1"/>',
        f'<line x1="{left}" y1="{top - 10}" x2="{left}" y2="{base}" stroke="#444" stroke-width="1"/>',
    ]
    for i, (name, value) in enumerate(items):
        share = float(ratio(value, biggest) or 0)
        h = (base - top) * share
        x = left + slot * i + (slot - bar) / 2
        body.append(f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{COLORS[i % len(COLORS)]}"/>')
        body.append(text(x + bar / 2, base - h - 8, fmt_amount(value)))
        body.append(text(x + bar / 2, base + 22, name))
    return svg(body, label)


def _slice(cx: float, cy: float, r: float, start: float, end: float, color: str) -> str:
    if end - start >= 2 * math.pi - 1e-9:  # the whole circle: an arc cannot start where it ends
        return f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{color}"/>'
    x1, y1 = cx + r * math.sin(start), cy - r * math.cos(start)
    x2, y2 = cx + r * math.sin(end), cy - r * math.cos(end)
    large = 1 if end - start > math.pi else 0
    return f'<path d="M{cx},{cy} L{x1:.2f},{y1:.2f} A{r},{r} 0 {large} 1 {x2:.2f},{y2:.2f} Z" fill="{color}" stroke="#fff" stroke-width="1"/>'


CHART_MONEY = Money()
"""Charts print their amounts in 万元 (fmt_amount)."""


def pie_chart(items: list[tuple[str, Decimal]], unit: str, label: str) -> str:
    """A pie of the non-zero parts, with a legend: name, amount and share of the whole."""
    parts = [(n, v) for n, v in items if v]
    whole = sum((v for _, v in parts), Decimal(0))
    cx, cy, r = 140.0, HEIGHT / 2 + 10, 105.0
    body = [text(12, 22, unit, 12, "start")]
    angle = 0.0
    labels = CHART_MONEY.shares([v for _, v in parts], whole)  # from the amounts the legend prints
    for i, (name, value) in enumerate(parts):
        sweep = 2 * math.pi * float(ratio(value, whole) or 0)
        color = COLORS[i % len(COLORS)]
        body.append(_slice(cx, cy, r, angle, angle + sweep, color))
        angle += sweep
        y = 90 + i * 34
        body.append(f'<rect x="290" y="{y - 12}" width="14" height="14" fill="{color}"/>')
        body.append(text(312, y, f"{name} {fmt_amount(value)}", 13, "start"))
        body.append(text(312, y + 17, labels[i], 12, "start", "#555"))
    return svg(body, label)


INCOME_PARTS = {name: column for name, column in INCOME_COLUMNS.items() if column != "income"}
"""The slices of the income chart (图2) and the ledger column of each."""


def final_charts(fig: FinalFigures, year: int, captions: dict[str, str], unit: str = "单位：万元") -> dict[str, ChartView]:
    """The four charts of a final account (图1–图4), from the same figures as the tables."""
    years = [f"{year - 1}年度", f"{year}年度"]
    zero = Decimal(0)
    totals = list(zip(years, [fig.previous_total or zero, fig.grand_total]))
    appropriation = list(zip(years, [fig.previous_appropriation or zero, fig.appropriation_grand_total]))
    led = fig.ledger
    specs = {
        "chart_1": bar_chart(totals, unit, captions.get("chart_1", "")),
        "chart_2": pie_chart([(name, led.total(key)) for name, key in INCOME_PARTS.items()], unit, captions.get("chart_2", "")),
        "chart_3": pie_chart(
            [
                ("基本支出", led.total("basic")),
                ("项目支出", led.total("project")),
                ("上缴上级支出", led.total("to_upper")),
                ("经营支出", led.total("operating_spend")),
                ("对附属单位补助支出", led.total("to_subsidiary")),
            ],
            unit,
            captions.get("chart_3", ""),
        ),
        "chart_4": bar_chart(appropriation, unit, captions.get("chart_4", "")),
    }
    return {name: ChartView(body, captions.get(name, "")) for name, body in specs.items()}
