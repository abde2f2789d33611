"""The whole store as one plain, versioned document, and the store rebuilt from one.

The document nests what belongs together (a conference holds its talks, notes and
TODOs) and refers to talks by their schedule key, never by database id, so it
reads well and survives any renumbering. Dumping a store, loading the document
into an empty one and dumping again gives the same document.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from confnote.errors import InputError
from confnote.store.models import (
    ConferenceRow,
    NoteRevisionRow,
    NoteRow,
    ScheduleSourceRow,
    SpeakerRow,
    TagRow,
    TalkRow,
    TalkSpeakerRow,
    TalkStateRow,
    TalkTagRow,
    TodoRow,
)
from confnote.store.rows import unique_slug
from confnote.store.search_index import held_search_index
from confnote.store.talk_columns import SCHEDULE_COLUMNS

Document = dict[str, Any]

_CONFERENCE_FIELDS = ("name", "slug", "starts_on", "ends_on", "time_zone", "url", "created_at")
_TALK_FIELDS = ("key", *SCHEDULE_COLUMNS, "cancelled", "changed")
_STATE_FIELDS = ("star", "attended", "rating", "hidden")
_NOTE_FIELDS = ("title", "body", "updated_at", "version")
_REVISION_FIELDS = ("body", "version", "saved_at")
_TODO_FIELDS = ("text", "kind", "done", "due_on", "position", "url", "created_at")
_SOURCE_FIELDS = ("location", "format", "etag", "last_modified", "fetched_at")
_DATE_FIELDS = frozenset({"starts_on", "ends_on", "due_on"})


def _plain(row: object, fields: tuple[str, ...]) -> dict[str, Any]:
    values = {}
    for name in fields:
        value = getattr(row, name)
        values[name] = value.isoformat() if isinstance(value, date) else value
    return values


def dump_store(session: Session) -> Document:
    """Every conference with its schedule source, talks, notes (with revisions) and TODOs,
    and every tag name."""
    conferences = [
        dump_conference(session, row)
        for row in session.scalars(select(ConferenceRow).order_by(ConferenceRow.id))
    ]
    tags = list(session.scalars(select(TagRow.name).order_by(TagRow.id)))
    return {"conferences": conferences, "tags": tags}


def dump_conference(session: Session, row: ConferenceRow) -> Document:
    """One conference with everything it holds, as ``load_conference`` takes it back."""
    talks = list(
        session.scalars(select(TalkRow).where(TalkRow.conference_id == row.id).order_by(TalkRow.id))
    )
    keys = {talk.id: talk.key for talk in talks}
    source = session.get(ScheduleSourceRow, row.id)
    notes = session.scalars(
        select(NoteRow).where(NoteRow.conference_id == row.id).order_by(NoteRow.id)
    )
    todos = session.scalars(
        select(TodoRow).where(TodoRow.conference_id == row.id).order_by(TodoRow.id)
    )
    return {
        **_plain(row, _CONFERENCE_FIELDS),
        "schedule_source": _plain(source, _SOURCE_FIELDS) if source else None,
        "talks": _dump_talks(session, row.id, talks),
        "notes": [
            {"talk": keys.get(note.talk_id) if note.talk_id else None}
            | _plain(note, _NOTE_FIELDS)
            | {"revisions": _dump_revisions(session, note.id)}
            for note in notes
        ],
        "todos": [
            {"talk": keys.get(todo.talk_id) if todo.talk_id else None} | _plain(todo, _TODO_FIELDS)
            for todo in todos
        ],
    }


def _dump_talks(session: Session, conference_id: int, talks: list[TalkRow]) -> list[Document]:
    """The talks with their speakers, tags and state, read in three queries for them all."""
    of_conference = TalkRow.conference_id == conference_id
    speakers: dict[int, list[str]] = defaultdict(list)
    for talk_id, name in session.execute(
        select(TalkSpeakerRow.talk_id, SpeakerRow.name)
        .join(SpeakerRow, TalkSpeakerRow.speaker_id == SpeakerRow.id)
        .join(TalkRow, TalkSpeakerRow.talk_id == TalkRow.id)
        .where(of_conference)
        .order_by(TalkSpeakerRow.talk_id, TalkSpeakerRow.position, SpeakerRow.id)
    ):
        speakers[talk_id].append(name)
    tags: dict[int, list[str]] = defaultdict(list)
    for talk_id, name in session.execute(
        select(TalkTagRow.talk_id, TagRow.name)
        .join(TagRow, TalkTagRow.tag_id == TagRow.id)
        .join(TalkRow, TalkTagRow.talk_id == TalkRow.id)
        .where(of_conference)
        .order_by(TalkTagRow.talk_id, TagRow.name)
    ):
        tags[talk_id].append(name)
    states = {
        state.talk_id: state
        for state in session.scalars(
            select(TalkStateRow)
            .join(TalkRow, TalkStateRow.talk_id == TalkRow.id)
            .where(of_conference)
        )
    }
    return [
        {
            **_plain(talk, _TALK_FIELDS),
            "speakers": speakers.get(talk.id, []),
            "tags": tags.get(talk.id, []),
            "state": _plain(states[talk.id], _STATE_FIELDS) if talk.id in states else None,
        }
        for talk in talks
    ]


def _dump_revisions(session: Session, note_id: int) -> list[Document]:
    rows = session.scalars(
        select(NoteRevisionRow)
        .where(NoteRevisionRow.note_id == note_id)
        .order_by(NoteRevisionRow.id)
    )
    return [_plain(row, _REVISION_FIELDS) for row in rows]


def clear_store(session: Session) -> None:
    """Delete every conference (and with it everything it holds), speaker and tag."""
    for model in (ConferenceRow, SpeakerRow, TagRow):
        session.execute(delete(model))


class _Reader:
    """Reads values out of the document, naming the place of anything missing or wrong."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, place: str, reason: str) -> InputError:
        return InputError(self.source, reason, place)

    def items(self, value: Any, name: str, place: str) -> list[Any]:
        items = self.field(value, name, place, list)
        return list(items)

    def field(self, value: Any, name: str, place: str, kind: type | tuple[type, ...]) -> Any:
        if not isinstance(value, dict):
            raise self.fail(place, "expected an object")
        if name not in value:
            raise self.fail(place, f"missing {name!r}")
        found = value[name]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if not isinstance(found, kinds) or (isinstance(found, bool) and bool not in kinds):
            raise self.fail(f"{place}.{name}", f"unexpected value {found!r}")
        return found

    def values(
        self, value: Any, fields: tuple[str, ...], place: str, model: type
    ) -> dict[str, Any]:
        columns = model.__table__.columns  # type: ignore[attr-defined]
        result = {}
        for name in fields:
            column = columns[name]
            python_type = column.type.python_type
            kind: tuple[type, ...] = (str,) if name in _DATE_FIELDS else (python_type,)
            if column.nullable:
                kind = (*kind, type(None))
            found = self.field(value, name, place, kind)
            if name in _DATE_FIELDS and found is not None:
                try:
                    found = date.fromisoformat(found)
                except ValueError:
                    raise self.fail(f"{place}.{name}", f"not a date: {found!r}") from None
            result[name] = found
        return result


