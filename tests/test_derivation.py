"""Changing one leaf figure changes every dependent total, share and sentence, and nothing else."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from generator.build import prepare
from generator.render.html import render_html

from .conftest import EXAMPLES


def segments(path: Path) -> list[str]:
    """The report's printed texts, one per HTML text node."""
    doc, _ = prepare(path)
    html = render_html(doc)
    body = html[html.index("<body"):]
    return [s.strip() for s in re.split(r"<[^>]+>", body) if s.strip()]


def changed_segments(text: str, old: str, new: str, tmp_path: Path) -> list[str]:
    source = EXAMPLES["jianghan-2020-budget"]
    edited = text
    for o, n in zip(old, new):
        assert o in edited
        edited = edited.replace(o, n)
    unit = tmp_path / "jianghan-gov-office"
    unit.mkdir()
    (unit / "2020-budget.yaml").write_text(edited, encoding="utf-8")
    before, after = segments(source), segments(unit / "2020-budget.yaml")
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    out = []
    for tag, _, _, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            out.extend(after[j1:j2])
    return out


def test_one_leaf_moves_its_dependents(tmp_path: Path) -> None:
    text = EXAMPLES["jianghan-2020-budget"].read_text(encoding="utf-8")
    # 福利费 paid as 提租补贴: +10.00 on function 2210202 and on economic 30229
    old = ('{code: "2210202", name: 提租补贴, basic: 16.84, project: 0}', '{code: "30229", name: 福利费, amount: 16.84}')
    new = ('{code: "2210202", name: 提租补贴, basic: 26.84, project: 0}', '{code: "30229", name: 福利费, amount: 26.84}')
    changed = changed_segments(text, old, new, tmp_path)
    joined = "\n".join(changed)
    expected = {
        "2242.51": "total", "2,242.51": "table total", "985.31": "basic", "985.31万元": "basic sentence",
        "107.34": "221 class", "26.84": "the leaf", "43.94%": "basic share", "56.06%": "project share",
        "比2019年预算增加575.57万元，增长34.53%": "total change", "比2019年预算减少166.63万元，下降14.47%": "basic change",
        "147.26": "公用经费 / 机关运行经费", "257.26": "302 in the summary table",
    }
    for figure, what in expected.items():
        assert figure in joined, what
    moved = re.compile(r"2,?242\.51|985\.31|107\.34|26\.84|43\.94%|56\.06%|575\.57|34\.53%|166\.63|14\.47%|147\.26|257\.26")
    for segment in changed:
        assert moved.search(segment), f"unexpected change: {segment}"
    # unchanged figures stay: project total and the other classes
    assert not any("1,257.20" in s or "125.67" in s for s in changed)
