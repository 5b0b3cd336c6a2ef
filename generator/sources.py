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


def _decimal_float(constructor: SafeConstructor, node: Any) -> Decimal:
    text = str(node.value).replace("_", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ConstructorError(None, None, f"无法识别的数值 {node.value!r}", node.start_mark)
    return value


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor.add_constructor("tag:yaml.org,2002:float", _decimal_float)
    yaml.allow_duplicate_keys = False
    return yaml


def _plain(node: Any, path: Path_, spots: dict[Path_, tuple[int, int]]) -> Any:
    if isinstance(node, CommentedMap):
        out: dict[str, Any] = {}
        for key in node:
            line, col = node.lc.value(key) if node.lc.data.get(key) else (None, None)
            sub = (*path, str(key))
            if line is not None:
                spots[sub] = (line + 1, col + 1)
            out[str(key)] = _plain(node[key], sub, spots)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for index, item in enumerate(node):
            sub = (*path, index)
            if index in node.lc.data:
                line, col = node.lc.item(index)
                spots[sub] = (line + 1, col + 1)
            items.append(_plain(item, sub, spots))
        return items
    if isinstance(node, str):
        return str(node)
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    return node


def _mark_pos(file: str, exc: MarkedYAMLError) -> Pos:
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return Pos(file, 1, 1)
    return Pos(file, mark.line + 1, mark.column + 1)


def _syntax_message(exc: YAMLError) -> str:
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if "duplicate key" in str(exc):
        return "YAML 语法错误：键重复"
    if "tab" in str(problem):
        return "YAML 语法错误：不能用制表符缩进"
    return f"YAML 语法错误：{problem}"


def load_text(text: str, file: str) -> tuple[dict[str, Any], PositionMap]:
    """Parse YAML text; raise DataErrors with a position for any syntax problem."""
    positions = PositionMap(file)
    try:
        node = _yaml().load(text)
    except MarkedYAMLError as exc:
        raise DataErrors([error(_mark_pos(file, exc), _syntax_message(exc), "yaml")]) from None
    except YAMLError as exc:
        raise DataErrors([error(Pos(file, 1, 1), _syntax_message(exc), "yaml")]) from None
    if node is None:
        raise DataErrors([error(Pos(file, 1, 1), "数据文件为空", "yaml")])
    if not isinstance(node, CommentedMap):
        raise DataErrors([error(Pos(file, 1, 1), "数据文件的顶层应为键值映射（key: value）", "yaml")])
    return _plain(node, (), positions.spots), positions


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
