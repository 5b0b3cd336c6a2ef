"""Limits on a data file, enforced before any value is built.

The YAML text is first read as a stream of events, which the parser produces without
recursion: nesting depth, text length, aliases and the size the aliases would expand to
are counted there, and the file is refused at the first event beyond a limit. Only a
file within every limit is then composed into nodes (a step that recurses once per level
of nesting and that aliases multiply).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, NodeEvent, ScalarEvent

MAX_BYTES = 8 * 1024 * 1024
"""A data file is at most 8 MiB; the largest example is 140 KB, and a department with 50 times its projects 3.1 MB."""
MAX_DEPTH = 40
"""Lists and mappings nest at most 40 deep; data files nest a few levels."""
MAX_TEXT = 10_000
"""A single text (or key) is at most 10,000 characters; the longest paragraph of the examples has about 1,100."""
MAX_ALIASES = 1_000
"""At most 1,000 uses of an alias (``*name``) in a file."""
MAX_SIZE = 8_000_000
"""Size of the data once every alias is expanded: one per value plus the characters of every text and key.

Without aliases this is below the file's size in bytes; with them it bounds what the
aliases can multiply a small file into."""


class LimitExceeded(Exception):
    """The file goes beyond a limit at ``line``/``col`` (1-based)."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line, self.col = line, col


def size_message(size: int) -> str:
    return f"文件过大（{size / 1024 / 1024:.1f} MB），数据文件最大为 {MAX_BYTES // 1024 // 1024} MB；请检查是否选错了文件"


@dataclass
class _Open:
    anchor: str | None
    size: int = 1


@dataclass
class _Scan:
    open: list[_Open] = field(default_factory=list)
    anchors: dict[str, int | None] = field(default_factory=dict)
    """Expanded size of each anchored value; None while the value is still open."""
    total: int = 0
    aliases: int = 0

    def add(self, size: int) -> None:
        if self.open:
            self.open[-1].size += size
        self.total += size


def _where(event: NodeEvent | CollectionEndEvent) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def scan(events) -> None:  # type: ignore[no-untyped-def]
    """Walk parser events; raise LimitExceeded at the first one beyond a limit."""
    state = _Scan()
    for event in events:
        if isinstance(event, CollectionStartEvent):
            if len(state.open) >= MAX_DEPTH:
                raise LimitExceeded(*_where(event), f"嵌套层次过深（超过 {MAX_DEPTH} 层列表或映射）")
            if event.anchor is not None:
                state.anchors[event.anchor] = None
            state.open.append(_Open(event.anchor))
            state.total += 1
        elif isinstance(event, CollectionEndEvent):
            done = state.open.pop()
            if done.anchor is not None:
                state.anchors[done.anchor] = done.size
            if state.open:
                state.open[-1].size += done.size
        elif isinstance(event, ScalarEvent):
            if len(event.value) > MAX_TEXT:
                raise LimitExceeded(*_where(event), f"文字过长（{len(event.value)} 个字符），每段文字最多 {MAX_TEXT} 个字符")
            size = 1 + len(event.value)
            if event.anchor is not None:
                state.anchors[event.anchor] = size
            state.add(size)
        elif isinstance(event, AliasEvent):
            state.aliases += 1
            if state.aliases > MAX_ALIASES:
                raise LimitExceeded(*_where(event), f"别名（*{event.anchor}）使用过多：一个文件最多使用 {MAX_ALIASES} 次别名")
            held = state.anchors.get(event.anchor, 0)
            if held is None:
                raise LimitExceeded(*_where(event), f"别名 *{event.anchor} 引用了包含它自身的内容")
            state.add(held)
        else:
            continue
        if state.total > MAX_SIZE:
            cause = "别名（*）展开后的数据过大" if state.aliases else "数据过大"
            raise LimitExceeded(*_where(event), f"{cause}：展开后超过 {MAX_SIZE:,} 个值与字符")
