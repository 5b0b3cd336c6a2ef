"""The consistency rules, one module per subject; importing registers them."""

from generator.check import codes, cross, figures, previous, review, rounding, texts, views  # noqa: F401
