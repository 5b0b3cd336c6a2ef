"""The sentences of a report read with the profile that reads most of them, and the facts the tables give.

Several profiles of a kind share their section titles; the audit takes the one whose sentence
templates cover most of the running text (a layout read with the wrong profile leaves its
figures unchecked, never misjudged).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from generator.audit.tables import Correction
from generator.errors import DataErrors, Pos, UserError
from generator.ingest.attribute import attribute
from generator.ingest.draft import facts_of, load_data
from generator.ingest.previous import provisional
from generator.ingest.profile_match import Match
from generator.ingest.run import Imported
from generator.ingest.sentences import Found
from generator.present.facts import Facts
from generator.present.profile import Profile, load_profile, profile_names


@dataclass
class Reading:
    imported: Imported
    profile: Profile
    facts: Facts
    found: list[Found]
    data: dict[str, Any]


def _draft(data: dict[str, Any]) -> dict[str, Any]:
    return {**data, "previous": provisional() if data.get("kind") == "final" else {}}


LEAF_LISTS = {"general": "expenditure", "gov_fund": "gov_fund_expenditure", "state_capital": "state_capital_expenditure", "basic": "basic_economic"}
"""Where the data of a read report keeps each table's leaves."""


def corrected(data: dict[str, Any], corrections: list[Correction]) -> dict[str, Any]:
    """The data with each leaf cell found wrong set to the value its table adds up with (sentences are
    then judged against the tables as they should be, not against one wrong cell)."""
    out = copy.deepcopy(data)
    for c in corrections:
        for entry in out.get(LEAF_LISTS.get(c.kind, ""), []):
            if entry.get("code") != c.code:
                continue
            if c.kind == "basic" and c.key in ("total", "amount", "basic"):
                entry["amount"] = c.value
            elif c.key in entry and c.key != "code":
                entry[c.key] = c.value
    return out


def _try(imported: Imported, name: str, profile: Profile, corrections: list[Correction]) -> Reading | None:
    data = corrected(imported.data, corrections)
    data["profile"] = name
    data.pop("previous", None)
    try:
        draft = load_data(_draft(data))
        facts = facts_of(draft, profile)
        trial = replace(imported, data=data, match=Match(name, imported.match.score, profile), found=[])
        found = attribute(trial, draft, facts)
        facts = facts_of(load_data(_draft(data)), profile)  # with what the sentences added (机关运行经费 of a final account)
    except (DataErrors, UserError, ValueError, KeyError, TypeError, AttributeError, IndexError, ArithmeticError):  # a profile that cannot read this layout
        return None
    return Reading(imported, profile, facts, found, data)


def _literal(template: str) -> str:
    """A template's own words (a sentence made only of a free text, like {composition}, reads anything)."""
    return re.sub(r"\{[^{}]*\}|[\[\]\s]", "", template)


def read(imported: Imported, corrections: list[Correction] | None = None) -> Reading | None:
    """The reading whose sentences cover most text; None when no profile of the kind reads the report."""
    kind = imported.data.get("kind", "budget")
    names = list(dict.fromkeys(([imported.match.name] if imported.match.profile is not None else []) + profile_names(kind)))
    best: Reading | None = None
    best_cover = -1
    for name in names:
        profile = imported.match.profile if name == imported.match.name and imported.match.profile is not None else load_profile(name, Pos(name, 1, 1))
        reading = _try(imported, name, profile, corrections or [])
        if reading is None:
            continue
        cover = sum(len(_literal(f.template)) for f in reading.found)
        if cover > best_cover:
            best, best_cover = reading, cover
    return best


def text_scale(profile: Profile) -> Decimal:
    """Facts keep amounts in 万元; sentences print them in the profile's text unit."""
    return Decimal(10000) if profile.text.unit == "元" else Decimal(1)
