"""Notes of talks and of conferences, inside the caller's transaction: saving them
with revisions of the text they replace, and their ``- [ ]`` checklists."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from confnote.checklist import ChecklistItem, note_checklist, set_checked
from confnote.errors import ConfnoteError
from confnote.store.models import ConferenceRow, NoteRevisionRow, NoteRow, TalkRow
from confnote.store.records import ChecklistEntry, Note, NoteRevision, NoteWrite, RevisionKind
from confnote.store.rows import get_row, instant

# A note keeps an ``edit`` revision of its previous body at most this often while typing.
REVISION_INTERVAL = timedelta(minutes=10)


def note_record(row: NoteRow) -> Note:
    return Note(
        id=row.id,
        conference_id=row.conference_id,
        talk_id=row.talk_id,
        title=row.title,
        body=row.body,
        updated_at=instant(row.updated_at),
        version=row.version,
    )


def note_for_talk(session: Session, talk_id: int) -> Note | None:
    row = session.scalars(select(NoteRow).where(NoteRow.talk_id == talk_id)).first()
    return note_record(row) if row else None


def write_note(
    session: Session,
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
        talk = get_row(session, TalkRow, talk_id, "talk")
        row = session.scalars(select(NoteRow).where(NoteRow.talk_id == talk_id)).first()
        if row is None:
            return NoteWrite(_new_note(session, talk.conference_id, talk_id, talk.title, body, now))
    else:
        assert note_id is not None, "a note write names a talk or a note"
        row = get_row(session, NoteRow, note_id, "note")
    if title is not None and title.strip():
        row.title = title.strip()
    return _write_note(session, row, body, base_version, now, keep_current_as)


def _write_note(
    session: Session,
    row: NoteRow,
    body: str,
    base_version: int | None,
    now: int,
    keep_current_as: RevisionKind | None = None,
) -> NoteWrite:
    if body == row.body:
        return NoteWrite(note_record(row))
    stale = base_version is not None and base_version != row.version
    kind = RevisionKind.CONFLICT if stale else keep_current_as
    if kind is None:
        last_revision = session.scalar(
            select(func.max(NoteRevisionRow.saved_at)).where(NoteRevisionRow.note_id == row.id)
        )
        due = last_revision is None or now - last_revision >= REVISION_INTERVAL.total_seconds()
        kind = RevisionKind.EDIT if due else None
    kept: NoteRevisionRow | None = None
    if row.body.strip() and kind is not None:
        kept = NoteRevisionRow(
            note_id=row.id, body=row.body, version=row.version, saved_at=now, kind=kind.value
        )
        session.add(kept)
    row.body = body
    row.updated_at = now
    row.version += 1
    session.flush()
    conflict = revision_record(kept) if stale and kept is not None else None
    return NoteWrite(note_record(row), conflict)


def add_conference_note(
    session: Session, conference_id: int, title: str, body: str, *, now: int
) -> Note:
    """A note that belongs to the conference itself (intro, hallway track, sprints)."""
    title = title.strip()
    if not title:
        raise ConfnoteError("a conference note needs a title")
    get_row(session, ConferenceRow, conference_id, "conference")
    return _new_note(session, conference_id, None, title, body, now)


def _new_note(
    session: Session, conference_id: int, talk_id: int | None, title: str, body: str, now: int
) -> Note:
    row = NoteRow(
        conference_id=conference_id,
        talk_id=talk_id,
        title=title,
        body=body,
        updated_at=now,
        version=1,
    )
    session.add(row)
    session.flush()
    return note_record(row)


def conference_notes(session: Session, conference_id: int) -> list[Note]:
    """Notes of the conference itself, in the order they were made."""
    return _notes(session, NoteRow.conference_id == conference_id, NoteRow.talk_id.is_(None))


def talk_notes(session: Session, conference_id: int) -> list[Note]:
    """Every talk note of a conference that holds some text."""
    return _notes(
        session,
        NoteRow.conference_id == conference_id,
        NoteRow.talk_id.is_not(None),
        func.trim(NoteRow.body, " \t\r\n") != "",
    )


def _notes(session: Session, *conditions: ColumnElement[bool]) -> list[Note]:
    rows = session.scalars(select(NoteRow).where(*conditions).order_by(NoteRow.id))
    return [note_record(row) for row in rows]


def note_revisions(session: Session, note_id: int) -> list[NoteRevision]:
    """Earlier bodies of a note, newest first."""
    rows = session.scalars(
        select(NoteRevisionRow)
        .where(NoteRevisionRow.note_id == note_id)
        .order_by(NoteRevisionRow.saved_at.desc(), NoteRevisionRow.id.desc())
    )
    return [revision_record(row) for row in rows]


def revision_record(row: NoteRevisionRow) -> NoteRevision:
    return NoteRevision(
        id=row.id,
        note_id=row.note_id,
        body=row.body,
        version=row.version,
        saved_at=instant(row.saved_at),
        kind=RevisionKind(row.kind),
    )


def checklist(session: Session, conference_id: int) -> list[ChecklistEntry]:
    """Every ``- [ ]`` line in the conference's notes, by talk time then line."""
    rows = session.execute(
        select(NoteRow, TalkRow.starts_at)
        .outerjoin(TalkRow, TalkRow.id == NoteRow.talk_id)
        .where(NoteRow.conference_id == conference_id, NoteRow.body.like("%[%]%"))
        .order_by(TalkRow.starts_at.nulls_first(), NoteRow.id)
    ).all()
    return [entry for note, _ in rows for entry in note_checklist(note)]


def set_checklist_item(session: Session, entry: ChecklistEntry, done: bool, *, now: int) -> Note:
    """Tick or untick a checklist line by rewriting it in its note."""
    row = get_row(session, NoteRow, entry.note_id, "note")
    body = set_checked(row.body, ChecklistItem(entry.line, entry.text, entry.done), done)
    if body is None:
        raise ConfnoteError(f"the line “{entry.text}” has changed in the note; reload")
    return _write_note(session, row, body, None, now).note
