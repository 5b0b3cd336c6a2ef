"""Reading a data file: YAML with positions, the previous year's file, validation into the model."""
