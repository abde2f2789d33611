"""What a recap post is made from, read from the store in one go, and which talks it holds.

Reading happens once (in the store's thread, in the app); rendering then works
on these plain values alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from confnote import agenda
from confnote.export.note_body import clean_note
from confnote.store.records import Conference, Note, Talk, Todo, TodoKind

if TYPE_CHECKING:
    from confnote.store import Store


class Selection(StrEnum):
    NOTES = "notes"  # talks with a note that says something
    STARRED = "starred"
    ATTENDED = "attended"
    ALL = "all"  # every talk that is not hidden


@dataclass(frozen=True, slots=True)
class PostSource:
    conference: Conference
    talks: tuple[Talk, ...]
    # Talk id → the note made ready for a post ("" for none).
    notes: dict[int, str]
    conference_notes: tuple[Note, ...]
    todos: tuple[Todo, ...]
    schedule_url: str = ""
    # How talks fall into programme days; None means the 04:00 boundary.
    days: agenda.ProgrammeDays | None = None

    def chosen_talks(self, selection: Selection) -> list[Talk]:
        """The talks ``selection`` puts in the post, in time order."""
        wanted: Callable[[Talk], bool] = {
            Selection.NOTES: lambda talk: bool(self.notes.get(talk.id)),
            Selection.STARRED: lambda talk: talk.star > 0,
            Selection.ATTENDED: lambda talk: talk.attended,
            Selection.ALL: lambda talk: not talk.hidden,
        }[selection]
        return [talk for talk in self.talks if wanted(talk)]

    def watch_later(self) -> list[Todo]:
        return [todo for todo in self.todos if todo.kind is TodoKind.WATCH_LATER]

    def open_follow_ups(self) -> list[Todo]:
        return [
            todo for todo in self.todos if todo.kind is not TodoKind.WATCH_LATER and not todo.done
        ]

    def talk(self, talk_id: int | None) -> Talk | None:
        return next((talk for talk in self.talks if talk.id == talk_id), None)


def read_post_source(store: Store, conference_id: int) -> PostSource:
    """Everything a post of the conference may show, from the store."""
    conference = store.conference(conference_id)
    talks = tuple(store.list_talks(conference_id))
    titles = {talk.id: talk.title for talk in talks}
    notes = {
        note.talk_id: clean_note(note.body, titles.get(note.talk_id, note.title))
        for note in store.talk_notes(conference_id)
        if note.talk_id is not None
    }
    source = store.schedule_source(conference_id)
    location = source.location if source else ""
    return PostSource(
        conference=conference,
        talks=talks,
        notes=notes,
        conference_notes=tuple(
            note for note in store.conference_notes(conference_id) if note.body.strip()
        ),
        todos=tuple(store.list_todos(conference_id)),
        schedule_url=location if location.startswith(("http://", "https://")) else "",
        days=store.programme_days(conference_id),
    )
