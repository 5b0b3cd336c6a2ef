"""A district's variant is data: a new profile (and partials) changes the report without code."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.build import prepare
from generator.errors import DataErrors
from generator.render.html import render_html

from .conftest import EXAMPLES, ROOT


@pytest.fixture
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "templates"
    shutil.copytree(ROOT / "generator" / "templates", copy)
    monkeypatch.setenv("DISCLOSURE_TEMPLATES", str(copy))
    return copy


def data_with_profile(tmp_path: Path, profile: str) -> Path:
    text = EXAMPLES["jianghan-2020-budget"].read_text(encoding="utf-8").replace("profile: jianghan-budget", f"profile: {profile}")
    unit = tmp_path / "demo-unit"
    unit.mkdir()
    path = unit / "2020-budget.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_new_profile_reorders_renumbers_and_rewords(templates: Path, tmp_path: Path) -> None:
    yaml = YAML()
    profile = yaml.load((templates / "profiles" / "jianghan-budget.yaml").read_text(encoding="utf-8"))
    profile["name"] = "demo-budget"
    profile["tables"]["label"] = "表{nn}"
    profile["numbering"]["levels"] = ["cn_paren", "arabic_dot", "arabic_paren", "arabic_paren"]
    profile["wording"]["up"] = "较{base}增加{amount}万元（增幅{rate}）"
    tables_part = profile["outline"][-1]
    tables_part["body"] = list(reversed(tables_part["body"]))
    with (templates / "profiles" / "demo-budget.yaml").open("w", encoding="utf-8") as handle:
        yaml.dump(profile, handle)
    (templates / "partials" / "demo_note.html").write_text('<p class="demo">{{ data.values["department"] }}</p>', encoding="utf-8")
    profile["outline"][0]["body"] = [{"partial": "demo_note"}]
    with (templates / "profiles" / "demo-budget.yaml").open("w", encoding="utf-8") as handle:
        yaml.dump(profile, handle)

    doc, _ = prepare(data_with_profile(tmp_path, "demo-budget"))
    html = render_html(doc, templates=templates)
    text = re.sub(r"<[^>]+>", "", html)
    assert "（一）基本情况" in text and "1.部门主要职责" in text
    assert "较2019年预算增加565.57万元（增幅33.93%）" in text
    # tables reversed: the first one printed is now the stage-target forms, labelled 表01
    assert text.index("表01") < text.index("项目绩效目标申报表") < text.index("年部门收支预算总表")
    # the cross-reference follows the new numbering (一般公共预算支出表 is now the 5th from the end)
    assert "详见表05" in text
    assert '<p class="demo">江汉区人民政府办公室</p>' in html


def test_unknown_profile_is_reported_at_its_line(templates: Path, tmp_path: Path) -> None:
    path = data_with_profile(tmp_path, "no-such-profile")
    with pytest.raises(DataErrors) as info:
        prepare(path)
    issue = next(i for i in info.value.issues if i.is_error)
    assert issue.pos.line == 4 and "no-such-profile" in issue.message and "jianghan-budget" in issue.message


def test_bad_profile_reports_file_and_line(templates: Path, tmp_path: Path) -> None:
    (templates / "profiles" / "broken-budget.yaml").write_text("name: broken-budget\nkind: budget\ntitle: x\noutline:\n  - part: a\n    bogus: 1\n", encoding="utf-8")
    with pytest.raises(DataErrors) as info:
        prepare(data_with_profile(tmp_path, "broken-budget"))
    issue = next(i for i in info.value.issues if i.is_error)
    assert issue.pos.file.endswith("broken-budget.yaml") and issue.pos.line == 6


def test_a_department_without_an_economic_class_drops_its_sentence() -> None:
    """Absence is handled once, by the profile: no 303 spending, no “对个人和家庭的补助0.00万元” sentence."""
    from generator.build import inspect
    from generator.present.document import Paragraph
    from generator.present.kinds import build_document

    from .conftest import EXAMPLES

    loaded, profile, _ = inspect(EXAMPLES["jianghan-2020-budget"])
    assert profile is not None

    def said(report) -> list[str]:  # type: ignore[no-untyped-def]
        out: list[str] = []

        def walk(blocks, sections) -> None:  # type: ignore[no-untyped-def]
            out.extend(b.text for b in blocks if isinstance(b, Paragraph))
            for s in sections:
                walk(s.blocks, s.sections)

        for part in build_document(report, profile).parts:
            walk(part.blocks, part.sections)
        return out

    assert any(p.startswith("对个人和家庭的补助") for p in said(loaded.report))
    without = loaded.report.model_copy(update={
        "basic_economic": [r for r in loaded.report.basic_economic if not r.code.startswith("303")],
        "texts": {k: v for k, v in loaded.report.texts.items() if k != "family_use"},
    })
    assert not any(p.startswith("对个人和家庭的补助") for p in said(without))
