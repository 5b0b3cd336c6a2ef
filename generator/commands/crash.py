"""Internal errors (bugs of the toolkit): the user sees one line and where the details were saved.

The traceback goes to a log file, never to the screen: ``DISCLOSURE_LOG_DIR``, else the user's state
folder (``$XDG_STATE_HOME/disclosure``, ``~/.local/state/disclosure``; ``%LOCALAPPDATA%\\disclosure`` on
Windows), else the system's temporary folder.
"""

from __future__ import annotations

import datetime
import os
import platform
import sys
import tempfile
import traceback
from pathlib import Path

from generator import __version__

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
"""Exit codes: 0 no problem; 1 problems in the data (or a failed build); 2 a wrong command line; 3 an internal error."""


def log_dirs() -> list[Path]:
    env = os.environ.get("DISCLOSURE_LOG_DIR")
    if env:
        return [Path(env)]
    dirs = []
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        dirs.append(Path(os.environ["LOCALAPPDATA"]) / "disclosure")
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    dirs.append(Path(state) / "disclosure")
    dirs.append(Path(tempfile.gettempdir()) / "disclosure")
    return dirs


def save_traceback(exc: BaseException, context: str = "") -> Path | None:
    """Append the traceback of ``exc`` to ``errors.log``; its path, or None when no folder could be written."""
    stamp = datetime.datetime.now().isoformat(timespec="seconds")
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    entry = (
        f"=== {stamp}  disclosure {__version__}  Python {platform.python_version()}  {platform.platform()}\n"
        f"命令：{' '.join(sys.argv)}\n" + (f"{context}\n" if context else "") + text + "\n"
    )
    for folder in log_dirs():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / "errors.log"
            with path.open("a", encoding="utf-8") as handle:
                handle.write(entry)
            return path
        except OSError:
            continue
    return None


def internal_message(exc: BaseException, context: str = "") -> str:
    """One line for the user: what happened, that it is a bug to report, and where the details are."""
    if os.environ.get("DISCLOSURE_DEBUG"):
        traceback.print_exception(type(exc), exc, exc.__traceback__)
    log = save_traceback(exc, context)
    if log is None:
        return f"内部错误（{type(exc).__name__}）：这是本工具的缺陷，不是数据的问题。请把数据文件和这条信息一并反馈（详细信息未能保存）。"
    return f"内部错误（{type(exc).__name__}）：这是本工具的缺陷，不是数据的问题。请把数据文件和日志文件 {log} 一并反馈。"
