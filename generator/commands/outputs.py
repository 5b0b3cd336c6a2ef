"""Where outputs go and how they are written: never half-written, a report's files replaced together.

Every new file is first written in full to a temporary file beside its target (created
with mode 0666, so the umask applies as to any file the user creates). Only when all of a
report's files are on disk are they renamed into place, after a small journal listing
the renames has been written: a build killed between two renames is completed by the
next run (``recover``), and a build that fails before (disk full, read-only folder, Ctrl-C)
removes its temporary files and leaves the previous outputs as they were.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
import shutil
from pathlib import Path

from generator.errors import UserError

_CAUSES = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "文件夹是只读的",
    errno.ENAMETOOLONG: "路径过长",
    errno.ENOTDIR: "路径中有同名文件而不是文件夹",
    errno.EISDIR: "目标是一个文件夹",
    errno.EEXIST: "路径中有同名文件而不是文件夹",
}


class OutputError(UserError):
    """An output could not be written: names the folder and the cause."""


def cause(exc: OSError) -> str:
    """Why the system refused, in Chinese where the cause is a common one."""
    return _CAUSES.get(exc.errno or 0) or exc.strerror or type(exc).__name__


def output_error(path: Path, exc: OSError) -> OutputError:
    return OutputError(f"无法写入 {path}：{cause(exc)}")


def system_error(exc: OSError) -> str:
    """A message for a refusal of the system that no step turned into its own message."""
    where = f" {exc.filename}" if exc.filename else ""
    return f"无法读写{where}：{cause(exc)}"


def output_stem(data_file: Path, out_dir: Path) -> Path:
    """data/<unit>/<year>-<kind>.yaml → <out_dir>/<unit>/<year>-<kind> (suffix added by caller)."""
    return out_dir / data_file.parent.name / data_file.stem


def table_folder(stem: Path) -> Path:
    """Where the per-table files of a report go (the CSV files): <year>-<kind>-csv/ beside its other outputs."""
    return stem.with_name(f"{stem.name}-csv")


def _temp_for(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")


def _write_temp(path: Path, content: bytes) -> Path:
    """A complete, flushed copy of ``content`` in a new temporary file beside ``path``."""
    tmp = _temp_for(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _remove(tmp)
        raise
    return tmp


def _write_temp_folder(path: Path, contents: dict[str, bytes]) -> Path:
    """A complete copy of a folder of files in a new temporary folder beside ``path`` (mode per the umask)."""
    tmp = _temp_for(path)
    os.mkdir(tmp, 0o777)  # the umask applies
    try:
        for name, content in contents.items():
            _write_file(tmp / name, content)
    except BaseException:
        _remove(tmp)
        raise
    return tmp


def _write_file(path: Path, content: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)


def _remove(path: Path) -> None:
    try:
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.unlink(path)
    except FileNotFoundError:
        pass


def _replace(tmp: str, target: str) -> None:
    """Rename ``tmp`` onto ``target``; a folder replaces the old folder whole."""
    if os.path.isdir(tmp) and os.path.isdir(target):
        old = f"{target}.old-{secrets.token_hex(4)}"
        os.replace(target, old)
        os.replace(tmp, target)
        _remove(Path(old))
    else:
        os.replace(tmp, target)


def _sync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def journal_path(stem: Path) -> Path:
    return stem.parent / f".{stem.name}.replacing"


def write_set(stem: Path, files: dict[Path, bytes], folders: dict[Path, dict[str, bytes]] | None = None) -> list[Path]:
    """Replace every file of one report (``stem`` names it) together: all new, or all as before.

    ``folders`` (e.g. the CSV tables) are replaced whole: a table that no longer exists loses its file.
    """
    if not files and not folders:
        return []
    folder = stem.parent
    recover(stem)
    temps: dict[Path, Path] = {}
    journal = journal_path(stem)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for target, content in files.items():
            temps[target] = _write_temp(target, content)
        for target, contents in (folders or {}).items():
            temps[target] = _write_temp_folder(target, contents)
        plan = [[str(tmp), str(target)] for target, tmp in temps.items()]
        journal_tmp = _write_temp(journal, json.dumps(plan, ensure_ascii=False).encode())
        temps[journal] = journal_tmp
        os.replace(journal_tmp, journal)  # from here on, the new set is committed
    except OSError as exc:
        for tmp in temps.values():
            _remove(tmp)
        raise output_error(folder, exc) from None
    except BaseException:
        for tmp in temps.values():
            _remove(tmp)
        raise
    recover(stem)
    return [target for target in temps if target != journal]


def recover(stem: Path) -> None:
    """Finish the renames of a committed set whose build was stopped half-way, then drop the journal."""
    journal = journal_path(stem)
    try:
        plan = json.loads(journal.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return
    except (OSError, ValueError):
        plan = None
    if not isinstance(plan, list):
        plan = []
    folder = str(stem.parent)
    try:
        for pair in plan:
            if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) and os.path.dirname(p) == folder for p in pair)):
                continue  # not a journal this module wrote
            if os.path.exists(pair[0]):
                _replace(pair[0], pair[1])
        _sync_dir(stem.parent)
        _remove(journal)
    except OSError as exc:
        raise output_error(stem.parent, exc) from None


def write_atomic(path: Path, content: bytes) -> None:
    """Write one file: to a temporary file beside ``path``, then renamed into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = _write_temp(path, content)
    except OSError as exc:
        raise output_error(path.parent, exc) from None
    try:
        os.replace(tmp, path)
    except BaseException as exc:
        _remove(tmp)
        if isinstance(exc, OSError):
            raise output_error(path.parent, exc) from None
        raise
