"""Malformed data never crashes `disclosure check`: it exits 0 or 1, and every error has file:line:col.

Valid data files are mutated at three depths — bytes, lines of YAML text, and the loaded
structure — or given hostile additions (deep nesting, aliases, long texts, odd numbers,
templates in text), and each result is checked through the command line. A failing build must
leave an existing output untouched.
"""

from __future__ import annotations

import io
import re
import tempfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from generator.commands.cli import main

DATA = Path(__file__).resolve().parent.parent / "data"
SOURCES = [DATA / "jianghan-gov-office" / "2020-budget.yaml", DATA / "jiangan-gov-office" / "2023-final.yaml"]
TEXTS = [p.read_text(encoding="utf-8") for p in SOURCES]
ISSUE_LINE = re.compile(r"^.+:\d+:\d+: (错误|警告): ")

ODD_VALUES = [
    "", "~", "[]", "{}", "-1", "-0.01", "1e400", "1e-400", "99999999999999999999999", "1" * 5000, "0x1F", "0o17",
    "1_000.5", ".nan", "-.inf", "true", "no", "2020-01-01", "12:30:45", "'text'", '"2010301"', "2010301",
    "!!binary aGk=", "!!python/object:os.system x", "!custom x", "&a x", "*undefined", "[1, [2, [3]]]",
    "{a: {b: c}}", "中文", '"\\ud800"', '"\\x07"', "|\n  block", ">-", "? complex", "- item", "@reserved", "`tick",
    "'unclosed", '"unclosed', "[unclosed", "{a: 1, a: 2}", "<<: *x", "%TAG", "---", "...",
]
LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30), st.sampled_from(ODD_VALUES),
)
VALUES = st.recursive(LEAVES, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)), max_leaves=6)


def check(content: bytes, name: str = "2020-budget.yaml") -> Result:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "unit" / name
        path.parent.mkdir()
        path.write_bytes(content)
        return CliRunner().invoke(main, ["check", str(path)])


def assert_clean(result: Result) -> None:
    """Exit 0 or 1, no traceback, no internal error, every error line positioned."""
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output and "内部错误" not in result.output, result.output
    *issues, count = result.output.rstrip("\n").split("\n")
    assert count.startswith("检查了 1 个文件："), result.output
    for line in issues:
        assert ISSUE_LINE.match(line), line
    if result.exit_code == 1:
        assert any(": 错误: " in line for line in issues), result.output


# --- text mutations ----------------------------------------------------------------------------


@st.composite
def mutated_text(draw: st.DrawFn) -> bytes:
    lines = draw(st.sampled_from(TEXTS)).split("\n")
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "duplicate", "tab", "value", "insert", "indent", "truncate"]))
        line = lines[i]
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, line)
        elif kind == "tab":
            lines[i] = "\t" + line.lstrip(" ")
        elif kind == "value" and ":" in line:
            head = line.split(":", 1)[0]
            lines[i] = f"{head}: {draw(st.sampled_from(ODD_VALUES))}"
        elif kind == "insert":
            lines.insert(i, draw(st.text(max_size=20)))
        elif kind == "indent":
            lines[i] = " " * draw(st.integers(0, 7)) + line.lstrip(" ")
        elif kind == "truncate":
            lines = lines[:i] + [line[: draw(st.integers(0, len(line)))]]
        if not lines:
            lines = [""]
    return "\n".join(lines).encode("utf-8", "surrogatepass")


# --- structure mutations -----------------------------------------------------------------------


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            out.extend(_paths(value, (*path, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out.extend(_paths(value, (*path, index)))
    return out


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


@st.composite
def mutated_structure(draw: st.DrawFn) -> bytes:
    yaml = YAML(typ="safe")
    data = yaml.load(draw(st.sampled_from(TEXTS)))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(data)[1:]))
        parent, key = _parent(data, path), path[-1]
        kind = draw(st.sampled_from(["delete", "replace", "add", "wrap", "negate", "huge"]))
        if kind == "delete":
            del parent[key]
        elif kind == "replace":
            parent[key] = draw(VALUES)
        elif kind == "add" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=8))] = draw(VALUES)
        elif kind == "wrap":
            parent[key] = draw(st.sampled_from([[parent[key]], {"value": parent[key]}]))
        elif kind in ("negate", "huge") and isinstance(parent[key], (int, float)) and not isinstance(parent[key], bool):
            parent[key] = -parent[key] - 1 if kind == "negate" else parent[key] * 10**15
        if not _paths(data)[1:]:
            break
    dumper = YAML(typ="safe")
    dumper.allow_unicode = True
    stream = io.StringIO()
    dumper.dump(data, stream)
    return stream.getvalue().encode("utf-8", "surrogatepass")


# --- byte mutations ----------------------------------------------------------------------------


@st.composite
def mutated_bytes(draw: st.DrawFn) -> bytes:
    text = draw(st.sampled_from(TEXTS))
    kind = draw(st.sampled_from(["random", "empty", "utf16", "gbk", "nul", "bom", "flip"]))
    if kind == "random":
        return draw(st.binary(max_size=200))
    if kind == "empty":
        return draw(st.sampled_from([b"", b"\n", b"   \n", b"# only a comment\n", b"---\n", b"...\n"]))
    if kind == "utf16":
        return text.encode("utf-16")
    if kind == "gbk":
        return text.encode("gbk", "replace")
    raw = text.encode("utf-8")
    at = draw(st.integers(0, len(raw)))
    if kind == "nul":
        return raw[:at] + b"\x00" + raw[at:]
    if kind == "bom":
        return b"\xef\xbb\xbf" + raw
    return raw[:at] + draw(st.binary(min_size=1, max_size=4)) + raw[at + 1:]


