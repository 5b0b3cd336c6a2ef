"""Fill a profile's sentence template with computed facts.

``{name}`` is replaced by the fact's text; a ``[…]`` segment is dropped whole when a
fact inside it is empty (so "…[，主要原因是{why.total}]。" loses the clause when no
reason applies). An unknown fact name is a profile error.
"""

from __future__ import annotations

import re
from typing import Mapping

from generator.errors import UserError

_SEGMENT = re.compile(r"\[([^\[\]]*)\]")
_FIELD = re.compile(r"\{([A-Za-z0-9_.]+)\}")


class ProfileError(UserError):
    """A mistake in a profile (unknown fact, bad template)."""


def _fill(text: str, facts: Mapping[str, str], template: str) -> tuple[str, bool]:
    """Replace fields; also say whether any field was empty."""
    empty = False

    def sub(match: re.Match[str]) -> str:
        nonlocal empty
        name = match.group(1)
        if name not in facts:
            raise ProfileError(f"模板配置中的句式引用了未知的数据项 {{{name}}}：{template}")
        value = facts[name]
        if value == "":
            empty = True
        return value

    return _FIELD.sub(sub, text), empty


def compose(template: str, facts: Mapping[str, str]) -> str:
    """The sentence for ``template`` with every field filled and empty optional parts dropped."""

    def segment(match: re.Match[str]) -> str:
        filled, empty = _fill(match.group(1), facts, template)
        return "" if empty else filled

    without_optional = _SEGMENT.sub(segment, template)
    text, _ = _fill(without_optional, facts, template)
    return text
