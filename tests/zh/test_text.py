import pytest

from generator.zh.text import tidy


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("2019 年 12 月", "2019年12月"), ("共 22 条", "共22条"), (" 本部门 ", "本部门"), ("Noto Serif SC 字体", "Noto Serif SC 字体"), ("95% 以上", "95%以上")],
)
def test_tidy(raw: str, clean: str) -> None:
    assert tidy(raw) == clean
