"""The data file an import writes: YAML with comments, amounts as plain exact numbers, codes quoted."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

ORDER = (
    "profile",
    "table_options",
    "kind",
    "year",
    "unit",
    "department",
    "overview",
    "texts",
    "names",
    "expenditure",
    "gov_fund_expenditure",
    "state_capital_expenditure",
    "carry_over",
    "basic_economic",
    "three_public",
    "previous",
    "reasons",
)
CODE_KEYS = ("code",)


def _amount(value: Decimal) -> str:
    text = format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    if "." in text:
        head, tail = text.split(".")
        tail = tail.rstrip("0")
        text = head + ("." + tail.ljust(2, "0") if tail else ".00")
    else:
        text += ".00"
    return text


def _convert(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = _convert(v, k)
        return out
    if isinstance(value, list):
        return CommentedSeq(_convert(v, key) for v in value)
    if isinstance(value, Decimal):
        return _Amount(_amount(value))
    if key in CODE_KEYS or (key == "" and isinstance(value, str) and value.isdigit()):
        return DoubleQuotedScalarString(value)
    if isinstance(value, str) and value.isdigit():
        return DoubleQuotedScalarString(value)
    return value


class _Amount(str):
    """An amount written as a plain YAML number (read back exactly as Decimal)."""


def _represent_amount(representer: Any, data: _Amount) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:float", str(data))


def dump(data: dict[str, Any], header: list[str], notes: dict[str, str] | None = None) -> str:
    """YAML text of ``data`` (keys in the usual order), ``header`` as comment lines on top, ``notes`` before keys."""
    ordered = {k: data[k] for k in ORDER if k in data}
    ordered.update({k: v for k, v in data.items() if k not in ordered})
    doc = _convert(ordered)
    if header:
        doc.yaml_set_start_comment("\n".join(header))
    for key, note in (notes or {}).items():
        if key in doc:
            doc.yaml_set_comment_before_after_key(key, before=note)
    yaml = YAML()
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(_Amount, _represent_amount)
    buf = io.StringIO()
    yaml.dump(doc, buf)
    return buf.getvalue()
