"""Reference documentation generated from the code: data keys, profile options, facts, the JSON Schema."""
