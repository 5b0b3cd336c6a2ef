"""Fill a profile's sentence template with computed facts.

``{name}`` is replaced by the fact's text; a ``[…]`` segment is dropped whole when a
fact inside it is empty (so "…[，主要原因是{why.total}]。" loses the clause when no
reason applies). An unknown fact name is a profile error.

Only the template is read for fields and segments, in one pass: a fact's text (a reason,
a project name — anything people wrote) is inserted as it stands, so a ``{total}`` or a
``[…]`` inside it is printed literally.
"""

from __future__ import annotations

import re
from typing import Mapping

from generator.errors import UserError

_FIELD = r"\{([A-Za-z0-9_.]+)\}"
_TOKEN = re.compile(r"\[([^\[\]]*)\]|" + _FIELD)
_FIELD_ONLY = re.compile(_FIELD)


class ProfileError(UserError):
    """A mistake in a profile (unknown fact, bad template)."""


def _value(name: str, facts: Mapping[str, str], template: str) -> str:
    if name not in facts:
        raise ProfileError(f"模板配置中的句式引用了未知的数据项 {{{name}}}：{template}")
    return facts[name]


def _segment(text: str, facts: Mapping[str, str], template: str) -> str:
    """An optional segment's text filled, or "" when any fact inside it is empty."""
    pieces: list[str] = []
    last = 0
    for match in _FIELD_ONLY.finditer(text):
        value = _value(match.group(1), facts, template)
        if value == "":
            return ""
        pieces += [text[last:match.start()], value]
        last = match.end()
    return "".join(pieces) + text[last:]


def compose(template: str, facts: Mapping[str, str]) -> str:
    """The sentence for ``template`` with every field filled and empty optional parts dropped."""

    def token(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return _segment(match.group(1), facts, template)
        return _value(match.group(2), facts, template)

    return _TOKEN.sub(token, template)
