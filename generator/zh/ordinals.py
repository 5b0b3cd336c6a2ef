"""Chinese numerals and the numbering styles of headings and lists."""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"


def cn_int(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 21 → 二十一, 99 → 九十九, 100 → 一百."""
    if n < 0:
        raise ValueError("negative")
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return DIGITS[tens] + "十" + (DIGITS[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        if rest == 0:
            return DIGITS[hundreds] + "百"
        link = "零" if rest < 10 else ""
        tail = cn_int(rest) if rest >= 20 or rest < 10 else "一" + cn_int(rest)
        return DIGITS[hundreds] + "百" + link + tail
    raise ValueError("too large")


def cn_int_nian(n: int) -> str:
    """The 廿 form used in some tables: 21 → 廿一, 25 → 廿五; other numbers as cn_int."""
    if 21 <= n <= 29:
        return "廿" + DIGITS[n - 20]
    return cn_int(n)


STYLES = {
    "part": lambda n: f"第{cn_int(n)}部分",
    "cn_dun": lambda n: f"{cn_int(n)}、",
    "cn_nian_dun": lambda n: f"{cn_int_nian(n)}、",
    "cn_paren": lambda n: f"（{cn_int(n)}）",
    "cn_nian_paren": lambda n: f"（{cn_int_nian(n)}）",
    "arabic_dot": lambda n: f"{n}.",
    "arabic_dun": lambda n: f"{n}、",
    "arabic_paren": lambda n: f"（{n}）",
    "arabic_half_paren": lambda n: f"({n})",
    "zero_pad": lambda n: f"{n:02d}",
    "none": lambda n: "",
}


def number(style: str, n: int) -> str:
    """The label of item ``n`` (1-based) in a numbering style, e.g. ("cn_paren", 2) → （二）."""
    try:
        return STYLES[style](n)
    except KeyError:
        raise ValueError(f"unknown numbering style {style!r}") from None
