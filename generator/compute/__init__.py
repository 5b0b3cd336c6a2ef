"""Derived figures: pure functions from typed data to exact Decimals."""
