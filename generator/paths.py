"""Where the toolkit finds its templates (kept free of heavy imports: batch runs read it first)."""

from __future__ import annotations

import os
from pathlib import Path


def templates_dir() -> Path:
    """The templates folder shipped beside the package, or the one DISCLOSURE_TEMPLATES names."""
    env = os.environ.get("DISCLOSURE_TEMPLATES")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "templates"
