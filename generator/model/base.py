"""Strict pydantic building blocks: exact money, codes as strings, no unknown keys."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StrictStr, ValidationInfo


def _to_decimal(value: Any) -> Any:
    """Accept ints and Decimals (the loader turns YAML floats into Decimal); refuse the rest."""
    if isinstance(value, bool):
        raise ValueError("not_amount")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError("not_amount")
        return value
    if isinstance(value, float):  # never produced by our loader; refuse to guess
        raise ValueError("not_amount")
    if isinstance(value, str):
        raise ValueError(amount_text_message(value))
    raise ValueError("not_amount")


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－＋", "0123456789.,-+")
_UNIT_SUFFIX = re.compile(r"^\s*([-+]?[\d,]*\.?\d+)\s*(万元|万|元)\s*$")
_GROUPED = re.compile(r"^\s*[-+]?\d{1,3}(,\d{3})+(\.\d+)?\s*$")


def amount_text_message(text: str) -> str:
    """Why a text is not an amount, for the common cases (full-width digits, "1,234.56", "12.5万元"); else the general code."""
    shown = text if len(text) <= 20 else text[:20] + "…"
    plain = text.translate(_FULL_WIDTH)
    if plain != text:
        return f"金额“{shown}”含有全角数字或符号：请改用半角，写成 {plain.replace(',', '').strip()}"
    unit = _UNIT_SUFFIX.match(text)
    if unit:
        return f"金额“{shown}”中不能写单位“{unit.group(2)}”：只写数字 {unit.group(1).replace(',', '')}；全文件的金额单位由 unit 设定（默认万元）"
    if _GROUPED.match(text):
        return f"金额“{shown}”不能带千位分隔符“,”：请写成 {text.replace(',', '').strip()}"
    return "not_amount"


def _non_negative(value: Decimal) -> Decimal:
    if value < 0:
        raise ValueError("negative_amount")
    if abs(value) >= Decimal("1e12"):
        raise ValueError("huge_amount")
    return value


def _code(value: Any) -> Any:
    if not isinstance(value, str):
        raise ValueError("code_not_string")
    if not value.isdigit():
        raise ValueError("code_not_digits")
    return value


Unit = Literal["万元", "元"]
"""A unit of money: the unit a data file is typed in, or a table or the text prints in."""

PER_WAN = {"万元": Decimal(1), "元": Decimal(10000)}
"""How many of each unit make one 万元. Amounts are kept in 万元 inside the toolkit: a file typed in 元
is divided by 10⁴, and a table printed in 元 multiplies by 10⁴ (both exact in Decimal)."""


DECIMALS = 2
"""Amounts carry at most two decimals of the file's unit (万元: to the 百元; 元: to the 分).

Tables and sentences print amounts to two decimals; a third decimal would make a printed
total differ from the sum of its printed rows, or a printed rate from its printed amounts."""


def _too_precise(value: Decimal) -> bool:
    """More than two decimals other than trailing zeros (12.340 is 12.34)."""
    _, digits, exponent = value.as_tuple()
    extra = -DECIMALS - int(exponent)
    return extra > 0 and any(digits[-extra:])


def _cents(value: Decimal, info: ValidationInfo) -> Decimal:
    """Typed amounts (validated from a file, with its unit as context) carry at most two decimals; figures the
    toolkit builds itself (exact 万元 from a 元 file, e.g. last year's totals) are not typed and are kept exact."""
    if info.context is not None and _too_precise(value):
        divisor = (info.context or {}).get("divisor")
        raise ValueError("decimals_yuan" if divisor is not None and divisor != 1 else "decimals_wan")
    return value


def _hundredths(value: Decimal) -> Decimal:
    if _too_precise(value):
        raise ValueError("decimals_points")
    return value


def _to_wan(value: Decimal, info: ValidationInfo) -> Decimal:
    """Convert an amount typed in the file's unit into exact 万元 (Decimal division by 10⁴ is exact)."""
    divisor = (info.context or {}).get("divisor")
    return value / divisor if divisor is not None and divisor != 1 else value


Amount = Annotated[Decimal, BeforeValidator(_to_decimal), AfterValidator(_non_negative), AfterValidator(_cents), AfterValidator(_to_wan)]
"""An amount of money, exact and non-negative, typed in the file's unit and kept in 万元."""

Points = Annotated[Decimal, BeforeValidator(_to_decimal), AfterValidator(_non_negative), AfterValidator(_hundredths)]
"""A score or weight of a self-evaluation (分): never converted."""

Count = Annotated[
    int, BeforeValidator(lambda v: v if isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 10**9 else (_ for _ in ()).throw(ValueError("not_count")))
]
"""A head or item count: a whole number, not negative."""

Code = Annotated[str, BeforeValidator(_code)]
"""A classification code such as "201", "2010301", "30101": always a quoted string."""

Text = StrictStr


class Strict(BaseModel):
    """Every data model forbids unknown keys and is immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)
