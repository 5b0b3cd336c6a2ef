import pytest

from generator.present.compose import ProfileError, compose


def test_fields_are_filled() -> None:
    assert compose("{year}年总预算{total}万元。", {"year": "2020", "total": "2232.51"}) == "2020年总预算2232.51万元。"


def test_optional_segment_dropped_when_a_fact_is_empty() -> None:
    facts = {"change": "与上年持平", "why": ""}
    assert compose("{change}[，主要原因是{why}]。", facts) == "与上年持平。"


def test_optional_segment_kept_when_all_facts_present() -> None:
    facts = {"change": "比上年增加1.00万元，增长1.00%", "why": "人员增加"}
    assert compose("{change}[，主要原因是{why}]。", facts) == "比上年增加1.00万元，增长1.00%，主要原因是人员增加。"


def test_unknown_fact_is_a_profile_error() -> None:
    with pytest.raises(ProfileError, match="totl"):
        compose("{totl}", {"total": "1"})


def test_a_fact_is_inserted_literally() -> None:
    """People's text is never read as a template: its braces and brackets print as written."""
    facts = {"why": "REASON{total}END", "total": "2232.51", "name": "项目[{nosuch}]"}
    assert compose("{name}：{why}。", facts) == "项目[{nosuch}]：REASON{total}END。"
    assert compose("合计{total}[，主要原因是{why}]。", facts) == "合计2232.51，主要原因是REASON{total}END。"


def test_an_empty_fact_drops_only_its_segment() -> None:
    facts = {"a": "", "b": "x"}
    assert compose("[A{a}][B{b}]C", facts) == "BxC"
