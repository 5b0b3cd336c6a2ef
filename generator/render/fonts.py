"""Fonts for the PDF: the bundled open Noto Serif/Sans SC, or a system's official faces."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

OFFICIAL = {
    "serif": ["FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "SimSun", "宋体", "STSong"],
    "sans": ["SimHei", "黑体", "STHeiti"],
}
"""Official faces by family name, as fontconfig knows them when they are installed."""

OFFICIAL_FILES = {
    "serif": ["仿宋_GB2312.ttf", "FangSong_GB2312.ttf", "fs_GB2312.ttf", "simfang.ttf", "仿宋.ttf", "simsun.ttc", "simsun.ttf", "宋体.ttf"],
    "sans": ["simhei.ttf", "黑体.ttf", "SimHei.ttf"],
}
"""Their common file names, looked for where fonts are not installed but only copied."""

FONT_DIRS = ["/usr/share/fonts", "/usr/local/share/fonts", "~/.fonts", "~/.local/share/fonts", "C:/Windows/Fonts"]


def official_files(extra: str | None = None) -> dict[str, Path]:
    """The first official font file found per role ("serif", "sans"), DISCLOSURE_FONT_DIR first."""
    dirs = [d for d in (extra or os.environ.get("DISCLOSURE_FONT_DIR", "")).split(os.pathsep) if d] + FONT_DIRS
    found: dict[str, Path] = {}
    for role, names in OFFICIAL_FILES.items():
        wanted = {n.lower() for n in names}
        for folder in dirs:
            root = Path(folder).expanduser()
            if not root.is_dir():
                continue
            hit = next((p for p in sorted(root.rglob("*")) if p.name.lower() in wanted and p.is_file()), None)
            if hit is not None:
                found[role] = hit
                break
    return found


def bundled_dir() -> Path | None:
    spec = importlib.util.find_spec("pylopdf_fonts_zh_cn")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def font_css(font_set: str | None = None) -> str:
    """@font-face rules and font-family choices for the PDF.

    ``font_set`` is "bundled" (default) or "official" (use 仿宋_GB2312/宋体/黑体 when the
    system has them, the bundled faces otherwise); DISCLOSURE_FONTS sets the default.
    """
    choice = font_set or os.environ.get("DISCLOSURE_FONTS", "bundled")
    folder = bundled_dir()
    rules = []
    if folder is not None:
        serif = (folder / "NotoSerifSC-Regular.otf").as_uri()
        sans = (folder / "NotoSansSC-Regular.otf").as_uri()
        rules.append(f'@font-face {{ font-family: "Noto Serif SC"; src: url("{serif}"); }}')
        rules.append(f'@font-face {{ font-family: "Noto Sans SC"; src: url("{sans}"); }}')
    if choice == "official":
        files = official_files()
        for role, path in files.items():
            rules.append(f'@font-face {{ font-family: "Official {role.title()}"; src: url("{path.resolve().as_uri()}"); }}')
        serif_names = (["Official Serif"] if "serif" in files else []) + OFFICIAL["serif"]
        sans_names = (["Official Sans"] if "sans" in files else []) + OFFICIAL["sans"]
        serif_list = ", ".join(f'"{n}"' for n in serif_names) + ', "Noto Serif SC", serif'
        sans_list = ", ".join(f'"{n}"' for n in sans_names) + ', "Noto Sans SC", sans-serif'
        rules.append(f"html {{ font-family: {serif_list}; }}")
        rules.append(f"h1, h2, h3, h4, h5, h6, th, .table-label, .toc-title, .part-title, .grid-title, .grid-subtitle, .term {{ font-family: {sans_list}; }}")
    return "\n".join(rules)


def has_fonts() -> bool:
    return bundled_dir() is not None


FONT_FILES = {"Noto Serif SC": "NotoSerifSC-Regular.otf", "Noto Sans SC": "NotoSansSC-Regular.otf"}


def web_font_css(href: str) -> str:
    """@font-face rules for the preview: a local install first, else the full bundled faces served at ``href``."""
    return "\n".join(
        f'@font-face {{ font-family: "{family}"; src: local("{family}"), url("{href}/{file}") format("opentype"); font-display: swap; }}'
        for family, file in FONT_FILES.items()
    )
