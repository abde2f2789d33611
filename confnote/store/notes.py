"""Notes of talks and of conferences, inside the caller's transaction: saving them
with revisions of the text they replace, and their ``- [ ]`` checklists."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from confnote.checklist import ChecklistItem, note_checklist, set_checked
from confnote.errors import ConfnoteError
from confnote.store.models import ConferenceRow, NoteRevisionRow, NoteRow, TalkRow
from confnote.store.records import ChecklistEntry, Note, NoteRevision
from confnote.store.rows import get_row, instant

# A note keeps a revision of its previous body at most this often while typing.
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


def save_talk_note(
    session: Session, talk_id: int, body: str, *, base_version: int | None, now: int
) -> Note:
    """Write the note of a talk, creating it on first save."""
    talk = get_row(session, TalkRow, talk_id, "talk")
    row = session.scalars(select(NoteRow).where(NoteRow.talk_id == talk_id)).first()
    if row is None:
        return _new_note(session, talk.conference_id, talk_id, talk.title, body, now)
    return _write_note(session, row, body, base_version, now)


def save_note(
    session: Session,
    note_id: int,
    body: str,
    *,
    base_version: int | None,
    title: str | None,
    now: int,
) -> Note:
    """Write a note by id. A stale ``base_version`` never loses the other writer's text:
    the body it would overwrite is kept as a revision first."""
    row = get_row(session, NoteRow, note_id, "note")
    if title is not None and title.strip():
        row.title = title.strip()
    return _write_note(session, row, body, base_version, now)


def _write_note(
    session: Session, row: NoteRow, body: str, base_version: int | None, now: int
) -> Note:
    if body == row.body:
        return note_record(row)
    last_revision = session.scalar(
        select(func.max(NoteRevisionRow.saved_at)).where(NoteRevisionRow.note_id == row.id)
    )
    stale = base_version is not None and base_version != row.version
    due = last_revision is None or now - last_revision >= REVISION_INTERVAL.total_seconds()
    if row.body.strip() and (stale or due):
        session.add(
            NoteRevisionRow(note_id=row.id, body=row.body, version=row.version, saved_at=now)
        )
    row.body = body
    row.updated_at = now
    row.version += 1
    session.flush()
    return note_record(row)


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
    return [
        NoteRevision(
            id=r.id,
            note_id=r.note_id,
            body=r.body,
            version=r.version,
            saved_at=instant(r.saved_at),
        )
        for r in rows
    ]


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
    return _write_note(session, row, body, None, now)
