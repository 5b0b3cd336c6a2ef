"""Consistency rules run before anything is rendered. Each rule is a small function → Issues."""

from __future__ import annotations

from typing import Callable, Iterable

from generator.errors import Issue
from generator.read.load import Loaded
from generator.present.profile import Profile

Rule = Callable[[Loaded, Profile | None], Iterable[Issue]]
"""A rule gets the profile, or None when the profile could not be loaded (rules that need it then skip)."""
RULES: list[Rule] = []


def rule(fn: Rule) -> Rule:
    RULES.append(fn)
    return fn


def run_checks(loaded: Loaded, profile: Profile | None) -> list[Issue]:
    from generator import check  # noqa: F401  (registers the rules)

    issues: list[Issue] = []
    for fn in RULES:
        issues.extend(fn(loaded, profile))
    return sorted(set(issues), key=lambda i: (i.pos, i.message))


__all__ = ["rule", "run_checks"]
