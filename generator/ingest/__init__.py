"""Reading published disclosures back into data: PDF and Excel tables, texts, the matching profile."""
