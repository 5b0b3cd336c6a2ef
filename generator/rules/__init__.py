"""The consistency rules, one module per subject; importing registers them."""

from . import codes, figures, texts  # noqa: F401
