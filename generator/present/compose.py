"""Fill a profile's sentence template with computed facts.

``{name}`` is replaced by the fact's text; a ``[…]`` segment is dropped whole when a
fact inside it is empty (so "…[，主要原因是{why.total}]。" loses the clause when no
reason applies). An unknown fact name is a profile error.

Only the template is read for fields and segments, in one pass: a fact's text (a reason,
a project name — anything people wrote) is inserted as it stands, so a ``{total}`` or a
``[…]`` inside it is printed literally. Where an inserted text ends with a clause mark and the
template goes on with one (a reason typed with its own "。" before the template's "。"), the
template's mark is the one printed: no "。。" or "；。" at the joint.
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


_OPEN, _CLOSE = "\x00", "\x01"
"""Marks around an inserted text while the template is filled (control characters never in a fact)."""


def _value(name: str, facts: Mapping[str, str], template: str) -> str:
    if name not in facts:
        raise ProfileError(f"模板配置中的句式引用了未知的数据项 {{{name}}}：{template}")
    value = facts[name]
    return f"{_OPEN}{value}{_CLOSE}" if value else value


def _segment(text: str, facts: Mapping[str, str], template: str) -> str:
    """An optional segment's text filled, or "" when any fact inside it is empty."""
    pieces: list[str] = []
    last = 0
    for match in _FIELD_ONLY.finditer(text):
        value = _value(match.group(1), facts, template)
        if value == "":
            return ""
        pieces += [text[last : match.start()], value]
        last = match.end()
    return "".join(pieces) + text[last:]


def compose(template: str, facts: Mapping[str, str]) -> str:
    """The sentence for ``template`` with every field filled and empty optional parts dropped."""

    def token(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return _segment(match.group(1), facts, template)
        return _value(match.group(2), facts, template)

    filled = _TOKEN.sub(token, template)
    filled = re.sub(f"[。；，]{_CLOSE}(?=[。；，！？])", _CLOSE, filled)
    return filled.replace(_OPEN, "").replace(_CLOSE, "")
