from decimal import Decimal
from pathlib import Path

import pytest

from generator.errors import DataErrors
from generator.read.sources import load_file, load_text


def test_floats_are_exact_decimals() -> None:
    data, _ = load_text("a: 0.1\nb: 1257.20\n", "x.yaml")
    assert data == {"a": Decimal("0.1"), "b": Decimal("1257.20")}


def test_positions_of_nested_values() -> None:
    _, pos = load_text("a:\n  - code: \"201\"\n    amount: 5\n", "x.yaml")
    assert str(pos.pos(("a", 0, "amount"))) == "x.yaml:3:13"
    assert str(pos.pos(("a", 0, "missing"))) == "x.yaml:2:5"


@pytest.mark.parametrize(
    ("text", "where"),
    [("a: [1, 2\n", "x.yaml:2:1"), ("a: 1\na: 2\n", "x.yaml:2:1"), ("a:\n\t- 1\n", "x.yaml:2:1"), ("", "x.yaml:1:1"), ("- 1\n- 2\n", "x.yaml:1:1")],
)
def test_bad_yaml_has_a_position(text: str, where: str) -> None:
    with pytest.raises(DataErrors) as info:
        load_text(text, "x.yaml")
    assert str(info.value.issues[0]).startswith(where)


def test_not_utf8(tmp_path: Path) -> None:
    bad = tmp_path / "2020-budget.yaml"
    bad.write_bytes("kind: budget\nname: 江汉\n".encode("gbk"))
    with pytest.raises(DataErrors) as info:
        load_file(bad)
    assert "UTF-8" in str(info.value)