def load_store(session: Session, document: Document, source: str) -> None:
    """Add everything ``document`` holds to an empty store, in the caller's transaction;
    ``source`` names the document in errors."""
    with held_search_index(session) as stale:
        stale.update(_load(session, document, _Reader(source)))


@dataclass(frozen=True, slots=True)
class LoadedConference:
    """What loading one conference made: its id, its talks by schedule key, its TODO ids in
    the document's order."""

    id: int
    talk_ids: dict[str, int]
    todo_ids: list[int]


class _Names:
    """Ids of tags and speakers by name: the store's own, else made on first use."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._ids: dict[type, dict[str, int]] = {}

    def id_of(self, model: type[TagRow] | type[SpeakerRow], name: str) -> int:
        if model not in self._ids:  # the store's own names, in one query
            known = self._session.execute(select(model.name, model.id)).all()
            self._ids[model] = dict(known)
        ids = self._ids[model]
        if name not in ids:
            row = model(name=name)
            self._session.add(row)
            self._session.flush()
            ids[name] = row.id
        return ids[name]


def _load(session: Session, document: Document, reader: _Reader) -> list[int]:
    """Load the document; return the ids of the talks it made."""
    names = _Names(session)
    made: list[int] = []
    for index, name in enumerate(reader.items(document, "tags", "backup")):
        if not isinstance(name, str):
            raise reader.fail(f"tags[{index}]", f"unexpected value {name!r}")
        names.id_of(TagRow, name)
    for index, item in enumerate(reader.items(document, "conferences", "backup")):
        loaded = _load_conference(session, reader, item, f"conferences[{index}]", names)
        made.extend(loaded.talk_ids.values())
    session.flush()
    return made


def load_conference(session: Session, item: Document, source: str) -> LoadedConference:
    """Add one conference as ``dump_conference`` gave it to a store that may hold others,
    in the caller's transaction; its slug changes if another conference has it now."""
    with held_search_index(session) as stale:
        loaded = _load_conference(session, _Reader(source), item, "conference", _Names(session))
        stale.update(loaded.talk_ids.values())
    return loaded


