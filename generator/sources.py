"""Read a YAML data file into plain Python values, remembering where each value stood.

Floats become exact ``Decimal`` (from their source text), mappings and sequences
become dicts and lists, and every key path maps to the line and column of its value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import ConstructorError, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from .errors import DataErrors, Pos, error

Path_ = tuple[str | int, ...]


@dataclass
class PositionMap:
    """Where each value of a loaded file stood: key path → (line, col), 1-based."""

    file: str
    spots: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def pos(self, path: Path_ = ()) -> Pos:
        """The position of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path and path not in self.spots:
            path = path[:-1]
        line, col = self.spots.get(path, (1, 1))
        return Pos(self.file, line, col)


class _Constructor(SafeConstructor):
    pass


MAX_EXPONENT = 100
"""Numbers beyond 10^±100 are typing accidents; refusing them keeps Decimal arithmetic from overflowing."""
MAX_DEPTH = 40
"""Data files nest a few levels; deeper nesting (or an alias that contains itself) is refused."""
MAX_VALUES = 200_000
"""Aliases could otherwise expand a small file into an enormous one."""


def _decimal_float(constructor: SafeConstructor, node: Any) -> Decimal:
    text = str(node.value).replace("_", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ConstructorError(None, None, f"无法识别的数值 {node.value!r}", node.start_mark)
    if not value.is_finite() or abs(value.adjusted()) > MAX_EXPONENT:
        raise ConstructorError(None, None, f"数值 {node.value!r} 超出范围", node.start_mark)
    return value


def _checked_int(constructor: Any, node: Any) -> Any:
    try:
        return _ROUND_TRIP_INT(constructor, node)
    except ValueError:
        raise ConstructorError(None, None, f"数值 {str(node.value)[:20]}… 位数过多", node.start_mark) from None


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor.add_constructor("tag:yaml.org,2002:float", _decimal_float)
    yaml.Constructor.add_constructor("tag:yaml.org,2002:int", _checked_int)
    yaml.allow_duplicate_keys = False
    return yaml


_ROUND_TRIP_INT = YAML(typ="rt").Constructor.yaml_constructors["tag:yaml.org,2002:int"]


class _Refused(Exception):
    """A value the loader refuses (too deep, too many, an invalid character), reported at ``path``."""

    def __init__(self, path: "Path_", message: str) -> None:
        super().__init__(message)
        self.path = path


def _plain(node: Any, path: Path_, spots: dict[Path_, tuple[int, int]], budget: list[int] | None = None) -> Any:
    budget = budget if budget is not None else [MAX_VALUES]
    budget[0] -= 1
    if budget[0] < 0:
        raise _Refused(path, "数据过大（别名 * 展开后的数据过多）")
    if isinstance(node, (CommentedMap, CommentedSeq)) and len(path) > MAX_DEPTH:
        raise _Refused(path, "嵌套层次过深（或别名引用了包含它自身的内容）")
    if isinstance(node, CommentedMap):
        out: dict[str, Any] = {}
        marks = node.lc.data or {}
        for key in node:
            sub = (*path, _text(str(key), path))
            if marks.get(key):
                line, col = node.lc.value(key)
                spots[sub] = (line + 1, col + 1)
            out[str(key)] = _plain(node[key], sub, spots, budget)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        marks = node.lc.data or {}
        for index, item in enumerate(node):
            sub = (*path, index)
            if index in marks:
                line, col = node.lc.item(index)
                spots[sub] = (line + 1, col + 1)
            items.append(_plain(item, sub, spots, budget))
        return items
    if isinstance(node, str):
        return _text(str(node), path)
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    return node


def _text(value: str, path: Path_) -> str:
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise _Refused(path, "文字中含有无效的 Unicode 字符（单独的代理项）")
    return value


def _mark_pos(file: str, exc: MarkedYAMLError) -> Pos:
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return Pos(file, 1, 1)
    return Pos(file, mark.line + 1, mark.column + 1)


def _syntax_message(exc: YAMLError) -> str:
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if "duplicate key" in str(exc):
        return "YAML 语法错误：键重复"
    if "'\\t'" in str(problem):
        return "YAML 语法错误：不能用制表符缩进"
    return f"YAML 语法错误：{problem}"


def load_text(text: str, file: str) -> tuple[dict[str, Any], PositionMap]:
    """Parse YAML text; raise DataErrors with a position for any syntax problem."""
    positions = PositionMap(file)
    try:
        node = _yaml().load(text)
    except MarkedYAMLError as exc:
        raise DataErrors([error(_mark_pos(file, exc), _syntax_message(exc), "yaml")]) from None
    except ReaderError as exc:
        raise DataErrors([error(_offset_pos(file, text, exc.position), f"文件含有不能出现在文本中的控制字符（U+{_code_point(exc.character):04X}）", "yaml")]) from None
    except YAMLError as exc:
        raise DataErrors([error(Pos(file, 1, 1), _syntax_message(exc), "yaml")]) from None
    except RecursionError:
        raise DataErrors([error(Pos(file, 1, 1), "YAML 语法错误：嵌套层次过深", "yaml")]) from None
    if node is None:
        raise DataErrors([error(Pos(file, 1, 1), "数据文件为空", "yaml")])
    if not isinstance(node, CommentedMap):
        raise DataErrors([error(Pos(file, 1, 1), "数据文件的顶层应为键值映射（key: value）", "yaml")])
    try:
        return _plain(node, (), positions.spots), positions
    except _Refused as exc:
        raise DataErrors([error(positions.pos(exc.path), str(exc), "yaml")]) from None


def _code_point(character: Any) -> int:
    return ord(character) if isinstance(character, str) else int(character)


def _offset_pos(file: str, text: str, offset: int) -> Pos:
    """The line and column of a character offset in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return Pos(file, line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def load_file(path: Path) -> tuple[dict[str, Any], PositionMap]:
    """Read and parse one data file."""
    file = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataErrors([error(Pos(file, 1, 1), f"无法读取文件：{exc.strerror}", "io")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataErrors([error(Pos(file, line, 1), "文件不是 UTF-8 编码，请另存为 UTF-8", "encoding")]) from None
    if "\x00" in text:
        raise DataErrors([error(Pos(file, 1, 1), "文件含有空字符（NUL），不是文本文件", "encoding")])
    return load_text(text, file)
