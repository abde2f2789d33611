"""What the store hands out: plain frozen values, safe to pass between threads.

This module imports nothing heavy, so the UI can name these types without
loading the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from confnote.agenda import zone


class TodoKind(StrEnum):
    WATCH_LATER = "watch_later"
    FOLLOW_UP = "follow_up"
    ACTION = "action"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


MAX_STAR = 2


class RevisionKind(StrEnum):
    """Why a revision was kept. Only ``edit`` revisions (made while typing) may be pruned."""

    EDIT = "edit"
    CONFLICT = "conflict"  # another window's text, or the text a conflict choice replaced
    IMPORT = "import"  # the text an imported write-up replaced
    RESTORE = "restore"  # the text a restored revision replaced


class TrashKind(StrEnum):
    TALK = "talk"
    NOTE = "note"
    TODO = "todo"
    CONFERENCE = "conference"

    @property
    def label(self) -> str:
        return "TODO" if self is TrashKind.TODO else self.value


@dataclass(frozen=True, slots=True)
class TrashItem:
    """Something deleted that the trash can give back. A deleted conference has no
    ``conference_id`` while in the trash; once restored, the id of the conference made."""

    id: int
    kind: TrashKind
    conference_id: int | None
    title: str
    deleted_at: datetime


@dataclass(frozen=True, slots=True)
class Conference:
    id: int
    name: str
    slug: str
    time_zone: str
    starts_on: date | None = None
    ends_on: date | None = None
    url: str = ""


@dataclass(frozen=True, slots=True)
class ConferenceContents:
    """How much a conference holds: what deleting it moves to the trash."""

    talks: int
    notes: int
    todos: int


@dataclass(frozen=True, slots=True)
class Talk:
    """A talk's schedule fields, joined with the attendee's own state about it."""

    id: int
    conference_id: int
    key: str
    title: str
    starts_at: datetime
    duration: timedelta
    subtitle: str = ""
    abstract: str = ""
    kind: str = "talk"
    track: str = ""
    room: str = ""
    url: str = ""
    slides_url: str = ""
    video_url: str = ""
    speakers: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    star: int = 0
    attended: bool = False
    rating: int | None = None
    hidden: bool = False
    has_note: bool = False
    watch_later: bool = False
    cancelled: bool = False
    changed: tuple[str, ...] = ()

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + self.duration


@dataclass(frozen=True, slots=True)
class Note:
    """A Markdown note: of one talk (``talk_id``) or of the conference itself."""

    id: int
    conference_id: int
    talk_id: int | None
    title: str
    body: str
    updated_at: datetime
    version: int


@dataclass(frozen=True, slots=True)
class NoteRevision:
    id: int
    note_id: int
    body: str
    version: int
    saved_at: datetime
    kind: RevisionKind = RevisionKind.EDIT

    @property
    def pinned(self) -> bool:
        """Kept whatever its age: made by a conflict, an import or a restore."""
        return self.kind is not RevisionKind.EDIT


@dataclass(frozen=True, slots=True)
class NoteWrite:
    """A saved note, and the other writer's text when the save found a newer version."""

    note: Note
    conflict: NoteRevision | None = None


@dataclass(frozen=True, slots=True)
class Todo:
    id: int
    conference_id: int
    text: str
    kind: TodoKind
    done: bool
    position: int
    talk_id: int | None = None
    talk_title: str = ""
    due_on: date | None = None
    url: str = ""


@dataclass(frozen=True, slots=True)
class ChecklistEntry:
    """A ``- [ ]`` line inside a note, shown in the TODO pane under its talk."""

    note_id: int
    talk_id: int | None
    title: str
    line: int
    text: str
    done: bool


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: a talk (with its note) or a conference note.

    ``snippet`` is a sequence of (text, is_match) pieces around the match.
    """

    conference_id: int
    title: str
    snippet: tuple[tuple[str, bool], ...]
    rank: float
    talk_id: int | None = None
    note_id: int | None = None
    starts_at: datetime | None = None
    speakers: str = ""
    room: str = ""
    time_zone: str = "UTC"

    @property
    def where_and_when(self) -> str:
        """Day, time and room in the conference's zone ("Sat 31 Jan 10:30 · K.1.105"),
        or "conference note"."""
        if self.starts_at is None:
            return "conference note"
        local = self.starts_at.astimezone(zone(self.time_zone))
        return " · ".join(part for part in (f"{local:%a %d %b %H:%M}", self.room) if part)

    @property
    def snippet_text(self) -> str:
        return "".join(text for text, _ in self.snippet)
