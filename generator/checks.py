"""Consistency rules run before anything is rendered. Each rule is a small function → Issues."""

from __future__ import annotations

from typing import Callable, Iterable

from .errors import Issue
from .load import Loaded
from .profile import Profile

Rule = Callable[[Loaded, Profile], Iterable[Issue]]
RULES: list[Rule] = []


def rule(fn: Rule) -> Rule:
    RULES.append(fn)
    return fn


def run_checks(loaded: Loaded, profile: Profile) -> list[Issue]:
    from . import rules  # noqa: F401  (registers the rules)

    issues: list[Issue] = []
    for fn in RULES:
        issues.extend(fn(loaded, profile))
    return sorted(set(issues), key=lambda i: (i.pos, i.message))


__all__ = ["rule", "run_checks"]
