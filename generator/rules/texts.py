"""Rules (to be filled)."""
