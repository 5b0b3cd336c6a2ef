"""Find data files: a file as given, or every <year>-<kind>.yaml below a folder."""

from __future__ import annotations

import re
from pathlib import Path

NAME = re.compile(r"^\d{4}-(budget|final)\.ya?ml$")


def data_files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.y*ml") if NAME.match(p.name) and not any(part.startswith(".") for part in p.parts)))
        else:
            found.append(path)
    seen: set[Path] = set()
    unique = []
    for p in found:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique
