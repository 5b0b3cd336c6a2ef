"""The published site: an index page of every report in an output folder."""