# --- hostile inputs: the families of limits -------------------------------------------------------


@st.composite
def hostile(draw: st.DrawFn) -> bytes:
    """Deep nesting, aliases, long texts, odd numbers and templates in text, set into a valid file."""
    text = draw(st.sampled_from(TEXTS))
    family = draw(st.sampled_from(["flow", "block", "alias", "wide_alias", "long", "number", "template"]))
    if family == "flow":
        depth = draw(st.sampled_from([30, 41, 400, 30_000]))
        opener = draw(st.sampled_from(["[", "{a: "]))
        closer = "]" if opener == "[" else "}"
        return (text + f"x: {opener * depth}{closer * depth}\n").encode()
    if family == "block":
        depth = draw(st.integers(30, 120))
        return (text + "".join(" " * i + "x:\n" for i in range(depth)) + " " * depth + "y: 1\n").encode()
    if family == "alias":
        width, levels = draw(st.integers(2, 12)), draw(st.integers(1, 9))
        names = [f"n{i}" for i in range(levels + 1)]
        lines = [f"{names[0]}: &{names[0]} [{', '.join(['x' * draw(st.integers(1, 50))] * width)}]"]
        lines += [f"{c}: &{c} [{', '.join([f'*{p}'] * width)}]" for p, c in zip(names, names[1:])]
        return (text + "\n".join(lines) + "\n").encode()
    if family == "wide_alias":
        size, uses = draw(st.integers(1, 9_999)), draw(st.integers(1, 1_200))
        return (text + f"x: &big {'y' * size}\nz: [{', '.join(['*big'] * uses)}]\n").encode()
    if family == "long":
        return text.replace("kind:", f"note: {'字' * draw(st.integers(5_000, 20_000))}\nkind:", 1).encode()
    lines = text.split("\n")
    spots = [i for i, line in enumerate(lines) if re.search(r": (\d+(\.\d+)?|\".*\")$", line)]
    i = draw(st.sampled_from(spots))
    head = lines[i].rsplit(": ", 1)[0]
    if family == "number":
        value = draw(st.sampled_from(["0b1011", "0x1F", "0o17", "1e-23", "1e23", "12.345", "0.001", "1.10", "99999999999.99", "-0.00", "1_000.5"]))
    else:
        value = '"' + draw(st.sampled_from(["{total}", "{nosuch}", "[{why.total}]", "{", "}", "{{total}}", "{text.x}"])) + '"'
    lines[i] = f"{head}: {value}"
    return "\n".join(lines).encode()


@settings(max_examples=150, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate], suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of(mutated_text(), mutated_structure(), mutated_bytes(), hostile()))
def test_check_never_crashes(content: bytes) -> None:
    assert_clean(check(content))


def test_known_hard_cases() -> None:
    """Cases found while fuzzing, kept so they stay fixed."""
    for content in [
        "a: " + "[" * 400 + "]" * 400,  # nesting beyond the parser's recursion limit
        "a: &a {x: 1}\nb:\n  <<: *a\n",  # a merge key: no position data for merged keys
        "a: 1e999999999\n",  # a Decimal that overflows on comparison
        "a: " + "1" * 5000,  # an int beyond Python's digit limit
        "a: " + "[" * 30_000 + "]" * 30_000,  # nesting that crashed the parser's C code
        "a: 0b1011\n",  # a binary number
        "kind: budget\nexpenditure: [{code: '2010301', basic: 1e-23}]\n",  # an amount below a cent
        "a: \x07\n",  # a control character: a ReaderError, not a MarkedYAMLError
        '"\\ud800": 1\n',  # a lone surrogate (cannot be printed)
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"{c}: &{c} [{', '.join([f'*{p}'] * 10)}]\n" for p, c in zip("abcdefg", "bcdefgh")
        ),  # an alias bomb
    ]:
        result = check(content.encode("utf-8", "surrogatepass"))
        assert result.exit_code == 1
        assert_clean(result)


def test_failed_build_keeps_the_existing_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    unit = tmp_path / "data" / "jianghan-gov-office"
    unit.mkdir(parents=True)
    target = out / "jianghan-gov-office" / "2020-budget.html"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"<p>the report as built last time</p>")
    good = TEXTS[0]
    for broken in (
        good.replace("basic: 675.09", "basic: -675.09"),  # a schema error
        good.replace("  - name: 督查工作\n    amount: 5.00", "  - name: 督查工作\n    amount: 5000.00"),  # a rule error
        good.replace("kind: budget", "kind: budget\n\tyear: 2020"),  # a syntax error
    ):
        assert broken != good
        (unit / "2020-budget.yaml").write_text(broken, encoding="utf-8")
        result = CliRunner().invoke(main, ["build", str(unit / "2020-budget.yaml"), "--format", "html", "-o", str(out), "--force"])
        assert result.exit_code == 1, result.output
        assert target.read_bytes() == b"<p>the report as built last time</p>"
        assert sorted(p.name for p in target.parent.iterdir()) == ["2020-budget.html"]
