"""Where the toolkit finds its templates (kept free of heavy imports: batch runs read it first).

The shipped templates (profiles, glossaries, partials, stylesheets, Typst layout, skeletons of new
files) are package data of ``generator.templates``. A district keeps its own profiles, glossaries and
partials in a folder of its own, searched before the shipped one: named by ``--templates DIR``
(``DISCLOSURE_TEMPLATE_PATH``, several folders separated by ``os.pathsep``) or by a
``disclosure.toml`` in the data folder::

    templates = "模板"          # relative to the folder of disclosure.toml; a list is allowed
    pdf_engine = "weasyprint"   # the PDF engine of the reports of this folder (default typst)
"""

from __future__ import annotations

import os
import tomllib
from importlib.resources import files
from pathlib import Path

from generator.errors import UserError

CONFIG_FILE = "disclosure.toml"
SEARCH_ENV = "DISCLOSURE_TEMPLATE_PATH"
"""Folders searched before the shipped templates (``--templates`` sets it, so that worker processes see it too)."""

_local: list[Path] = []
"""Folders of the data file being processed (from its disclosure.toml)."""


def templates_dir() -> Path:
    """The shipped templates (package data), or the folder DISCLOSURE_TEMPLATES names instead."""
    env = os.environ.get("DISCLOSURE_TEMPLATES")
    if env:
        return Path(env)
    return Path(str(files("generator") / "templates"))


def template_dirs() -> list[Path]:
    """Every templates folder, searched in order: the command line's, the data folder's, then the shipped one."""
    extra = [Path(p) for p in os.environ.get(SEARCH_ENV, "").split(os.pathsep) if p]
    out: list[Path] = []
    for folder in [*extra, *_local, templates_dir()]:
        folder = folder.resolve()
        if folder not in out:
            out.append(folder)
    return out


def find_template(*parts: str) -> Path:
    """The first ``parts`` found along the search path (the shipped path when none has it)."""
    for folder in template_dirs():
        candidate = folder.joinpath(*parts)
        if candidate.exists():
            return candidate
    return templates_dir().joinpath(*parts)


def template_names(sub: str, suffix: str = ".yaml") -> list[str]:
    """The names (without suffix) of the files in ``sub`` of every templates folder."""
    names: set[str] = set()
    for folder in template_dirs():
        if (folder / sub).is_dir():
            names.update(p.stem for p in (folder / sub).glob(f"*{suffix}"))
    return sorted(names)


class ConfigError(UserError):
    """disclosure.toml cannot be read (reported to the user with its path)."""


def config_file(data_file: Path) -> Path | None:
    """The disclosure.toml of a data file: in its folder or the nearest folder above it."""
    folder = data_file.resolve().parent
    for candidate in [folder, *folder.parents]:
        if (candidate / CONFIG_FILE).is_file():
            return candidate / CONFIG_FILE
    return None


SETTINGS = ("templates", "pdf_engine")
"""What a disclosure.toml may set."""


def settings_of(data_file: Path) -> tuple[Path | None, dict[str, object]]:
    """The disclosure.toml of a data file and its settings (none when there is no such file)."""
    config = config_file(data_file)
    if config is None:
        return None, {}
    try:
        settings = tomllib.loads(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{config}：无法读取（{exc}）") from None
    unknown = sorted(set(settings) - set(SETTINGS))
    if unknown:
        raise ConfigError(f"{config}：未知的设置 {'、'.join(unknown)}（可用：{'、'.join(SETTINGS)}）")
    return config, settings


def local_dirs(data_file: Path) -> list[Path]:
    """The templates folders a data file's disclosure.toml names."""
    config, settings = settings_of(data_file)
    if config is None:
        return []
    value = settings.get("templates", [])
    entries = [value] if isinstance(value, str) else value
    if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
        raise ConfigError(f"{config}：templates 应为文件夹名，或文件夹名的列表")
    dirs = [(config.parent / e).resolve() for e in entries]
    missing = [d for d in dirs if not d.is_dir()]
    if missing:
        raise ConfigError(f"{config}：模板文件夹不存在：{missing[0]}")
    return dirs


def config_engine(data_file: Path) -> str | None:
    """The PDF engine a data file's disclosure.toml chooses (``pdf_engine = "typst"`` or ``"weasyprint"``), if any."""
    config, settings = settings_of(data_file)
    value = settings.get("pdf_engine")
    if value is not None and not isinstance(value, str):
        raise ConfigError(f"{config}：pdf_engine 应为 typst 或 weasyprint")
    return value


def use_data_folder(data_file: Path) -> list[Path]:
    """Search the templates of ``data_file``'s disclosure.toml (if any) before the shipped ones, from now on."""
    _local[:] = local_dirs(data_file)
    return list(_local)
