"""Where outputs go and how they are written: atomically, never half-written, a report's outputs together."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def output_stem(data_file: Path, out_dir: Path) -> Path:
    """data/<unit>/<year>-<kind>.yaml → <out_dir>/<unit>/<year>-<kind> (suffix added by caller)."""
    return out_dir / data_file.parent.name / data_file.stem


def table_folder(stem: Path) -> Path:
    """Where the per-table files of a report go (the CSV files): <year>-<kind>-csv/ beside its other outputs."""
    return stem.with_name(f"{stem.name}-csv")


def _staged(path: Path, content: bytes) -> str:
    """``content`` written and flushed to a temporary file beside ``path``; its name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _remove(tmp)
        raise
    return tmp


def _remove(path: str | Path) -> None:
    try:
        if Path(path).is_dir():
            shutil.rmtree(path)
        else:
            os.unlink(path)
    except FileNotFoundError:
        pass


def write_atomic(path: Path, content: bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it into place."""
    tmp = _staged(path, content)
    try:
        os.replace(tmp, path)
    except BaseException:
        _remove(tmp)
        raise


def write_together(files: dict[Path, bytes], folders: dict[Path, dict[str, bytes]] | None = None) -> list[Path]:
    """Replace a report's outputs together: everything is staged first, then renamed into place.

    ``folders`` are replaced whole (a table that no longer exists loses its file). If staging
    fails nothing is replaced; the renames that follow are quick and come one after another.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for path, content in files.items():
            staged.append((_staged(path, content), path))
        for folder, contents in (folders or {}).items():
            folder.parent.mkdir(parents=True, exist_ok=True)
            tmp = tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent)
            os.chmod(tmp, 0o755)
            staged.append((tmp, folder))
            for name, content in contents.items():
                (Path(tmp) / name).write_bytes(content)
    except BaseException:
        for tmp, _ in staged:
            _remove(tmp)
        raise
    for tmp, target in staged:
        if Path(tmp).is_dir():
            old = target.with_name(f".{target.name}.old")
            _remove(old)
            if target.exists():
                os.replace(target, old)
            os.replace(tmp, target)
            _remove(old)
        else:
            os.replace(tmp, target)
    return [target for _, target in staged]
