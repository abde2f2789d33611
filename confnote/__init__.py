"""confnote: schedule, live notes, TODOs and a blog post for the conferences you attend."""

__version__ = "0.1.0"
