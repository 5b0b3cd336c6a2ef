"""Tidy human-written text for print: no stray ASCII spaces between Chinese and digits."""

from __future__ import annotations

import re

_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_GAP = re.compile(rf"(?<=[{_CJK}0-9%])[ \t]+(?=[{_CJK}])|(?<=[{_CJK}])[ \t]+(?=[0-9])")


def tidy(text: str) -> str:
    """ "2019 年 12 月" → "2019年12月"; spaces between Latin words are kept."""
    return _GAP.sub("", text.strip())
