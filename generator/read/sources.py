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
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError

from generator.errors import DataErrors, Pos, error
from generator.read.limits import MAX_BYTES, LimitExceeded, scan, size_message

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


MAX_EXPONENT = 100
"""Numbers beyond 10^±100 are typing accidents; refusing them keeps Decimal arithmetic from overflowing."""
MAX_DIGITS = 30
"""An integer longer than this is a typing accident."""

_TAG = "tag:yaml.org,2002:"


class _Refused(Exception):
    """A value the loader refuses (an invalid number, a duplicate key …), reported at ``path``."""

    def __init__(self, path: "Path_", message: str) -> None:
        super().__init__(message)
        self.path = path


def _yaml() -> YAML:
    """YAML 1.2, composed by libyaml's C parser when available (ten times faster than pure Python)."""
    return YAML(typ="safe", pure=False)


def _scalar(node: ScalarNode, path: Path_) -> Any:
    tag = node.tag or ""
    text = node.value
    if tag == _TAG + "str":
        return _text(text, path)
    if tag == _TAG + "float":
        return _decimal(text, path)
    if tag == _TAG + "int":
        if len(text.lstrip("+-").replace("_", "")) > MAX_DIGITS:
            raise _Refused(path, f"数值 {text[:20]}… 位数过多")
        return _int(text, path)
    if tag == _TAG + "bool":
        return text.lower() == "true"
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "timestamp":
        return text  # a date as written; the models decide whether text is wanted there
    if tag.startswith(_TAG) or tag.startswith("!"):
        raise _Refused(path, f"不支持的 YAML 类型标记 {tag}")
    return _text(text, path)


_BASES = {"0o": "八", "0x": "十六", "0b": "二"}


def _int(text: str, path: Path_) -> int:
    """Integers as written in decimal; 0o octal, 0x hexadecimal and 0b binary are not amounts and are refused."""
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    digits = digits.lstrip("+-")
    if digits[:2].lower() in _BASES:
        raise _Refused(path, f"数值 {text[:20]} 是{_BASES[digits[:2].lower()]}进制写法，请写成十进制数字")
    try:
        return sign * int(digits)
    except ValueError:
        raise _Refused(path, f"无法识别的数值 {text[:20]!r}") from None


def _decimal(text: str, path: Path_) -> Decimal:
    try:
        value = Decimal(text.replace("_", ""))
    except InvalidOperation:
        raise _Refused(path, f"无法识别的数值 {text[:20]!r}") from None
    if not value.is_finite() or abs(value.adjusted()) > MAX_EXPONENT:
        raise _Refused(path, f"数值 {text[:20]!r} 超出范围")
    return value


def _plain(node: Node, path: Path_, spots: dict[Path_, tuple[int, int]]) -> Any:
    """Plain values from composed nodes (whose depth and expanded size ``limits.scan`` has bounded)."""
    if isinstance(node, MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                raise _Refused(path, "不支持合并键（<<），请直接写出各项")
            if not isinstance(key_node, ScalarNode):
                raise _Refused(path, "键必须是简单文字")
            key = _text(str(key_node.value), path)
            sub = (*path, key)
            if key in out:
                first = spots.get(sub, (0, 0))[0]
                spots[sub] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                raise _Refused(sub, f"键“{key}”重复（第一次出现在第 {first} 行）")
            spots[sub] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
            out[key] = _plain(value_node, sub, spots)
        return out
    if isinstance(node, SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            sub = (*path, index)
            spots[sub] = (item.start_mark.line + 1, item.start_mark.column + 1)
            items.append(_plain(item, sub, spots))
        return items
    assert isinstance(node, ScalarNode)  # a composed node is a mapping, a sequence or a scalar
    return _scalar(node, path)


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
    from generator.read.yaml_messages import chinese

    return f"YAML 语法错误：{chinese(str(problem))}"


def load_text(text: str, file: str) -> tuple[dict[str, Any], PositionMap]:
    """Parse YAML text; raise DataErrors with a position for any syntax problem or a limit exceeded."""
    positions = PositionMap(file)
    try:
        scan(_yaml().parse(text))
        node = _yaml().compose(text)
    except LimitExceeded as exc:
        raise DataErrors([error(Pos(file, exc.line, exc.col), str(exc), "limits")]) from None
    except MarkedYAMLError as exc:
        raise DataErrors([error(_mark_pos(file, exc), _syntax_message(exc), "yaml")]) from None
    except ReaderError as exc:
        raise DataErrors(
            [error(_offset_pos(file, text, exc.position), f"文件含有不能出现在文本中的控制字符（U+{_code_point(exc.character):04X}）", "yaml")]
        ) from None
    except YAMLError as exc:
        raise DataErrors([error(Pos(file, 1, 1), _syntax_message(exc), "yaml")]) from None
    except RecursionError:
        raise DataErrors([error(Pos(file, 1, 1), "YAML 语法错误：嵌套层次过深", "yaml")]) from None
    if node is None or (isinstance(node, ScalarNode) and node.tag == _TAG + "null"):
        raise DataErrors([error(Pos(file, 1, 1), "数据文件为空", "yaml")])
    if not isinstance(node, MappingNode):
        raise DataErrors([error(Pos(file, 1, 1), "数据文件的顶层应为键值映射（key: value）", "yaml")])
    try:
        return _plain(node, (), positions.spots), positions
    except _Refused as exc:
        raise DataErrors([error(positions.pos(exc.path), str(exc), "yaml")]) from None
    except RecursionError:
        raise DataErrors([error(Pos(file, 1, 1), "YAML 语法错误：嵌套层次过深", "yaml")]) from None


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
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DataErrors([error(Pos(file, 1, 1), size_message(size), "limits")])
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
