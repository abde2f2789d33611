"""Notes of talks and of conferences, in plain SQL inside the caller's transaction:
saving them with revisions of the text they replace, and their ``- [ ]`` checklists."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import timedelta
from typing import Any

from confnote.checklist import ChecklistItem, note_checklist, set_checked
from confnote.errors import ConfnoteError, NotFoundError
from confnote.store.records import ChecklistEntry, Note, NoteRevision, NoteWrite, RevisionKind
from confnote.store.rows import instant

# A note keeps an ``edit`` revision of its previous body at most this often while typing.
REVISION_INTERVAL = timedelta(minutes=10)

_NOTE = "SELECT n.id, n.conference_id, n.talk_id, n.title, n.body, n.updated_at, n.version"
_REVISION = "SELECT id, note_id, body, version, saved_at, kind FROM note_revision"


def note_record(row: Any) -> Note:
    """A note from the columns ``_NOTE`` selects."""
    note_id, conference_id, talk_id, title, body, updated_at, version = row
    return Note(note_id, conference_id, talk_id, title, body, instant(updated_at), version)


def _notes(connection: sqlite3.Connection, where: str, *parameters: object) -> list[Note]:
    rows = connection.execute(f"{_NOTE} FROM note n WHERE {where} ORDER BY n.id", parameters)
    return [note_record(row) for row in rows]


def note_by_id(connection: sqlite3.Connection, note_id: int) -> Note:
    found = _notes(connection, "n.id = ?", note_id)
    if not found:
        raise NotFoundError(f"no note with id {note_id}")
    return found[0]


def note_for_talk(connection: sqlite3.Connection, talk_id: int) -> Note | None:
    found = _notes(connection, "n.talk_id = ?", talk_id)
    return found[0] if found else None


def write_note(
    connection: sqlite3.Connection,
    body: str,
    *,
    talk_id: int | None,
    note_id: int | None,
    base_version: int | None,
    now: int,
    title: str | None = None,
    keep_current_as: RevisionKind | None = None,
) -> NoteWrite:
    """Write a talk's note (creating it on first save) or a note by id.

    ``base_version`` is the version the editor loaded (0: no note yet; None: don't
    check). When the note has moved past it, the text this save replaces is kept as a
    pinned ``conflict`` revision and returned. ``keep_current_as`` keeps the replaced
    text as a pinned revision of that kind whatever happens (a choice or a restore).
    """
    if talk_id is not None:
        talk = connection.execute(
            "SELECT conference_id, title FROM talk WHERE id = ?", (talk_id,)
        ).fetchone()
        if talk is None:
            raise NotFoundError(f"no talk with id {talk_id}")
        note = note_for_talk(connection, talk_id)
        if note is None:
            return NoteWrite(_new_note(connection, talk[0], talk_id, talk[1], body, now))
    else:
        assert note_id is not None, "a note write names a talk or a note"
        note = note_by_id(connection, note_id)
    if title is not None and title.strip() and title.strip() != note.title:
        connection.execute("UPDATE note SET title = ? WHERE id = ?", (title.strip(), note.id))
        note = note_by_id(connection, note.id)
    return _write_note(connection, note, body, base_version, now, keep_current_as)


def _write_note(
    connection: sqlite3.Connection,
    note: Note,
    body: str,
    base_version: int | None,
    now: int,
    keep_current_as: RevisionKind | None = None,
) -> NoteWrite:
    if body == note.body:
        return NoteWrite(note)
    stale = base_version is not None and base_version != note.version
    kind = RevisionKind.CONFLICT if stale else keep_current_as
    if kind is None:
        (last_revision,) = connection.execute(
            "SELECT max(saved_at) FROM note_revision WHERE note_id = ?", (note.id,)
        ).fetchone()
        due = last_revision is None or now - last_revision >= REVISION_INTERVAL.total_seconds()
        kind = RevisionKind.EDIT if due else None
    kept: NoteRevision | None = None
    if note.body.strip() and kind is not None:
        cursor = connection.execute(
            "INSERT INTO note_revision (note_id, body, version, saved_at, kind)"
            " VALUES (?, ?, ?, ?, ?)",
            (note.id, note.body, note.version, now, kind.value),
        )
        assert cursor.lastrowid is not None
        kept = NoteRevision(cursor.lastrowid, note.id, note.body, note.version, instant(now), kind)
    connection.execute(
        "UPDATE note SET body = ?, updated_at = ?, version = ? WHERE id = ?",
        (body, now, note.version + 1, note.id),
    )
    written = replace(note, body=body, updated_at=instant(now), version=note.version + 1)
    return NoteWrite(written, kept if stale else None)


def add_conference_note(
    connection: sqlite3.Connection, conference_id: int, title: str, body: str, *, now: int
) -> Note:
    """A note that belongs to the conference itself (intro, hallway track, sprints)."""
    title = title.strip()
    if not title:
        raise ConfnoteError("a conference note needs a title")
    if connection.execute("SELECT 1 FROM conference WHERE id = ?", (conference_id,)).fetchone():
        return _new_note(connection, conference_id, None, title, body, now)
    raise NotFoundError(f"no conference with id {conference_id}")


def _new_note(
    connection: sqlite3.Connection,
    conference_id: int,
    talk_id: int | None,
    title: str,
    body: str,
    now: int,
) -> Note:
    cursor = connection.execute(
        "INSERT INTO note (conference_id, talk_id, title, body, updated_at, version)"
        " VALUES (?, ?, ?, ?, ?, 1)",
        (conference_id, talk_id, title, body, now),
    )
    assert cursor.lastrowid is not None
    return Note(cursor.lastrowid, conference_id, talk_id, title, body, instant(now), 1)


def conference_notes(connection: sqlite3.Connection, conference_id: int) -> list[Note]:
    """Notes of the conference itself, in the order they were made."""
    return _notes(connection, "n.conference_id = ? AND n.talk_id IS NULL", conference_id)


def talk_notes(connection: sqlite3.Connection, conference_id: int) -> list[Note]:
    """Every talk note of a conference that holds some text."""
    return _notes(
        connection,
        "n.conference_id = ? AND n.talk_id IS NOT NULL AND trim(n.body, ?) <> ''",
        conference_id,
        " \t\r\n",
    )


def note_revisions(connection: sqlite3.Connection, note_id: int) -> list[NoteRevision]:
    """Earlier bodies of a note, newest first."""
    rows = connection.execute(
        f"{_REVISION} WHERE note_id = ? ORDER BY saved_at DESC, id DESC", (note_id,)
    )
    return [
        NoteRevision(row[0], row[1], row[2], row[3], instant(row[4]), RevisionKind(row[5]))
        for row in rows
    ]


def checklist(connection: sqlite3.Connection, conference_id: int) -> list[ChecklistEntry]:
    """Every ``- [ ]`` line in the conference's notes, by talk time then line."""
    rows = connection.execute(
        f"{_NOTE} FROM note n LEFT JOIN talk t ON t.id = n.talk_id"
        " WHERE n.conference_id = ? AND n.body LIKE '%[%]%'"
        " ORDER BY t.starts_at, n.id",  # a NULL (no talk) sorts first
        (conference_id,),
    )
    return [entry for row in rows for entry in note_checklist(note_record(row))]


def set_checklist_item(
    connection: sqlite3.Connection, entry: ChecklistEntry, done: bool, *, now: int
) -> Note:
    """Tick or untick a checklist line by rewriting it in its note."""
    note = note_by_id(connection, entry.note_id)
    body = set_checked(note.body, ChecklistItem(entry.line, entry.text, entry.done), done)
    if body is None:
        raise ConfnoteError(f"the line “{entry.text}” has changed in the note; reload")
    return _write_note(connection, note, body, None, now).note
