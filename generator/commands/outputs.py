"""Where outputs go and how they are written: atomically, never half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def output_stem(data_file: Path, out_dir: Path) -> Path:
    """data/<unit>/<year>-<kind>.yaml → <out_dir>/<unit>/<year>-<kind> (suffix added by caller)."""
    return out_dir / data_file.parent.name / data_file.stem


def write_atomic(path: Path, content: bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
