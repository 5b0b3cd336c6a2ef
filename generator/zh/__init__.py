"""Chinese presentation rules: amounts, percentages, numbering, change phrasing. Pure functions."""
