"""Render a Document to PDF with Typst: the Document goes to typst/report.typ of the templates as JSON data.

Nothing of the report's text is written into Typst markup: the template reads the Document with
``json()`` and places its strings as text, so ``#``, ``*``, ``$``, ``@``, ``<``, ``[``, ``\\`` and
the like print as typed. Layout lives in the template alone; this module only serialises the
Document, chooses the fonts and calls the compiler.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from generator.errors import UserError
from generator.present.document import Document
from generator.render.engines import pdf_standards
from generator.render.fonts import OFFICIAL, bundled_dir, official_files
from generator.render.typst_measure import Measurer
from generator.paths import find_template

TEMPLATE = Path("typst") / "report.typ"

_SPACES = re.compile(r"[ \t\r\n\f]+")

BUNDLED = {"serif": ["Noto Serif SC"], "sans": ["Noto Sans SC"]}


def plain(value: Any, measurer: Measurer | None = None) -> Any:
    """A value of the Document as JSON-ready data: dataclasses become objects (with their ``kind``);
    with a ``measurer``, every table cell carries the width of its text (typst_measure)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: plain(getattr(value, f.name), measurer) for f in dataclasses.fields(value)}
        if isinstance(getattr(type(value), "heading", None), property):
            out["heading"] = getattr(value, "heading")  # noqa: B009  (a property, not a field)
        if hasattr(value, "row_groups"):
            out["groups"] = [list(g) for g in value.row_groups()]
            if measurer is not None:
                measure_grid(out, measurer)
        return out
    if isinstance(value, dict):
        return {str(k): plain(v, measurer) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v, measurer) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, str):
        return _SPACES.sub(" ", value)  # white space as HTML shows it: one space for any run
    return value


def measure_grid(grid: dict[str, Any], measurer: Measurer) -> None:
    """Each cell's ``w`` and ``p`` (em): its text on one line and its longest unbreakable piece."""
    for head, rows in ((True, grid["header"]), (False, grid["rows"])):
        for row in rows:
            for cell in row:
                cell["w"], cell["p"] = (round(x, 4) for x in measurer.cell(cell["text"], cell["cls"].split(" "), head))


def document_json(doc: Document, font_set: str | None = None) -> str:
    measurer = Measurer(font_set or os.environ.get("DISCLOSURE_FONTS", "bundled"))
    return json.dumps(plain(doc, measurer), ensure_ascii=False, separators=(",", ":"))


def font_choice(font_set: str | None = None) -> tuple[dict[str, list[str]], list[str]]:
    """Font families per role (first found wins, the bundled face last) and the folders that hold them."""
    choice = font_set or os.environ.get("DISCLOSURE_FONTS", "bundled")
    folder = bundled_dir()
    paths = [str(folder)] if folder is not None else []
    if choice != "official":
        return dict(BUNDLED), paths
    files = official_files()
    for path in files.values():
        if str(path.parent) not in paths:
            paths.insert(0, str(path.parent))
    families = {role: OFFICIAL[role] + BUNDLED[role] for role in BUNDLED}
    return families, paths


def render_typst(doc: Document, font_set: str | None = None, standards: tuple[str, ...] = (), templates: Path | None = None) -> bytes:
    """PDF bytes of the report typeset by Typst; ``standards`` from STANDARDS ("ua-1", "a-2b")."""
    return typst_job(doc, font_set, standards, templates)()


def typst_job(doc: Document, font_set: str | None = None, standards: tuple[str, ...] = (), templates: Path | None = None) -> Callable[[], bytes]:
    """What Python does for a Typst PDF, done now (the checks, the Document as JSON with its cells
    measured); returns the typesetting itself, which leaves Python free to go on (the preview builds
    the HTML page meanwhile)."""
    if bundled_dir() is None:
        raise UserError("缺少中文字体：请安装 pylopdf-fonts-zh-cn（pip install pylopdf-fonts-zh-cn）")
    try:
        import typst  # noqa: F401  (is the engine installed?)
    except ImportError:
        raise UserError("未安装 Typst：请安装 typst（pip install typst），或改用 --pdf-engine weasyprint") from None
    standards = pdf_standards(standards)
    base = (templates or find_template(*TEMPLATE.parts).parent.parent).resolve()
    source = base / TEMPLATE
    if not source.is_file():
        raise UserError(f"缺少 Typst 版式文件：{source}")
    families, font_paths = font_choice(font_set)
    inputs = {"document": document_json(doc, font_set), "fonts": json.dumps(families, ensure_ascii=False), "dated": "yes" if "a-2b" in standards else "no"}
    kwargs: dict[str, Any] = {}
    if standards:
        kwargs["pdf_standards"] = list(standards)

    def typeset() -> bytes:
        try:
            compiler = _compiler(str(source), str(base), tuple(font_paths))
            return bytes(compiler.compile(sys_inputs=inputs, pdf_tags=True, **kwargs))
        except RuntimeError as exc:  # typst.TypstError: an error in the layout file, or a standard not met
            raise UserError(f"Typst 排版失败：{first_lines(str(exc))}") from None

    return typeset


@lru_cache(maxsize=4)
def _compiler(source: str, root: str, font_paths: tuple[str, ...]) -> Any:
    """One compiler per layout file and fonts, kept for the process: fonts are read once, unchanged pages reused."""
    import typst

    return typst.Compiler(source, root=root, font_paths=list(font_paths), ignore_system_fonts=True)


def first_lines(message: str, count: int = 6) -> str:
    lines = [line for line in message.strip().splitlines() if line.strip()]
    return "\n".join(lines[:count]) or "（无详细信息）"
