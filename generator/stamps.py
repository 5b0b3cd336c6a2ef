"""Incremental builds: a report is rebuilt only when something it depends on changed."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import __version__
from .fonts import bundled_dir
from .profile import templates_dir


def _digest_files(files: list[Path]) -> str:
    h = hashlib.sha256()
    for f in sorted(files):
        h.update(str(f).encode())
        try:
            h.update(f.read_bytes())
        except OSError:
            h.update(b"<missing>")
    return h.hexdigest()


def _tree(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts] if folder.is_dir() else []


def fingerprint(data_file: Path, formats: tuple[str, ...], font_set: str | None) -> str:
    """Data file, last year's file, every template/profile/glossary, code lists, fonts and version."""
    package = Path(__file__).parent
    deps = [data_file]
    for year_sibling in data_file.parent.glob("*.y*ml"):
        if year_sibling != data_file:
            deps.append(year_sibling)
    deps += _tree(templates_dir()) + _tree(package / "codes")
    fonts = bundled_dir()
    meta = {"version": __version__, "formats": sorted(formats), "fonts": font_set or "bundled",
            "font_files": sorted(p.name for p in fonts.iterdir()) if fonts else [],
            "code": _digest_files(sorted(package.rglob("*.py")))}
    return hashlib.sha256((json.dumps(meta, sort_keys=True) + _digest_files(deps)).encode()).hexdigest()


def stamp_path(stem: Path) -> Path:
    return stem.parent / f".{stem.name}.stamp"


def is_current(stem: Path, formats: tuple[str, ...], print_: str) -> bool:
    stamp = stamp_path(stem)
    if not stamp.is_file():
        return False
    if any(not stem.with_suffix(f".{f}").is_file() for f in formats):
        return False
    return stamp.read_text(encoding="utf-8").strip() == print_
