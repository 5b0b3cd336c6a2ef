"""Presenting computed figures: facts, sentences, tables, charts, the profile and the Document."""
