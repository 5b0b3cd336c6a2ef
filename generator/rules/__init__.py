"""The consistency rules, one module per subject; importing registers them."""

from . import codes, cross, figures, previous, texts  # noqa: F401
