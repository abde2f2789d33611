"""The Store: every read and write the app and the command line make.

Each method is one transaction and returns frozen records, never ORM rows, so
any method may run in a worker thread.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Engine, delete, func, select, text
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from confnote import agenda
from confnote.checklist import ChecklistItem, checklist_items, set_checked
from confnote.errors import ConfnoteError, NotFoundError, StoreError
from confnote.schedule.model import ParsedSchedule, TalkDetails
from confnote.store import search as fts
from confnote.store.engine import create_engine_for, prepare_database
from confnote.store.models import (
    ConferenceRow,
    NoteRevisionRow,
    NoteRow,
    SpeakerRow,
    TagRow,
    TalkRow,
    TalkSpeakerRow,
    TalkStateRow,
    TalkTagRow,
    TodoRow,
)
from confnote.store.records import (
    MAX_STAR,
    ChecklistEntry,
    Conference,
    Note,
    NoteRevision,
    SearchHit,
    Talk,
    Todo,
    TodoKind,
)
from confnote.store.schedule_records import ImportReport, ScheduleSource

# A note keeps a revision of its previous body at most this often while typing.
REVISION_INTERVAL = timedelta(minutes=10)

Clock = Callable[[], float]
RowT = TypeVar("RowT")


class Store:
    """A confnote database. Open it with :meth:`Store.open`."""

    def __init__(self, path: Path, engine: Engine, clock: Clock = time.time) -> None:
        self.path = path
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._clock = clock

    @classmethod
    def open(cls, path: str | Path, *, clock: Clock = time.time) -> Store:
        """Open (creating and migrating as needed) the database at ``path``."""
        path = Path(path).expanduser()
        prepare_database(path)
        return cls(path, create_engine_for(path), clock)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        try:
            with self._sessions() as session, session.begin():
                yield session
        except IntegrityError as error:
            raise StoreError(f"{self.path}: refused: {_first_line(error.orig)}") from None
        except SQLAlchemyError as error:
            raise StoreError(f"{self.path}: {_first_line(getattr(error, 'orig', error))}") from None

    def _now(self) -> int:
        return int(self._clock())

    # Conferences

    def create_conference(
        self,
        name: str,
        *,
        time_zone: str = "UTC",
        starts_on: date | None = None,
        ends_on: date | None = None,
        url: str = "",
        slug: str | None = None,
    ) -> Conference:
        name = name.strip()
        if not name:
            raise ConfnoteError("a conference needs a name")
        _check_zone(time_zone)
        with self._transaction() as session:
            row = ConferenceRow(
                name=name,
                slug=_unique_slug(session, slug or slugify(name)),
                time_zone=time_zone,
                starts_on=starts_on,
                ends_on=ends_on,
                url=url,
                created_at=self._now(),
            )
            session.add(row)
            session.flush()
            return _conference(row)

    def update_conference(
        self,
        conference_id: int,
        *,
        name: str | None = None,
        time_zone: str | None = None,
        starts_on: date | None = None,
        ends_on: date | None = None,
        url: str | None = None,
    ) -> Conference:
        with self._transaction() as session:
            row = _get(session, ConferenceRow, conference_id, "conference")
            if name is not None and name.strip():
                row.name = name.strip()
            if time_zone is not None:
                _check_zone(time_zone)
                row.time_zone = time_zone
            if starts_on is not None:
                row.starts_on = starts_on
            if ends_on is not None:
                row.ends_on = ends_on
            if url is not None:
                row.url = url
            return _conference(row)

    def conference(self, conference_id: int) -> Conference:
        with self._transaction() as session:
            return _conference(_get(session, ConferenceRow, conference_id, "conference"))

    def find_conference(self, name_or_slug: str) -> Conference | None:
        """The conference whose slug or name (case-insensitively) is ``name_or_slug``."""
        with self._transaction() as session:
            row = session.scalars(
                select(ConferenceRow).where(
                    (ConferenceRow.slug == slugify(name_or_slug))
                    | (func.lower(ConferenceRow.name) == name_or_slug.strip().lower())
                )
            ).first()
            return _conference(row) if row else None

    def list_conferences(self) -> list[Conference]:
        """Every conference, newest first."""
        with self._transaction() as session:
            rows = session.scalars(
                select(ConferenceRow).order_by(
                    ConferenceRow.starts_on.desc().nulls_last(), ConferenceRow.id.desc()
                )
            )
            return [_conference(row) for row in rows]

    def delete_conference(self, conference_id: int) -> None:
        """Delete a conference with its talks, notes and TODOs."""
        with self._transaction() as session:
            session.delete(_get(session, ConferenceRow, conference_id, "conference"))

    def is_empty(self) -> bool:
        with self._transaction() as session:
            return session.scalar(select(func.count()).select_from(ConferenceRow)) == 0

    # Schedules

    def import_schedule(
        self,
        parsed: ParsedSchedule,
        *,
        conference_id: int | None = None,
        conference_name: str | None = None,
        source: str = "",
        etag: str = "",
        last_modified: str = "",
    ) -> ImportReport:
        """Import a schedule in one transaction: into the conference named by id or
        name/slug, else the one whose remembered source is ``source``, else a new one.

        Into a conference that already holds a schedule this is a refresh: talks
        are updated, added, re-keyed, or marked cancelled when gone; the
        attendee's own state is never touched. ``source`` (a URL or absolute
        path) and its HTTP validators are remembered for the next refresh.
        """
        from confnote.store import schedule_import

        if conference_name is not None and conference_id is None:
            named = self.find_conference(conference_name)
            if named is None:
                raise NotFoundError(f"no conference named {conference_name!r}")
            conference_id = named.id
        where_from = schedule_import.SourceInfo(source, etag, last_modified)
        with self._transaction() as session:
            return schedule_import.import_schedule(
                session, parsed, conference_id=conference_id, source=where_from, now=self._now()
            )

    def schedule_source(self, conference_id: int) -> ScheduleSource | None:
        """Where the conference's schedule was last imported from, if anywhere."""
        from confnote.store import schedule_import

        with self._transaction() as session:
            return schedule_import.schedule_source(session, conference_id)

    def schedule_source_at(self, location: str) -> ScheduleSource | None:
        """The remembered schedule source at ``location`` (a URL or absolute path)."""
        from confnote.store import schedule_import

        with self._transaction() as session:
            return schedule_import.schedule_source_at(session, location)

    # Talks

    def add_talk(self, conference_id: int, details: TalkDetails) -> Talk:
        """Add a talk by hand or from a schedule; ``details.key`` may be empty for manual talks."""
        with self._transaction() as session:
            _get(session, ConferenceRow, conference_id, "conference")
            key = details.key or f"manual-{self._now()}-{_count_talks(session, conference_id)}"
            if session.scalar(
                select(TalkRow.id).where(TalkRow.conference_id == conference_id, TalkRow.key == key)
            ):
                raise ConfnoteError(f"a talk with key {key!r} already exists")
            row = TalkRow(conference_id=conference_id, key=key, starts_at=0)
            _apply_details(row, details)
            session.add(row)
            session.flush()
            _set_speakers(session, row.id, details.speakers)
            return _load_talks(session, TalkRow.id == row.id)[0]

    def update_talk(self, talk_id: int, details: TalkDetails) -> Talk:
        """Replace a talk's schedule fields; the attendee's own state stays as it is."""
        with self._transaction() as session:
            row = _get(session, TalkRow, talk_id, "talk")
            _apply_details(row, details)
            _set_speakers(session, row.id, details.speakers)
            return _load_talks(session, TalkRow.id == row.id)[0]

    def talk(self, talk_id: int) -> Talk:
        with self._transaction() as session:
            talks = _load_talks(session, TalkRow.id == talk_id)
            if not talks:
                raise NotFoundError(f"no talk with id {talk_id}")
            return talks[0]

    def list_talks(self, conference_id: int) -> list[Talk]:
        """Every talk of a conference in time order, hidden and cancelled ones included."""
        with self._transaction() as session:
            return _load_talks(session, TalkRow.conference_id == conference_id)

    def talks_starting_between(
        self, conference_id: int, start: datetime, end: datetime
    ) -> list[Talk]:
        with self._transaction() as session:
            return _load_talks(
                session,
                (TalkRow.conference_id == conference_id)
                & (TalkRow.starts_at >= _epoch(start))
                & (TalkRow.starts_at < _epoch(end)),
            )

    def talks_on_day(self, conference_id: int, day: date) -> list[Talk]:
        """The talks of one programme day, in the conference's own time zone."""
        where = agenda.zone(self.conference(conference_id).time_zone)
        return self.talks_starting_between(conference_id, *agenda.day_bounds(day, where))

    def conference_days(self, conference_id: int) -> list[date]:
        """The programme days that hold at least one talk."""
        where = agenda.zone(self.conference(conference_id).time_zone)
        with self._transaction() as session:
            starts = session.scalars(
                select(TalkRow.starts_at).where(TalkRow.conference_id == conference_id)
            )
            return sorted({agenda.conference_day(_instant(s), where) for s in starts})

    # The attendee's own state about a talk

    def set_star(self, talk_id: int, level: int) -> Talk:
        if not 0 <= level <= MAX_STAR:
            raise ConfnoteError(f"star level must be 0 to {MAX_STAR}, not {level}")
        return self._update_state(talk_id, star=level)

    def cycle_star(self, talk_id: int) -> Talk:
        """Star level 0 → 1 → 2 → 0."""
        return self.set_star(talk_id, (self.talk(talk_id).star + 1) % (MAX_STAR + 1))

    def set_attended(self, talk_id: int, attended: bool) -> Talk:
        return self._update_state(talk_id, attended=attended)

    def set_rating(self, talk_id: int, rating: int | None) -> Talk:
        if rating is not None and not 1 <= rating <= 5:
            raise ConfnoteError(f"rating must be 1 to 5, not {rating}")
        return self._update_state(talk_id, rating=rating)

    def set_hidden(self, talk_id: int, hidden: bool) -> Talk:
        return self._update_state(talk_id, hidden=hidden)

    def _update_state(self, talk_id: int, **values: Any) -> Talk:
        with self._transaction() as session:
            _get(session, TalkRow, talk_id, "talk")
            state = session.get(TalkStateRow, talk_id)
            if state is None:
                state = TalkStateRow(talk_id=talk_id, star=0, attended=False, hidden=False)
                session.add(state)
            for name, value in values.items():
                setattr(state, name, value)
            session.flush()
            return _load_talks(session, TalkRow.id == talk_id)[0]

    def tag_talk(self, talk_id: int, tag: str) -> Talk:
        tag = tag.strip().lstrip("#").lower()
        if not tag:
            raise ConfnoteError("a tag needs a name")
        with self._transaction() as session:
            _get(session, TalkRow, talk_id, "talk")
            tag_id = session.scalar(select(TagRow.id).where(TagRow.name == tag))
            if tag_id is None:
                tag_row = TagRow(name=tag)
                session.add(tag_row)
                session.flush()
                tag_id = tag_row.id
            if session.get(TalkTagRow, (talk_id, tag_id)) is None:
                session.add(TalkTagRow(talk_id=talk_id, tag_id=tag_id))
            session.flush()
            return _load_talks(session, TalkRow.id == talk_id)[0]

    def untag_talk(self, talk_id: int, tag: str) -> Talk:
        with self._transaction() as session:
            tag_id = session.scalar(select(TagRow.id).where(TagRow.name == tag.strip().lower()))
            if tag_id is not None:
                session.execute(
                    delete(TalkTagRow).where(
                        TalkTagRow.talk_id == talk_id, TalkTagRow.tag_id == tag_id
                    )
                )
            talks = _load_talks(session, TalkRow.id == talk_id)
            if not talks:
                raise NotFoundError(f"no talk with id {talk_id}")
            return talks[0]

    def set_watch_later(self, talk_id: int, watch: bool) -> Talk:
        """Mark a talk to watch later: a linked TODO carrying its video link, or remove it."""
        with self._transaction() as session:
            talk = _get(session, TalkRow, talk_id, "talk")
            existing = session.scalars(
                select(TodoRow).where(
                    TodoRow.talk_id == talk_id, TodoRow.kind == TodoKind.WATCH_LATER.value
                )
            ).first()
            if watch and existing is None:
                session.add(
                    TodoRow(
                        conference_id=talk.conference_id,
                        talk_id=talk_id,
                        text=f"Watch “{talk.title}”",
                        kind=TodoKind.WATCH_LATER.value,
                        done=False,
                        url=talk.video_url,
                        position=_next_position(session, talk.conference_id),
                        created_at=self._now(),
                    )
                )
            elif not watch and existing is not None:
                session.delete(existing)
            session.flush()
            return _load_talks(session, TalkRow.id == talk_id)[0]

    # Notes

    def note_for_talk(self, talk_id: int) -> Note | None:
        with self._transaction() as session:
            row = session.scalars(select(NoteRow).where(NoteRow.talk_id == talk_id)).first()
            return _note(row) if row else None

    def note(self, note_id: int) -> Note:
        with self._transaction() as session:
            return _note(_get(session, NoteRow, note_id, "note"))

    def save_talk_note(self, talk_id: int, body: str, *, base_version: int | None = None) -> Note:
        """Write the note of a talk, creating it on first save."""
        with self._transaction() as session:
            talk = _get(session, TalkRow, talk_id, "talk")
            row = session.scalars(select(NoteRow).where(NoteRow.talk_id == talk_id)).first()
            if row is None:
                row = NoteRow(
                    conference_id=talk.conference_id,
                    talk_id=talk_id,
                    title=talk.title,
                    body=body,
                    updated_at=self._now(),
                    version=1,
                )
                session.add(row)
                session.flush()
                return _note(row)
            return self._write_note(session, row, body, base_version)

    def save_note(
        self, note_id: int, body: str, *, base_version: int | None = None, title: str | None = None
    ) -> Note:
        """Write a note by id. A stale ``base_version`` never loses the other writer's text:
        the body it would overwrite is kept as a revision first."""
        with self._transaction() as session:
            row = _get(session, NoteRow, note_id, "note")
            if title is not None and title.strip():
                row.title = title.strip()
            return self._write_note(session, row, body, base_version)

    def _write_note(
        self, session: Session, row: NoteRow, body: str, base_version: int | None
    ) -> Note:
        now = self._now()
        if body == row.body:
            return _note(row)
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
        return _note(row)

    def add_conference_note(self, conference_id: int, title: str, body: str = "") -> Note:
        """A note that belongs to the conference itself (intro, hallway track, sprints)."""
        title = title.strip()
        if not title:
            raise ConfnoteError("a conference note needs a title")
        with self._transaction() as session:
            _get(session, ConferenceRow, conference_id, "conference")
            row = NoteRow(
                conference_id=conference_id,
                talk_id=None,
                title=title,
                body=body,
                updated_at=self._now(),
                version=1,
            )
            session.add(row)
            session.flush()
            return _note(row)

    def conference_notes(self, conference_id: int) -> list[Note]:
        """Notes of the conference itself, in the order they were made."""
        return self._notes(NoteRow.conference_id == conference_id, NoteRow.talk_id.is_(None))

    def talk_notes(self, conference_id: int) -> list[Note]:
        """Every talk note of a conference that holds some text."""
        return self._notes(
            NoteRow.conference_id == conference_id,
            NoteRow.talk_id.is_not(None),
            func.trim(NoteRow.body, " \t\r\n") != "",
        )

    def _notes(self, *conditions: ColumnElement[bool]) -> list[Note]:
        with self._transaction() as session:
            rows = session.scalars(select(NoteRow).where(*conditions).order_by(NoteRow.id))
            return [_note(row) for row in rows]

    def note_revisions(self, note_id: int) -> list[NoteRevision]:
        """Earlier bodies of a note, newest first."""
        with self._transaction() as session:
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
                    saved_at=_instant(r.saved_at),
                )
                for r in rows
            ]

    def checklist(self, conference_id: int) -> list[ChecklistEntry]:
        """Every ``- [ ]`` line in the conference's notes, by talk time then line."""
        with self._transaction() as session:
            rows = session.execute(
                select(NoteRow, TalkRow.starts_at)
                .outerjoin(TalkRow, TalkRow.id == NoteRow.talk_id)
                .where(NoteRow.conference_id == conference_id, NoteRow.body.like("%[%]%"))
                .order_by(TalkRow.starts_at.nulls_first(), NoteRow.id)
            ).all()
            return [
                ChecklistEntry(
                    note_id=note.id,
                    talk_id=note.talk_id,
                    title=note.title,
                    line=item.line,
                    text=item.text,
                    done=item.done,
                )
                for note, _ in rows
                for item in checklist_items(note.body)
            ]

    def set_checklist_item(self, entry: ChecklistEntry, done: bool) -> Note:
        """Tick or untick a checklist line by rewriting it in its note."""
        with self._transaction() as session:
            row = _get(session, NoteRow, entry.note_id, "note")
            body = set_checked(row.body, ChecklistItem(entry.line, entry.text, entry.done), done)
            if body is None:
                raise ConfnoteError(f"the line “{entry.text}” has changed in the note; reload")
            return self._write_note(session, row, body, None)

    # TODOs

    def add_todo(
        self,
        conference_id: int,
        text: str,
        *,
        kind: TodoKind = TodoKind.ACTION,
        talk_id: int | None = None,
        due_on: date | None = None,
        url: str = "",
    ) -> Todo:
        text = text.strip()
        if not text:
            raise ConfnoteError("a TODO needs some text")
        if kind is TodoKind.WATCH_LATER and talk_id is not None:
            self.set_watch_later(talk_id, True)
            return next(
                t
                for t in self.list_todos(conference_id)
                if t.talk_id == talk_id and t.kind is TodoKind.WATCH_LATER
            )
        with self._transaction() as session:
            _get(session, ConferenceRow, conference_id, "conference")
            if talk_id is not None:
                _get(session, TalkRow, talk_id, "talk")
            row = TodoRow(
                conference_id=conference_id,
                talk_id=talk_id,
                text=text,
                kind=TodoKind(kind).value,
                done=False,
                due_on=due_on,
                url=url,
                position=_next_position(session, conference_id),
                created_at=self._now(),
            )
            session.add(row)
            session.flush()
            return _load_todos(session, TodoRow.id == row.id)[0]

    def todo(self, todo_id: int) -> Todo:
        with self._transaction() as session:
            todos = _load_todos(session, TodoRow.id == todo_id)
            if not todos:
                raise NotFoundError(f"no TODO with id {todo_id}")
            return todos[0]

    def list_todos(
        self,
        conference_id: int | None = None,
        *,
        open_only: bool = False,
        kind: TodoKind | None = None,
    ) -> list[Todo]:
        """TODOs in their list order; optionally one conference, open ones, one kind."""
        condition: ColumnElement[bool] = TodoRow.id.is_not(None)
        if conference_id is not None:
            condition &= TodoRow.conference_id == conference_id
        if open_only:
            condition &= TodoRow.done.is_(False)
        if kind is not None:
            condition &= TodoRow.kind == TodoKind(kind).value
        with self._transaction() as session:
            return _load_todos(session, condition)

    def update_todo(
        self,
        todo_id: int,
        *,
        text: str | None = None,
        kind: TodoKind | None = None,
        due_on: date | None = None,
        clear_due: bool = False,
        url: str | None = None,
        talk_id: int | None = None,
    ) -> Todo:
        with self._transaction() as session:
            row = _get(session, TodoRow, todo_id, "TODO")
            if text is not None:
                if not text.strip():
                    raise ConfnoteError("a TODO needs some text")
                row.text = text.strip()
            if kind is not None:
                row.kind = TodoKind(kind).value
            if due_on is not None or clear_due:
                row.due_on = due_on
            if url is not None:
                row.url = url
            if talk_id is not None:
                _get(session, TalkRow, talk_id, "talk")
                row.talk_id = talk_id
            session.flush()
            return _load_todos(session, TodoRow.id == todo_id)[0]

    def set_todo_done(self, todo_id: int, done: bool) -> Todo:
        with self._transaction() as session:
            row = _get(session, TodoRow, todo_id, "TODO")
            row.done = done
            session.flush()
            return _load_todos(session, TodoRow.id == todo_id)[0]

    def delete_todo(self, todo_id: int) -> None:
        with self._transaction() as session:
            session.delete(_get(session, TodoRow, todo_id, "TODO"))

    def move_todo(self, todo_id: int, steps: int) -> list[Todo]:
        """Move a TODO up (negative) or down in its conference's list; return the new order."""
        with self._transaction() as session:
            row = _get(session, TodoRow, todo_id, "TODO")
            rows = list(
                session.scalars(
                    select(TodoRow)
                    .where(TodoRow.conference_id == row.conference_id)
                    .order_by(TodoRow.position, TodoRow.id)
                )
            )
            index = rows.index(row)
            target = max(0, min(len(rows) - 1, index + steps))
            rows.insert(target, rows.pop(index))
            for position, each in enumerate(rows):
                each.position = position
            session.flush()
            return _load_todos(session, TodoRow.conference_id == row.conference_id)

    # Search

    def search(
        self, query: str, *, conference_id: int | None = None, limit: int = 50
    ) -> list[SearchHit]:
        """Talks and notes matching ``query``, best first (title > speakers > abstract, notes)."""
        match = fts.fts_query(query)
        if match is None:
            return []
        weights = ", ".join(str(weight) for weight in fts.COLUMN_WEIGHTS)
        statement = text(
            f"""
            SELECT s.rowid AS doc,
                   snippet(search_index, -1, :open, :close, '…', 12) AS snippet,
                   bm25(search_index, {weights}) AS rank,
                   coalesce(t.conference_id, n.conference_id) AS conference_id,
                   coalesce(t.title, n.title) AS title,
                   t.starts_at AS starts_at,
                   s.speakers AS speakers
            FROM search_index s
            LEFT JOIN talk t ON s.rowid % 2 = 0 AND t.id = s.rowid / 2
            LEFT JOIN note n ON s.rowid % 2 = 1 AND n.id = s.rowid / 2
            WHERE search_index MATCH :match
              AND (:conference IS NULL OR coalesce(t.conference_id, n.conference_id) = :conference)
            ORDER BY rank
            LIMIT :limit
            """
        )
        with self._transaction() as session:
            rows = session.execute(
                statement,
                {
                    "open": fts.MATCH_START,
                    "close": fts.MATCH_END,
                    "match": match,
                    "conference": conference_id,
                    "limit": limit,
                },
            )
            return [
                SearchHit(
                    conference_id=row.conference_id,
                    title=row.title,
                    snippet=fts.snippet_pieces(row.snippet or ""),
                    rank=float(row.rank),
                    talk_id=row.doc // 2 if row.doc % 2 == 0 else None,
                    note_id=row.doc // 2 if row.doc % 2 == 1 else None,
                    starts_at=_instant(row.starts_at) if row.starts_at is not None else None,
                    speakers=row.speakers,
                )
                for row in rows
            ]


