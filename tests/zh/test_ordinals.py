import pytest

from generator.zh.ordinals import cn_int, cn_int_nian, number


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "一"), (2, "二"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"), (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"), (115, "一百一十五")],
)
def test_cn_int(n: int, text: str) -> None:
    assert cn_int(n) == text


def test_nian_form_only_for_twenties() -> None:
    assert [cn_int_nian(n) for n in (20, 21, 25, 30)] == ["二十", "廿一", "廿五", "三十"]


@pytest.mark.parametrize(
    ("style", "n", "label"),
    [("part", 3, "第三部分"), ("cn_dun", 1, "一、"), ("cn_paren", 2, "（二）"), ("arabic_dot", 3, "3."), ("arabic_dun", 4, "4、"), ("arabic_paren", 1, "（1）"), ("arabic_half_paren", 10, "(10)"), ("zero_pad", 4, "04"), ("cn_nian_paren", 21, "（廿一）")],
)
def test_number_styles(style: str, n: int, label: str) -> None:
    assert number(style, n) == label


def test_unknown_style_is_an_error() -> None:
    with pytest.raises(ValueError):
        number("roman", 1)
