"""How wide each table cell's text is, measured once for the Typst layout.

The Typst layout sizes table columns as a browser does (templates/typst/blocks.typ,
``column-widths``): each column between its longest unbreakable piece and its widest text set on
one line. Measuring those inside Typst shaped every cell's text twice and took about 40 % of the
typesetting of a large report. Here each cell is shaped once with HarfBuzz, the shaper Typst's own
is a port of, with the same font and features, and the widths travel with the cell in em of its
font size: ``w`` for the whole text on one line, ``p`` for its longest unbreakable piece. The
template keeps the rest (sizes, padding, sharing the page width out).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from generator.render.fonts import FONT_FILES, bundled_dir, official_files

PIECES = re.compile(r"[0-9A-Za-z.,%\-+()／/]+")
"""Runs a line never breaks inside (the template's own pattern): figures, codes, Latin words."""

CLOSING = frozenset("，。．、：；！？”’》）」』】〕〉")
"""Chinese punctuation set at the left of its em box: its right half may close up (GB style)."""
OPENING = frozenset("“‘《（「『【〔〈")
"""Chinese punctuation set at the right of its em box: its left half may close up."""

SERIF, SANS = "serif", "sans"
BUNDLED_FILES = {SERIF: "Noto Serif SC", SANS: "Noto Sans SC"}


def cell_font(classes: list[str], head: bool) -> str:
    """The face a cell is set in (the template's ``cell-font``): Hei for header, strong and total cells."""
    return SANS if head or "strong" in classes or "total" in classes else SERIF


def tabular(classes: list[str], head: bool) -> bool:
    """Amounts are set in tabular figures (the template's ``cell-text``)."""
    return not head and "num" in classes


def font_files(font_set: str) -> dict[str, Path]:
    """The file each face is taken from: the official one where found and asked for, else the bundled one."""
    folder = bundled_dir()
    files = {role: folder / FONT_FILES[name] for role, name in BUNDLED_FILES.items()} if folder else {}
    if font_set == "official":
        files.update(official_files())
    return files


class Measurer:
    """Widths of texts in em, per face, cached by text (a report repeats most of its labels)."""

    def __init__(self, font_set: str = "bundled") -> None:
        self.files = font_files(font_set)

    def width(self, text: str, role: str, tabular_figures: bool = False, close_up: bool = True) -> float:
        """``close_up``: less what Typst saves on Chinese punctuation (WeasyPrint sets each mark a full em)."""
        if not text or role not in self.files:
            return 0.0
        return _width(str(self.files[role]), text, tabular_figures, close_up)

    def cell(self, text: str, classes: list[str], head: bool) -> tuple[float, float]:
        """(the whole text on one line, its longest unbreakable piece), in em of the cell's size."""
        role, tnum = cell_font(classes, head), tabular(classes, head)
        whole = self.width(text, role, tnum)
        runs = PIECES.findall(text)
        longest = max(runs, key=lambda r: len(r.encode("utf-8")), default="")  # Typst's str.len() counts bytes
        return whole, self.width(longest, role, tnum)


@lru_cache(maxsize=4)
def _font(path: str):  # type: ignore[no-untyped-def]
    import uharfbuzz as hb

    face = hb.Face(hb.Blob.from_file_path(path))
    font = hb.Font(face)
    return font, face.upem


@lru_cache(maxsize=65536)
def _width(path: str, text: str, tabular_figures: bool, close_up: bool = True) -> float:
    import uharfbuzz as hb

    font, upem = _font(path)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.language = "zh"
    hb.shape(font, buf, {"tnum": True} if tabular_figures else {})
    advances = [p.x_advance for p in buf.glyph_positions]
    chars = [text[i.cluster] for i in buf.glyph_infos]
    return (sum(advances) - (_closed_up(chars, advances) if close_up else 0)) / upem


def _closed_up(chars: list[str], advances: list[int]) -> float:
    """How much Typst closes Chinese punctuation up on a line of its own (font units): half an em at the
    line's start for an opening mark and at its end for a closing one, and half an em in each pair of
    adjacent marks (the first's right half where it has one, else the second's left half)."""
    saved = 0.0
    if chars and chars[0] in OPENING:
        saved += advances[0] / 2
    if chars and chars[-1] in CLOSING:
        saved += advances[-1] / 2
    for a, b, advance in zip(chars, chars[1:], advances):
        if a in CLOSING | OPENING and b in CLOSING | OPENING and (a in CLOSING or b in OPENING):
            saved += advance / 2
    return saved
