"""Problems found in user input, each with its place in a file."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "错误"
    WARNING = "警告"


@dataclass(frozen=True, order=True)
class Pos:
    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Issue:
    pos: Pos
    severity: Severity
    message: str
    rule: str = ""

    def __str__(self) -> str:
        """One line: file:line:col: 错误|警告: message (a line break or control character in the data is shown escaped)."""
        return f"{self.pos}: {self.severity.value}: {one_line(self.message)}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def one_line(text: str) -> str:
    """``text`` on one line: line breaks and other control characters written as \\n, \\t, \\x07 …"""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


class UserError(Exception):
    """A failure the user can fix; the CLI prints it without a traceback."""


class DataErrors(UserError):
    """One or more problems in a data file."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = sorted(issues, key=lambda i: (i.pos, i.message))
        super().__init__("\n".join(str(i) for i in self.issues))


def error(pos: Pos, message: str, rule: str = "") -> Issue:
    return Issue(pos, Severity.ERROR, message, rule)


def warning(pos: Pos, message: str, rule: str = "") -> Issue:
    return Issue(pos, Severity.WARNING, message, rule)
