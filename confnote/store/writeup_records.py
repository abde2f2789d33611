"""What applying a write-up hands out. Plain frozen values; importing this loads nothing heavy."""

from __future__ import annotations

from dataclasses import dataclass

from confnote.store.records import Conference


@dataclass(frozen=True, slots=True)
class WriteupReport:
    """What importing one write-up did. ``unchanged`` is true when the same file, with the
    same content, had been imported before, so nothing was written."""

    conference: Conference
    location: str
    unchanged: bool = False
    talks_added: tuple[str, ...] = ()
    talks_matched: tuple[str, ...] = ()
    talks_updated: tuple[str, ...] = ()
    conference_notes: int = 0
    todos: int = 0
    warnings: tuple[str, ...] = ()
