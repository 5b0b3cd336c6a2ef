"""Web fonts for one HTML page: the bundled faces cut down to the characters the page uses, as WOFF2.

A reader with Noto Serif SC / Noto Sans SC (or another face of the lists in report.css) installed uses
their own fonts (``local()``); anyone else downloads only the glyphs of this page, a few hundred
kilobytes instead of the 20 MB of the full faces. Subsets are kept in a cache folder, keyed by the
font and the characters, so that an unchanged page is not subset again.
"""

from __future__ import annotations

import hashlib
import html
import io
import os
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from generator.render.fonts import FONT_FILES, bundled_dir

ROLES = {"serif": "Noto Serif SC", "sans": "Noto Sans SC"}
"""The file suffix of each face's subset (``<page>.serif.woff2``) and the family it stands for."""
ALWAYS = "".join(chr(c) for c in range(0x20, 0x7F)) + "　、。，；：？！“”‘’（）《》【】—…·％"
"""ASCII and common Chinese punctuation: always kept, so that small edits seldom need a new subset."""


class _Text(HTMLParser):
    """The characters a reader can see: text, and the attributes that print (title, alt, aria-label, placeholder)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chars: set[str] = set()
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        for name, value in attrs:
            if value and name in ("title", "alt", "aria-label", "placeholder", "value"):
                self.chars.update(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.chars.update(data)


_CSS_CONTENT = re.compile(r"content:\s*\"([^\"]*)\"")


def page_characters(page: str) -> str:
    """Every character a page shows, sorted (text, printed attributes, CSS ``content`` strings)."""
    parser = _Text()
    parser.feed(page)
    chars = parser.chars | set(ALWAYS)
    for found in _CSS_CONTENT.findall(page):
        chars.update(html.unescape(found))
    return "".join(sorted(c for c in chars if c.isprintable() or c == " "))


def cache_dir() -> Path:
    env = os.environ.get("DISCLOSURE_CACHE_DIR")
    if env:
        return Path(env) / "fonts"
    base = os.environ.get("XDG_CACHE_HOME") or (os.environ.get("LOCALAPPDATA") if os.name == "nt" else None) or str(Path.home() / ".cache")
    return Path(base) / "disclosure" / "fonts"


def subset_woff2(source: Path, chars: str) -> bytes:
    """``source`` cut down to ``chars`` as WOFF2 (cached)."""
    stat = source.stat()
    key = hashlib.sha256(f"{source.name}:{stat.st_size}:{chars}".encode()).hexdigest()[:32]
    cached = cache_dir() / f"{key}.woff2"
    try:
        return cached.read_bytes()
    except OSError:
        pass
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff2"
    options.hinting = False
    options.desubroutinize = True
    options.layout_features = ["kern", "vert", "locl"]
    font = TTFont(str(source))
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out)
    data = out.getvalue()
    _store(cached, data)
    return data


def _store(path: Path, data: bytes) -> None:
    """Keep a subset for next time; a cache that cannot be written is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError:
        pass


def font_file_name(page_name: str, role: str) -> str:
    """The subset's file name beside the page: 2023-budget.html → 2023-budget.serif.woff2."""
    return f"{Path(page_name).stem}.{role}.woff2"


def page_font_css(page_name: str) -> str:
    """@font-face rules of a page: an installed face first, else the page's own subset."""
    return "\n".join(
        f'@font-face {{ font-family: "{family}"; src: local("{family}"), url("{font_file_name(page_name, role)}") format("woff2"); font-display: swap; }}'
        for role, family in ROLES.items()
    )


def page_fonts(page: str, page_name: str) -> dict[str, bytes]:
    """The subsets a page needs, by file name ({} when the bundled fonts are not installed)."""
    folder = bundled_dir()
    if folder is None:
        return {}
    chars = page_characters(page)
    return {font_file_name(page_name, role): subset_woff2(folder / FONT_FILES[family], chars) for role, family in ROLES.items()}