def _load_conference(
    session: Session, reader: _Reader, item: Document, place: str, names: _Names
) -> LoadedConference:
    values = reader.values(item, _CONFERENCE_FIELDS, place, ConferenceRow)
    conference = ConferenceRow(**values | {"slug": unique_slug(session, values["slug"])})
    session.add(conference)
    session.flush()
    source_item = reader.field(item, "schedule_source", place, (dict, type(None)))
    if source_item is not None:
        values = reader.values(
            source_item, _SOURCE_FIELDS, f"{place}.schedule_source", ScheduleSourceRow
        )
        session.add(ScheduleSourceRow(conference_id=conference.id, **values))
    talk_ids = _load_talks(session, reader, item, place, conference.id, names)
    _load_notes(session, reader, item, place, conference.id, talk_ids)
    todos: list[TodoRow] = []
    for number, todo in enumerate(reader.items(item, "todos", place)):
        todo_place = f"{place}.todos[{number}]"
        values = reader.values(todo, _TODO_FIELDS, todo_place, TodoRow)
        talk_id = _talk_ref(reader, todo, todo_place, talk_ids)
        todos.append(TodoRow(conference_id=conference.id, talk_id=talk_id, **values))
    session.add_all(todos)
    session.flush()
    return LoadedConference(conference.id, talk_ids, [todo.id for todo in todos])


def _load_talks(
    session: Session,
    reader: _Reader,
    item: Document,
    place: str,
    conference_id: int,
    names: _Names,
) -> dict[str, int]:
    talks = reader.items(item, "talks", place)
    rows: list[TalkRow] = []
    keys: set[str] = set()
    for number, talk in enumerate(talks):
        talk_place = f"{place}.talks[{number}]"
        row = TalkRow(
            conference_id=conference_id, **reader.values(talk, _TALK_FIELDS, talk_place, TalkRow)
        )
        if row.key in keys:
            raise reader.fail(f"{talk_place}.key", f"repeats {row.key!r}")
        keys.add(row.key)
        rows.append(row)
    session.add_all(rows)
    session.flush()  # one flush gives every talk its id
    for number, (talk, row) in enumerate(zip(talks, rows, strict=True)):
        talk_place = f"{place}.talks[{number}]"
        for position, name in enumerate(reader.items(talk, "speakers", talk_place)):
            if not isinstance(name, str):
                raise reader.fail(f"{talk_place}.speakers", f"unexpected value {name!r}")
            speaker_id = names.id_of(SpeakerRow, name)
            session.add(TalkSpeakerRow(talk_id=row.id, speaker_id=speaker_id, position=position))
        for name in reader.items(talk, "tags", talk_place):
            if not isinstance(name, str):
                raise reader.fail(f"{talk_place}.tags", f"unexpected value {name!r}")
            session.add(TalkTagRow(talk_id=row.id, tag_id=names.id_of(TagRow, name)))
        state = reader.field(talk, "state", talk_place, (dict, type(None)))
        if state is not None:
            values = reader.values(state, _STATE_FIELDS, f"{talk_place}.state", TalkStateRow)
            session.add(TalkStateRow(talk_id=row.id, **values))
    return {row.key: row.id for row in rows}


def _load_notes(
    session: Session,
    reader: _Reader,
    item: Document,
    place: str,
    conference_id: int,
    talk_ids: dict[str, int],
) -> None:
    for number, note in enumerate(reader.items(item, "notes", place)):
        note_place = f"{place}.notes[{number}]"
        values = reader.values(note, _NOTE_FIELDS, note_place, NoteRow)
        talk_id = _talk_ref(reader, note, note_place, talk_ids)
        row = NoteRow(conference_id=conference_id, talk_id=talk_id, **values)
        session.add(row)
        session.flush()
        for index, revision in enumerate(reader.items(note, "revisions", note_place)):
            revision_values = reader.values(
                revision, _REVISION_FIELDS, f"{note_place}.revisions[{index}]", NoteRevisionRow
            )
            session.add(NoteRevisionRow(note_id=row.id, **revision_values))


def _talk_ref(reader: _Reader, item: Document, place: str, talk_ids: dict[str, int]) -> int | None:
    key = reader.field(item, "talk", place, (str, type(None)))
    if key is None:
        return None
    if key not in talk_ids:
        raise reader.fail(f"{place}.talk", f"no talk with key {key!r} in this conference")
    return talk_ids[key]
