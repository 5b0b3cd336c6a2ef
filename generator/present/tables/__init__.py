"""Table builders: each turns computed figures into a grid of printed cells."""
