"""The consistency rules, one module per subject; importing registers them."""

from generator.check import codes, cross, figures, previous, profiles, review, rounding, sources, subjects, texts, views, wording  # noqa: F401
