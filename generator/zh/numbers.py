"""Amounts and percentages as printed: exact Decimal in, rounded half-up only here."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def q2(value: Decimal) -> Decimal:
    """Round to 2 decimals, half-up (2.345 → 2.35), the display precision of 万元 and %."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def fmt_amount(value: Decimal | None, thousands: bool = False) -> str:
    """2232.51 → "2232.51" (or "2,232.51"); None → "" (a blank cell)."""
    if value is None:
        return ""
    rounded = q2(value)
    if rounded == 0:
        rounded = abs(rounded)  # never print -0.00
    return f"{rounded:,.2f}" if thousands else f"{rounded:.2f}"


def percent(ratio: Decimal | None) -> Decimal | None:
    """A ratio (0.3393…) as a percentage rounded half-up to 2 decimals (33.93)."""
    return None if ratio is None else q2(ratio * HUNDRED)


def fmt_pct(ratio: Decimal | None) -> str:
    """0.33929 → "33.93%"; None (undefined ratio) → ""."""
    value = percent(ratio)
    return "" if value is None else f"{value:.2f}%"


def ratio(part: Decimal, whole: Decimal) -> Decimal | None:
    """part / whole, or None when whole is zero (a share of nothing is undefined)."""
    return None if whole == 0 else part / whole


def fmt_points(value: Decimal) -> str:
    """A self-evaluation score or weight: 2 decimals (half-up), a whole number without them (20, 13.33)."""
    text = fmt_amount(value)
    return text[:-3] if text.endswith(".00") else text


def shares(parts: list[Decimal], whole: Decimal) -> list[Decimal | None]:
    """Percentages (2 decimals, half-up) of ``whole``, each on its own.

    Each printed share follows from the printed amounts (60.99 of 2940.05 is 2.07%, whatever the
    others are); shares that make up a whole may then add up to 99.99% or 100.01%. They are never
    nudged to 100.00%: a nudged share no longer follows from its amounts, and a reader (or an
    audit) recomputing it would find it wrong.
    """
    if whole == 0:
        return [None for _ in parts]
    return [q2(p * HUNDRED / whole) for p in parts]


def fmt_shares(parts: list[Decimal], whole: Decimal) -> list[str]:
    """``shares`` as printed: ["54.57%", "6.93%", …]; "" where undefined."""
    return ["" if v is None else f"{v:.2f}%" for v in shares(parts, whole)]
