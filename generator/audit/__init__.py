"""Reviewing a published disclosure: every printed total and sentence figure recomputed from its leaves."""
