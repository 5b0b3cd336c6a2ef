"""The Jinja environment: strict undefined, autoescaped HTML, templates from the search path (generator.paths)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape


@lru_cache(maxsize=8)
def environment(templates: Path | tuple[Path, ...]) -> Environment:
    """An environment reading ``templates``: one folder, or several searched in order."""
    folders = [str(t) for t in templates] if isinstance(templates, tuple) else [str(templates)]
    return Environment(
        loader=FileSystemLoader(folders),
        autoescape=select_autoescape(["html", "htm", "xml"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=True,
    )
