"""disclosure: builds Chinese department budget and final-account disclosures from YAML data."""

__version__ = "0.1.0"
