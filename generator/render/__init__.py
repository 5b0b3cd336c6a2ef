"""Renderers: the Document to HTML and PDF (and further formats), with fonts and templating."""
