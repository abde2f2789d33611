"""The Textual interface: a thin layer over the headless store."""
