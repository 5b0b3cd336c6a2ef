"""Incremental builds: a report is rebuilt only when something it depends on changed."""

from __future__ import annotations

import hashlib
from importlib import metadata
import json
import re
from pathlib import Path

from generator import __version__
from generator.render.fonts import bundled_dir
from generator.paths import local_dirs, template_dirs
from generator.commands.outputs import table_folder

_YEAR = re.compile(rb"^year:\s*[\"']?(\d{4})[\"']?\s*(?:#.*)?$", re.M)
_KIND = re.compile(rb"^kind:\s*[\"']?(budget|final)[\"']?\s*(?:#.*)?$", re.M)


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


def data_dependencies(data_file: Path) -> list[Path]:
    """The data file and the file ``load`` takes last year's figures from (``<year-1>-<kind>`` beside it).

    When year or kind cannot be read off the top-level keys, every YAML file beside it counts.
    """
    try:
        raw = data_file.read_bytes()
    except OSError:
        raw = b""
    year, kind = _YEAR.search(raw), _KIND.search(raw)
    if year and kind:
        previous = data_file.with_name(f"{int(year.group(1)) - 1}-{kind.group(1).decode()}{data_file.suffix}")
        return [data_file, previous]
    return [data_file, *(p for p in data_file.parent.glob("*.y*ml") if p != data_file)]


RENDERERS = ("weasyprint", "pydyf", "typst", "jinja2", "openpyxl", "python-docx", "fonttools", "pylopdf-fonts-zh-cn")
"""Libraries whose version changes what a report looks like: a new one rebuilds every report."""


def renderer_versions() -> dict[str, str]:
    found = {}
    for name in RENDERERS:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = ""
    return found


def shared_fingerprint(formats: tuple[str, ...], font_set: str | None, strict: bool = False, engine: str = "", standards: tuple[str, ...] = ()) -> str:
    """What every report depends on: templates, profiles, glossaries, code lists, fonts, code and options."""
    package = Path(__file__).resolve().parent.parent
    fonts = bundled_dir()
    meta = {
        "version": __version__,
        "formats": sorted(formats),
        "fonts": font_set or "bundled",
        "strict": strict,
        "engine": engine if "pdf" in formats else "",
        "standards": sorted(standards) if "pdf" in formats else [],
        "font_files": _digest_files(sorted(fonts.iterdir())) if fonts else "",
        "renderers": renderer_versions(),
        "code": _digest_files(sorted(package.rglob("*.py"))),
    }
    deps = [p for folder in template_dirs() for p in _tree(folder)] + _tree(package / "codes")
    return hashlib.sha256((json.dumps(meta, sort_keys=True) + _digest_files(deps)).encode()).hexdigest()


def fingerprint(data_file: Path, formats: tuple[str, ...], font_set: str | None, strict: bool = False, shared: str | None = None) -> str:
    """The shared part (computed once per batch and passed in) plus the data file and last year's file."""
    shared = shared or shared_fingerprint(formats, font_set, strict)
    own = [p for folder in local_dirs(data_file) for p in _tree(folder)]  # the data folder's own templates (disclosure.toml)
    return hashlib.sha256((shared + _digest_files(data_dependencies(data_file) + own)).encode()).hexdigest()


def output_exists(stem: Path, fmt: str) -> bool:
    """Whether a report's output in one format is there: a file, or for CSV a folder of files."""
    if fmt == "csv":
        return table_folder(stem).is_dir()
    return stem.with_suffix(f".{fmt}").is_file()


def stamp_path(stem: Path) -> Path:
    return stem.parent / f".{stem.name}.stamp"


def is_current(stem: Path, formats: tuple[str, ...], print_: str) -> bool:
    stamp = stamp_path(stem)
    if not stamp.is_file():
        return False
    if any(not output_exists(stem, f) for f in formats):
        return False
    return stamp.read_text(encoding="utf-8").strip() == print_
