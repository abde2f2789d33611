"""Messages that carry store results (plain records) from the store thread to the UI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from confnote.agenda import ProgrammeDays
from confnote.store.place import Place
from confnote.store.records import (
    ChecklistEntry,
    Conference,
    Note,
    NoteRevision,
    SearchHit,
    Talk,
    Todo,
    TrashItem,
)

if TYPE_CHECKING:
    from confnote.store import Store


@dataclass(frozen=True, slots=True)
class NoteTarget:
    """Which note an editor shows: a talk's (by talk id) or a conference note (by note id)."""

    talk_id: int | None = None
    note_id: int | None = None


class StoreReply(Message):
    """A result coming back from the store thread (or an import worker) to the UI."""


class PanesMounted(Message):
    """The main screen's panes are in place: the store's replies have somewhere to go."""


@dataclass
class StoreReady(StoreReply):
    conferences: list[Conference]
    opened_in: float
    place: Place | None = None  # where the app was left


@dataclass
class ConferenceLoaded(StoreReply):
    conference: Conference
    talks: list[Talk]
    notes: list[Note]
    days: ProgrammeDays
    place: Place | None = None  # at startup: where the app was left


@dataclass
class OpenConference(StoreReply):
    conference_id: int


@dataclass
class ConferenceNotesLoaded(StoreReply):
    notes: list[Note]


@dataclass
class TalksChanged(StoreReply):
    talks: list[Talk]


@dataclass
class MarkStored(StoreReply):
    """The answer to one press of a schedule mark (``star``, ``attended``…): the talk as the
    store now holds it, or None and the reason when the store did not take it."""

    talk_id: int
    mark: str
    talk: Talk | None
    error: str = ""


@dataclass
class NoteLoaded(StoreReply):
    target: NoteTarget
    talk: Talk | None
    note: Note | None
    focus: bool = True


@dataclass
class NoteSaved(StoreReply):
    target: NoteTarget
    note: Note
    conflict: NoteRevision | None = None  # the other window's text, kept as a revision


@dataclass
class NoteSaveFailed(StoreReply):
    target: NoteTarget
    reason: str
    body: str  # the text that did not reach the database, to try again


@dataclass
class TodosLoaded(StoreReply):
    conference_id: int
    todos: list[Todo]
    checklist: list[ChecklistEntry]

    @classmethod
    def of(cls, store: Store, conference_id: int) -> TodosLoaded:
        """The conference's TODOs and note checklists, read on the store thread."""
        return cls(conference_id, store.list_todos(conference_id), store.checklist(conference_id))


@dataclass
class NoteChecklistSaved(StoreReply):
    """The checklist lines of a note just saved; the TODO pane updates only those rows."""

    conference_id: int
    note_id: int
    entries: list[ChecklistEntry]


@dataclass
class MovedToTrash(StoreReply):
    item: TrashItem


@dataclass
class SearchFinished(StoreReply):
    query: str
    hits: list[SearchHit]


class DatabaseChanged(StoreReply):
    """Another program (another confnote window, the command line) wrote to the database."""


@dataclass
class NoteChanged(StoreReply):
    """The open note has a newer version than the editor loaded."""

    target: NoteTarget
    note: Note
    set_aside: bool = False  # the other window kept this window's text as a revision


@dataclass
class TodoChangedElsewhere(StoreReply):
    """An edit of a TODO met one another window had changed; nothing was written."""

    theirs: Todo
    yours: Todo


@dataclass
class RevisionsLoaded(StoreReply):
    note_id: int
    revisions: list[NoteRevision]


@dataclass
class StoreWaiting(StoreReply):
    """Opening the store waits: another program holds the database locked."""

    reason: str


@dataclass
class StoreFailed(StoreReply):
    reason: str
