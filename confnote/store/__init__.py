"""The headless store: SQLite, in plain SQL where the work is everyday and through
SQLAlchemy's ORM (loaded on first need) where it is not, handing out frozen records.

``Store`` loads only when first named; the records load nothing heavy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from confnote.store.records import (
    ChecklistEntry,
    Conference,
    ConferenceContents,
    Note,
    NoteRevision,
    NoteWrite,
    RevisionKind,
    SearchHit,
    Talk,
    Todo,
    TodoKind,
    TrashItem,
    TrashKind,
)
from confnote.store.schedule_records import ImportedTalk, ImportReport, ScheduleSource

if TYPE_CHECKING:
    from confnote.store.api import Store

__all__ = [
    "ChecklistEntry",
    "Conference",
    "ConferenceContents",
    "ImportReport",
    "ImportedTalk",
    "Note",
    "NoteRevision",
    "NoteWrite",
    "RevisionKind",
    "ScheduleSource",
    "SearchHit",
    "Store",
    "Talk",
    "Todo",
    "TodoKind",
    "TrashItem",
    "TrashKind",
]


def __getattr__(name: str) -> Any:
    if name == "Store":
        from confnote.store.api import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
