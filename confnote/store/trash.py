"""The trash, inside the caller's transaction: a deleted talk, note, TODO or conference is
kept as a snapshot of its rows (JSON) until it is restored or the trash is emptied.

Snapshots are raw rows read with plain SQL, so a restore writes back exactly what
was stored, and columns that a later schema adds simply take their defaults.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import ColumnElement, delete, select, text, true
from sqlalchemy.orm import Session

from confnote.errors import ConfnoteError, NotFoundError
from confnote.store.models import TrashRow
from confnote.store.records import TrashItem, TrashKind
from confnote.store.rows import instant

if TYPE_CHECKING:
    from sqlalchemy import CursorResult

Rows = list[dict[str, Any]]


def trash_talk(session: Session, talk_id: int, *, now: int) -> TrashItem:
    """Move a talk to the trash with its note, revisions, state, speakers and tags."""
    (talk,) = _rows_or_missing(session, "talk", "id = :id", {"id": talk_id}, "talk")
    note = _rows(session, "note", "talk_id = :id", {"id": talk_id})
    snapshot = {
        "talk": talk,
        "state": _rows(session, "talk_state", "talk_id = :id", {"id": talk_id}),
        "speakers": [
            row["name"]
            for row in _select(
                session,
                "SELECT s.name FROM talk_speaker ts JOIN speaker s ON s.id = ts.speaker_id "
                "WHERE ts.talk_id = :id ORDER BY ts.position",
                {"id": talk_id},
            )
        ],
        "tags": [
            row["name"]
            for row in _select(
                session,
                "SELECT t.name FROM talk_tag tt JOIN tag t ON t.id = tt.tag_id "
                "WHERE tt.talk_id = :id",
                {"id": talk_id},
            )
        ],
        "note": note,
        "revisions": _revisions(session, note),
        "todo_ids": [
            row["id"]
            for row in _select(session, "SELECT id FROM todo WHERE talk_id = :id", {"id": talk_id})
        ],
    }
    item = _keep(session, TrashKind.TALK, talk["conference_id"], talk["title"], snapshot, now)
    session.execute(text("DELETE FROM talk WHERE id = :id"), {"id": talk_id})
    return item


def trash_note(session: Session, note_id: int, *, now: int) -> TrashItem:
    """Move a note (of a talk or of the conference) and its revisions to the trash."""
    note = _rows_or_missing(session, "note", "id = :id", {"id": note_id}, "note")
    title = note[0]["title"] or "Untitled note"
    snapshot = {"note": note, "revisions": _revisions(session, note)}
    item = _keep(session, TrashKind.NOTE, note[0]["conference_id"], title, snapshot, now)
    session.execute(text("DELETE FROM note WHERE id = :id"), {"id": note_id})
    return item


def trash_todo(session: Session, todo_id: int, *, now: int) -> TrashItem:
    (todo,) = _rows_or_missing(session, "todo", "id = :id", {"id": todo_id}, "TODO")
    item = _keep(
        session, TrashKind.TODO, todo["conference_id"], todo["text"], {"todo": [todo]}, now
    )
    session.execute(text("DELETE FROM todo WHERE id = :id"), {"id": todo_id})
    return item


def trash_conference(session: Session, conference_id: int, *, now: int) -> TrashItem:
    """Move a conference to the trash with everything it holds, its own trash included."""
    from confnote.store.conference_trash import conference_document

    snapshot = conference_document(session, conference_id)
    title = snapshot["conference"]["name"]
    item = _keep(session, TrashKind.CONFERENCE, None, title, snapshot, now)
    session.execute(text("DELETE FROM conference WHERE id = :id"), {"id": conference_id})
    return item


def trash_items(session: Session, conference_id: int | None) -> list[TrashItem]:
    """What the trash holds, most recently deleted first: of one conference (and the deleted
    conferences, which belong to none), or all."""
    query = select(TrashRow).order_by(TrashRow.deleted_at.desc(), TrashRow.id.desc())
    return [_record(row) for row in session.scalars(query.where(_of(conference_id)))]


def restore(session: Session, item_id: int) -> TrashItem:
    """Put a trashed item back where it was and take it out of the trash."""
    row = session.get(TrashRow, item_id)
    if row is None:
        raise NotFoundError(f"nothing in the trash with id {item_id}")
    snapshot = json.loads(row.payload)
    kind = TrashKind(row.kind)
    item = _record(row)
    if kind is TrashKind.CONFERENCE:
        from confnote.store.conference_trash import restore_conference

        item = replace(item, conference_id=restore_conference(session, snapshot))
    elif kind is TrashKind.TALK:
        _restore_talk(session, snapshot)
    elif kind is TrashKind.NOTE:
        _restore_note(session, snapshot["note"], snapshot["revisions"])
    else:
        _restore_todo(session, snapshot["todo"][0])
    session.delete(row)
    return item


def empty(session: Session, conference_id: int | None) -> int:
    """Delete for good what ``trash_items`` lists; return how many."""
    result = cast("CursorResult[Any]", session.execute(delete(TrashRow).where(_of(conference_id))))
    return int(result.rowcount or 0)


def drop(session: Session, item_id: int) -> None:
    """Delete one item of the trash for good."""
    session.execute(delete(TrashRow).where(TrashRow.id == item_id))


def _of(conference_id: int | None) -> ColumnElement[bool]:
    if conference_id is None:
        return true()
    return (TrashRow.conference_id == conference_id) | TrashRow.conference_id.is_(None)


# Restoring


def _restore_talk(session: Session, snapshot: Mapping[str, Any]) -> None:
    talk = snapshot["talk"]
    clash = session.execute(
        text("SELECT title FROM talk WHERE conference_id = :c AND key = :k"),
        {"c": talk["conference_id"], "k": talk["key"]},
    ).first()
    if clash is not None:
        raise ConfnoteError(
            f"cannot restore {talk['title']!r}: the schedule has its talk again ({clash[0]!r})"
        )
    talk_id = _insert(session, "talk", talk)
    for state in snapshot["state"]:
        _insert(session, "talk_state", {**state, "talk_id": talk_id})
    for position, name in enumerate(snapshot["speakers"]):
        speaker_id = _named_id(session, "speaker", name)
        session.execute(
            text("INSERT INTO talk_speaker (talk_id, speaker_id, position) VALUES (:t, :s, :p)"),
            {"t": talk_id, "s": speaker_id, "p": position},
        )
    for name in snapshot["tags"]:
        session.execute(
            text("INSERT INTO talk_tag (talk_id, tag_id) VALUES (:t, :g)"),
            {"t": talk_id, "g": _named_id(session, "tag", name)},
        )
    notes = [{**note, "talk_id": talk_id} for note in snapshot["note"]]
    _restore_note(session, notes, snapshot["revisions"])
    for todo_id in snapshot["todo_ids"]:
        session.execute(
            text("UPDATE todo SET talk_id = :t WHERE id = :id AND talk_id IS NULL"),
            {"t": talk_id, "id": todo_id},
        )


def _restore_note(session: Session, notes: Rows, revisions: Rows) -> None:
    for note in notes:
        if note["talk_id"] is not None and _select(
            session, "SELECT id FROM note WHERE talk_id = :t", {"t": note["talk_id"]}
        ):
            raise ConfnoteError(
                f"cannot restore the note {note['title']!r}: its talk has a new note; "
                "copy what you need from it first"
            )
        if note["talk_id"] is not None and not _select(
            session, "SELECT id FROM talk WHERE id = :t", {"t": note["talk_id"]}
        ):
            raise ConfnoteError(
                f"cannot restore the note {note['title']!r}: its talk is gone; restore the talk"
            )
        note_id = _insert(session, "note", note)
        for revision in revisions:
            if revision["note_id"] == note["id"]:
                _insert(session, "note_revision", {**revision, "note_id": note_id})


def _restore_todo(session: Session, todo: dict[str, Any]) -> None:
    if todo["talk_id"] is not None and not _select(
        session, "SELECT id FROM talk WHERE id = :t", {"t": todo["talk_id"]}
    ):
        todo = {**todo, "talk_id": None}
    if (
        todo["kind"] == "watch_later"
        and todo["talk_id"] is not None
        and _select(
            session,
            "SELECT id FROM todo WHERE talk_id = :t AND kind = 'watch_later'",
            {"t": todo["talk_id"]},
        )
    ):
        raise ConfnoteError(f"cannot restore {todo['text']!r}: the talk is on watch later again")
    _insert(session, "todo", todo)


# Rows as plain dicts


def _select(session: Session, sql: str, values: Mapping[str, Any]) -> Rows:
    return [dict(row._mapping) for row in session.execute(text(sql), values)]


def _rows(session: Session, table: str, where: str, values: Mapping[str, Any]) -> Rows:
    return _select(session, f"SELECT * FROM {table} WHERE {where}", values)


def _rows_or_missing(
    session: Session, table: str, where: str, values: Mapping[str, Any], what: str
) -> Rows:
    rows = _rows(session, table, where, values)
    if not rows:
        raise NotFoundError(f"no {what} with id {values['id']}")
    return rows


def _revisions(session: Session, notes: Rows) -> Rows:
    return [
        revision
        for note in notes
        for revision in _rows(session, "note_revision", "note_id = :id", {"id": note["id"]})
    ]


def _insert(session: Session, table: str, row: Mapping[str, Any]) -> int:
    """Insert ``row``, only the columns the table still has, keeping its id when that is
    free (else a new one); return the id it got."""
    columns = {info[1] for info in session.execute(text(f"PRAGMA table_info({table})"))}
    values = {name: value for name, value in row.items() if name in columns}
    if "id" in values and _select(session, f"SELECT 1 FROM {table} WHERE id = :id", values):
        del values["id"]
    names = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    result = session.execute(text(f"INSERT INTO {table} ({names}) VALUES ({marks})"), values)
    return int(result.lastrowid)  # type: ignore[attr-defined]


def _named_id(session: Session, table: str, name: str) -> int:
    found = session.execute(text(f"SELECT id FROM {table} WHERE name = :n"), {"n": name}).first()
    if found is not None:
        return int(found[0])
    result = session.execute(text(f"INSERT INTO {table} (name) VALUES (:n)"), {"n": name})
    return int(result.lastrowid)  # type: ignore[attr-defined]


def _keep(
    session: Session,
    kind: TrashKind,
    conference_id: int | None,
    title: str,
    snapshot: Mapping[str, Any],
    now: int,
) -> TrashItem:
    row = TrashRow(
        kind=kind.value,
        conference_id=conference_id,
        title=title,
        payload=json.dumps(snapshot, ensure_ascii=False),
        deleted_at=now,
    )
    session.add(row)
    session.flush()
    return _record(row)


def _record(row: TrashRow) -> TrashItem:
    return TrashItem(
        id=row.id,
        kind=TrashKind(row.kind),
        conference_id=row.conference_id,
        title=row.title,
        deleted_at=instant(row.deleted_at),
    )