# Helpers: row ↔ record, and small queries the methods share.


def slugify(name: str) -> str:
    """A URL-safe, lower-case slug: "PyCon US 2025" → "pycon-us-2025"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "conference"


def _unique_slug(session: Session, slug: str) -> str:
    taken = set(
        session.scalars(select(ConferenceRow.slug).where(ConferenceRow.slug.like(f"{slug}%")))
    )
    candidate, counter = slug, 1
    while candidate in taken:
        counter += 1
        candidate = f"{slug}-{counter}"
    return candidate


def _check_zone(name: str) -> None:
    if not agenda.is_known_zone(name):
        raise ConfnoteError(f"unknown time zone {name!r}; use an IANA name like Europe/Brussels")


def _get(session: Session, model: type[RowT], key: int, what: str) -> RowT:
    row = session.get(model, key)
    if row is None:
        raise NotFoundError(f"no {what} with id {key}")
    return row


def _epoch(instant: datetime) -> int:
    if instant.tzinfo is None:
        raise ValueError("instants must be timezone-aware")
    return int(instant.timestamp())


def _instant(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def _first_line(error: object) -> str:
    return (str(error) or type(error).__name__).splitlines()[0]


def _conference(row: ConferenceRow) -> Conference:
    return Conference(
        id=row.id,
        name=row.name,
        slug=row.slug,
        time_zone=row.time_zone,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        url=row.url,
    )


def _note(row: NoteRow) -> Note:
    return Note(
        id=row.id,
        conference_id=row.conference_id,
        talk_id=row.talk_id,
        title=row.title,
        body=row.body,
        updated_at=_instant(row.updated_at),
        version=row.version,
    )


def _apply_details(row: TalkRow, details: TalkDetails) -> None:
    title = details.title.strip()
    if not title:
        raise ConfnoteError("a talk needs a title")
    row.title = title
    row.subtitle = details.subtitle
    row.abstract = details.abstract
    row.kind = details.kind
    row.track = details.track
    row.room = details.room
    row.url = details.url
    row.slides_url = details.slides_url
    row.video_url = details.video_url
    row.starts_at = _epoch(details.starts_at)
    row.duration = max(0, int(details.duration.total_seconds()))


def _set_speakers(session: Session, talk_id: int, names: Sequence[str]) -> None:
    wanted = list(dict.fromkeys(name.strip() for name in names if name.strip()))
    current = list(
        session.scalars(
            select(SpeakerRow.name)
            .join(TalkSpeakerRow, TalkSpeakerRow.speaker_id == SpeakerRow.id)
            .where(TalkSpeakerRow.talk_id == talk_id)
            .order_by(TalkSpeakerRow.position)
        )
    )
    if current == wanted:
        return
    session.execute(delete(TalkSpeakerRow).where(TalkSpeakerRow.talk_id == talk_id))
    for position, name in enumerate(wanted):
        speaker_id = session.scalar(select(SpeakerRow.id).where(SpeakerRow.name == name))
        if speaker_id is None:
            speaker = SpeakerRow(name=name)
            session.add(speaker)
            session.flush()
            speaker_id = speaker.id
        session.add(TalkSpeakerRow(talk_id=talk_id, speaker_id=speaker_id, position=position))
    session.flush()


def _count_talks(session: Session, conference_id: int) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(TalkRow).where(TalkRow.conference_id == conference_id)
        )
        or 0
    )


def _next_position(session: Session, conference_id: int) -> int:
    highest = session.scalar(
        select(func.max(TodoRow.position)).where(TodoRow.conference_id == conference_id)
    )
    return 0 if highest is None else highest + 1


def _load_talks(session: Session, condition: ColumnElement[bool]) -> list[Talk]:
    """Talk records matching ``condition`` with speakers, tags and state, in time order."""
    chosen = select(TalkRow.id).where(condition).scalar_subquery()
    rows = session.execute(
        select(TalkRow, TalkStateRow)
        .outerjoin(TalkStateRow, TalkStateRow.talk_id == TalkRow.id)
        .where(condition)
        .order_by(TalkRow.starts_at, TalkRow.room, TalkRow.id)
    ).all()
    speakers: dict[int, list[str]] = defaultdict(list)
    for talk_id, name in session.execute(
        select(TalkSpeakerRow.talk_id, SpeakerRow.name)
        .join(SpeakerRow, SpeakerRow.id == TalkSpeakerRow.speaker_id)
        .where(TalkSpeakerRow.talk_id.in_(chosen))
        .order_by(TalkSpeakerRow.talk_id, TalkSpeakerRow.position)
    ):
        speakers[talk_id].append(name)
    tags: dict[int, list[str]] = defaultdict(list)
    for talk_id, name in session.execute(
        select(TalkTagRow.talk_id, TagRow.name)
        .join(TagRow, TagRow.id == TalkTagRow.tag_id)
        .where(TalkTagRow.talk_id.in_(chosen))
        .order_by(TagRow.name)
    ):
        tags[talk_id].append(name)
    with_notes = set(
        session.scalars(
            select(NoteRow.talk_id).where(
                NoteRow.talk_id.in_(chosen), func.trim(NoteRow.body, " \t\r\n") != ""
            )
        )
    )
    watching = set(
        session.scalars(
            select(TodoRow.talk_id).where(
                TodoRow.talk_id.in_(chosen), TodoRow.kind == TodoKind.WATCH_LATER.value
            )
        )
    )
    return [
        Talk(
            id=talk.id,
            conference_id=talk.conference_id,
            key=talk.key,
            title=talk.title,
            starts_at=_instant(talk.starts_at),
            duration=timedelta(seconds=talk.duration),
            subtitle=talk.subtitle,
            abstract=talk.abstract,
            kind=talk.kind,
            track=talk.track,
            room=talk.room,
            url=talk.url,
            slides_url=talk.slides_url,
            video_url=talk.video_url,
            speakers=tuple(speakers[talk.id]),
            tags=tuple(tags[talk.id]),
            star=state.star if state else 0,
            attended=bool(state and state.attended),
            rating=state.rating if state else None,
            hidden=bool(state and state.hidden),
            has_note=talk.id in with_notes,
            watch_later=talk.id in watching,
            cancelled=talk.cancelled,
            changed=tuple(field for field in talk.changed.split(",") if field),
        )
        for talk, state in rows
    ]


def _load_todos(session: Session, condition: ColumnElement[bool]) -> list[Todo]:
    rows = session.execute(
        select(TodoRow, TalkRow.title)
        .outerjoin(TalkRow, TalkRow.id == TodoRow.talk_id)
        .where(condition)
        .order_by(TodoRow.position, TodoRow.id)
    ).all()
    return [
        Todo(
            id=row.id,
            conference_id=row.conference_id,
            text=row.text,
            kind=TodoKind(row.kind),
            done=row.done,
            position=row.position,
            talk_id=row.talk_id,
            talk_title=title or "",
            due_on=row.due_on,
            url=row.url,
        )
        for row, title in rows
    ]
