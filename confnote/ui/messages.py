"""Messages that carry store results (plain records) from the store thread to the UI."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from confnote.store.records import (
    ChecklistEntry,
    Conference,
    Note,
    SearchHit,
    Talk,
    Todo,
)


@dataclass(frozen=True, slots=True)
class NoteTarget:
    """Which note an editor shows: a talk's (by talk id) or a conference note (by note id)."""

    talk_id: int | None = None
    note_id: int | None = None


@dataclass
class StoreReady(Message):
    conferences: list[Conference]
    opened_in: float


@dataclass
class ConferenceLoaded(Message):
    conference: Conference
    talks: list[Talk]
    notes: list[Note]


@dataclass
class OpenConference(Message):
    conference_id: int


@dataclass
class ConferencesListed(Message):
    conferences: list[Conference]


@dataclass
class ConferenceNotesLoaded(Message):
    notes: list[Note]


@dataclass
class TalksChanged(Message):
    talks: list[Talk]


@dataclass
class NoteLoaded(Message):
    target: NoteTarget
    talk: Talk | None
    note: Note | None
    focus: bool = True


@dataclass
class NoteSaved(Message):
    target: NoteTarget
    note: Note


@dataclass
class NoteSaveFailed(Message):
    target: NoteTarget
    reason: str


@dataclass
class TodosLoaded(Message):
    todos: list[Todo]
    checklist: list[ChecklistEntry]


@dataclass
class SearchFinished(Message):
    query: str
    hits: list[SearchHit]


@dataclass
class StoreFailed(Message):
    reason: str
