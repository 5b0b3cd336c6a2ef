"""Marks that a data file is still a draft: placeholders not yet filled, carried-over items not yet reviewed.

``disclosure new`` writes 待填写 where a value is needed; ``disclosure rollover`` lists in ``review``
every text and figure it carried over from last year. Both are read here, by key path.
"""

from __future__ import annotations

import re
from typing import Any

PLACEHOLDER = "待填写"
"""A value that starts with this is a placeholder: the file cannot be built until it is replaced."""

Path_ = tuple[str | int, ...]
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def placeholders(raw: Any, path: Path_ = ()) -> list[Path_]:
    """The key paths of every placeholder value in a loaded file, in file order."""
    if isinstance(raw, str):
        return [path] if raw.strip().startswith(PLACEHOLDER) else []
    if isinstance(raw, dict):
        found = [path + (k,) for k in raw if isinstance(k, str) and k.startswith(PLACEHOLDER)]
        for key, value in raw.items():
            found += placeholders(value, path + (key,))
        return found
    if isinstance(raw, list):
        return [p for i, v in enumerate(raw) for p in placeholders(v, path + (i,))]
    return []


def dotted(path: Path_) -> str:
    """("texts", "scope") → texts.scope; ("expenditure", 2, "basic") → expenditure[3].basic.

    As people count: the first item of a list is [1]."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def parse_dotted(text: str) -> Path_:
    """The inverse of ``dotted``."""
    return tuple(int(m.group(2)) - 1 if m.group(2) is not None else m.group(1) for m in _STEP.finditer(text))
