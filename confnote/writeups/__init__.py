"""Headless reading of conference write-ups: saved blog pages (HTML), Markdown,
reStructuredText and plain-text notes, segmented into a conference, days, talks,
notes, TODOs and links. Never imports Textual.

Heavy modules load on first use: ``from confnote.writeups import parse_writeup``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from confnote.writeups.model import ParsedWriteup, WriteupError
    from confnote.writeups.parse import parse_writeup, read_writeup

__all__ = ["ParsedWriteup", "WriteupError", "parse_writeup", "read_writeup"]


def __getattr__(name: str) -> Any:
    if name in ("ParsedWriteup", "WriteupError"):
        from confnote.writeups import model

        return getattr(model, name)
    if name in ("parse_writeup", "read_writeup"):
        from confnote.writeups import parse

        return getattr(parse, name)
    raise AttributeError(name)
