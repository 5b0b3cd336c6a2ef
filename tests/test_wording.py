"""Texts people write, and lists printed as complete: each case gives its message at the text's own line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import check_file, prepare
from generator.present.compose import compose

from .conftest import DATA

JIANGAN = DATA / "jiangan-gov-office" / "2023-final.yaml"
JIANGHAN = DATA / "jianghan-gov-office" / "2020-budget.yaml"
XINZHOU = DATA / "xinzhou-gov-office" / "2023-budget.yaml"


def variant(tmp_path: Path, source: Path, old: str, new: str) -> tuple[Path, int]:
    """A copy of an example with one text changed; the line of the change."""
    text = source.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    line = text[: text.index(old)].count("\n") + 1
    target = tmp_path / source.parent.name / source.name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target, line


def found(path: Path, rule: str) -> list[tuple[int, str, bool]]:
    return [(i.pos.line, i.message, i.is_error) for i in check_file(path) if i.rule == rule]


@pytest.mark.parametrize("example", [JIANGAN, JIANGHAN, XINZHOU, *sorted(DATA.glob("putuo-*/*.yaml"))], ids=lambda p: p.parent.name)
def test_the_examples_raise_none_of_the_new_rules(example: Path) -> None:
    rules = {
        "punctuation",
        "repeated_words",
        "blank_names",
        "date_years",
        "amount_units",
        "missing_reasons",
        "placeholders",
        "complete_lists",
        "profile_names",
        "other_class_terms",
    }
    assert [str(i) for i in check_file(example) if i.rule in rules] == []


def test_xinzhou_project_spending_raised_without_its_projects(tmp_path: Path) -> None:
    path, line = variant(tmp_path, XINZHOU, "    project: 304.53", "    project: 314.53")
    [(at, message, is_error)] = found(path, "complete_lists")
    assert is_error
    assert "304.53" in message and "314.53" in message and "项目支出表" in message
    assert f"{path}:{line}:" in message  # the other place, named in the message
    assert at == XINZHOU.read_text(encoding="utf-8").splitlines().index("projects:") + 2


def test_doubled_mark_in_a_reason(tmp_path: Path) -> None:
    path, line = variant(tmp_path, JIANGAN, 'reason: "人员调整"', 'reason: "人员调整。。"')
    assert [(at, e) for at, _, e in found(path, "punctuation")] == [(line, True)]


def test_clashing_marks(tmp_path: Path) -> None:
    path, line = variant(tmp_path, JIANGHAN, "3600 次；处理群众投诉大于", "3600 次，；处理群众投诉大于")
    [(at, message, _)] = found(path, "punctuation")
    assert at == line and "，；" in message


def test_a_reason_with_its_own_full_stop_prints_one() -> None:
    assert compose("减少{x}[，主要原因是{why}]。", {"x": "1.00", "why": "人员调整。"}) == "减少1.00，主要原因是人员调整。"
    assert compose("[{why}]；其他", {"why": "人员调整；"}) == "人员调整；其他"


def test_a_list_entry_with_its_own_full_stop_prints_one(tmp_path: Path) -> None:
    path, _ = variant(tmp_path, JIANGAN, 'reason: "人员调整"', 'reason: "人员调整。"')
    assert found(path, "punctuation") == []
    doc, _ = prepare(path)
    text = "".join(p.text for part in doc.parts for s in _walk(part.sections) for p in s.blocks if hasattr(p, "text"))
    assert "人员调整。" in text and "。。" not in text


def _walk(sections):  # type: ignore[no-untyped-def]
    for s in sections:
        yield s
        yield from _walk(s.sections)


def test_repeated_word(tmp_path: Path) -> None:
    path, line = variant(tmp_path, JIANGAN, 'use: "人员工资和项目支出"', 'use: "落实落实人员工资和项目支出"')
    [(at, message, _)] = found(path, "repeated_words")
    assert at == line and "落实落实" in message


@pytest.mark.parametrize("left", ["请结合部门职能编报", "请选择填报", "请填写", "待填写", "{单位}"])
def test_form_instructions(tmp_path: Path, left: str) -> None:
    path, line = variant(tmp_path, JIANGAN, 'use: "人员工资和项目支出"', f'use: "人员工资{left}"')
    assert [at for at, _, _ in found(path, "placeholders")] == [line]


@pytest.mark.parametrize("blank", ["XX", "××"])
def test_blank_in_the_department_name(tmp_path: Path, blank: str) -> None:
    path, line = variant(tmp_path, JIANGHAN, "  name: 江汉区人民政府办公室", f"  name: 江汉区{blank}办公室")
    assert [(at, e) for at, _, e in found(path, "blank_names")] == [(line, True)]


def test_a_stock_date_of_another_year(tmp_path: Path) -> None:
    path, line = variant(tmp_path, JIANGAN, 'as_of: "2023 年 2 月"', 'as_of: "2022年12月31日"')
    [(at, message, _)] = found(path, "date_years")
    assert at == line and "2022年12月31日" in message


def test_an_amount_in_another_unit(tmp_path: Path) -> None:
    path, line = variant(tmp_path, JIANGAN, 'use: "人员工资和项目支出"', 'use: "人员工资 3.58 元"')
    [(at, message, _)] = found(path, "amount_units")
    assert at == line and "3.58 元" in message and "万元" in message


def test_a_missing_reason_for_a_class_off_its_budget(tmp_path: Path) -> None:
    path, line = variant(tmp_path, JIANGAN, '    reason: "人员调整"\n', "")
    [(at, message, _)] = found(path, "missing_reasons")
    assert at == line - 3 and "201" in message  # at the class_budgets entry


def test_texts_the_report_does_not_print_are_not_looked_at(tmp_path: Path) -> None:
    path, _ = variant(tmp_path, JIANGAN, "texts:\n", 'texts:\n  never_printed: "请填写。。落实落实"\n')
    issues = [i for i in check_file(path) if i.rule in ("punctuation", "repeated_words", "placeholders")]
    assert issues == []


PUTUO_COMMERCE = DATA / "putuo-commerce" / "2025-budget.yaml"


def test_a_housing_class_described_as_medical_insurance(tmp_path: Path) -> None:
    path, line = variant(tmp_path, JIANGAN, 'use: "住房公积金和提租补贴"', 'use: "医疗保险和提租补贴"')
    [(at, message, is_error)] = found(path, "other_class_terms")
    assert at == line and not is_error
    assert "221" in message and "医疗保险" in message and "210" in message


def test_an_item_described_with_another_class_name(tmp_path: Path) -> None:
    path, line = variant(tmp_path, PUTUO_COMMERCE, "use: 人员社会保险费缴纳", "use: 卫生健康支出中的人员社会保险费缴纳")
    [(at, message, _)] = found(path, "other_class_terms")
    assert at == line and "2080505" in message and "卫生健康支出" in message


def test_a_project_use_text_keyed_by_its_code(tmp_path: Path) -> None:
    path, line = variant(tmp_path, JIANGHAN, "主要是用于不可预见费、", "主要是用于住房公积金、不可预见费、")
    [(at, message, _)] = found(path, "other_class_terms")
    assert at == line and "2010302" in message and "住房公积金" in message


def test_words_of_the_texts_own_class_raise_nothing(tmp_path: Path) -> None:
    # 养老保险 is a 208 word, and a 类's text covers its 款: the 208 row speaking of it is right
    path, _ = variant(tmp_path, JIANGAN, 'use: "职业年金和养老保险"', 'use: "养老保险、职业年金和社会保障和就业支出"')
    assert found(path, "other_class_terms") == []


def _paragraphs(sections: list) -> list[str]:
    from generator.present.document import Paragraph

    out = []
    for section in sections:
        out += [b.text for b in section.blocks if isinstance(b, Paragraph)]
        out += _paragraphs(section.sections)
    return out


@pytest.mark.parametrize("example", sorted(DATA.glob("*/*.yaml")), ids=lambda p: p.parent.name)
def test_an_unchanged_figure_is_with_last_year_not_than(example: Path) -> None:
    """"与2023年度持平", never "比2023年度持平": the word before last year follows the direction."""
    import re

    doc, _ = prepare(example)
    texts = _paragraphs(doc.parts)
    assert texts
    assert not [t for t in texts if re.search(r"比(?:上年|\d{4}年)[^，。；]{0,8}持平", t)]


def test_the_shanghai_finance_three_public_total_is_with_last_year() -> None:
    doc, _ = prepare(DATA / "putuo-finance" / "2024-final.yaml")
    assert any("决算数与2023年度持平" in t for t in _paragraphs(doc.parts))
