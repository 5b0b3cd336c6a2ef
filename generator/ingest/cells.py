"""Reading one printed cell: amounts (exact Decimal), codes, labels."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_AMOUNT = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_DASHES = {"-", "—", "－", "--", "——", "/", "—— ", "0", "0.00"}
_SPACE = re.compile(r"\s+")


def squash(text: str | None) -> str:
    """A cell or line without any white space (PDF text breaks words and lines anywhere)."""
    return _SPACE.sub("", text or "")


def cell_text(cell: str | None) -> str:
    """A cell's text as written: its line breaks joined (a cell wraps its text anywhere), its ends trimmed."""
    return "".join((cell or "").split("\n")).strip()


def heads_with(row: list[str | None], words: tuple[str, ...], at: int = 0) -> bool:
    """Whether a table row's cells (a merged cell's further slots skipped) read ``words`` from its ``at``-th cell on."""
    cells = [squash(c) for c in row if c is not None]
    return tuple(cells[at : at + len(words)]) == words


def amount(text: str | None) -> Decimal | None:
    """The amount a cell prints (None when it prints no number); a blank or a dash is no number."""
    s = squash(text).replace("，", ",")
    if not s or not _AMOUNT.match(s):
        return None
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


def is_blank_amount(text: str | None) -> bool:
    """A cell printing nothing, or a dash standing for zero."""
    s = squash(text)
    return s == "" or s in _DASHES


def value(text: str | None) -> Decimal | None:
    """An amount cell's value: its number, zero when blank or a dash, None when it prints something else."""
    number = amount(text)
    if number is not None:
        return number
    return Decimal(0) if is_blank_amount(text) else None


_CODE_HEAD = re.compile(r"^(\d{3}(?:\d{2}){0,2})(?!\d)")


def leading_code(text: str | None) -> tuple[str, str]:
    """A code at the start of a label (``201一般公共服务`` → ("201", "一般公共服务")), or ("", text)."""
    s = squash(text)
    m = _CODE_HEAD.match(s)
    if m and len(s) > len(m.group(1)) and not s[len(m.group(1))].isdigit():
        return m.group(1), s[len(m.group(1)) :]
    if m and len(s) == len(m.group(1)):
        return m.group(1), ""
    return "", s
