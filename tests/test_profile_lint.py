"""Profile lint: a mistake in a profile is reported at the profile's own line, with the nearest valid name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import check_file

from .conftest import EXAMPLES, ROOT


@pytest.fixture
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "templates"
    shutil.copytree(ROOT / "generator" / "templates", copy)
    monkeypatch.setenv("DISCLOSURE_TEMPLATES", str(copy))
    return copy


def broken(templates: Path, old: str, new: str) -> tuple[Path, int]:
    path = templates / "profiles" / "jianghan-budget.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, line


@pytest.mark.parametrize(("old", "new", "wanted"), [
    ("人员经费{personnel}万元", "人员经费{personel}万元", "是不是“personnel”"),   # an unknown fact
    ("- table: income\n", "- table: incme\n", "是不是“income”"),                   # an unknown table id
    ("{text.public_use}", "{text.public_uses}", "是不是“public_use”"),            # an unknown text key
    ("when: has_gov_fund", "when: has_gov_fnd", "是不是“has_gov_fund”"),          # an unknown condition
])
def test_a_mistake_is_reported_at_the_profile_line(templates: Path, old: str, new: str, wanted: str) -> None:
    profile, line = broken(templates, old, new)
    issues = [i for i in check_file(EXAMPLES["jianghan-2020-budget"]) if i.rule == "profile_names"]
    assert [(i.pos.file, i.pos.line) for i in issues] == [(str(profile), line)]
    assert wanted in issues[0].message and issues[0].is_error
