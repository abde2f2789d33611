"""The Store: every read and write the app and the command line make.

Each method is one transaction and returns frozen records, never ORM rows, so
any method may run in a worker thread.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Engine, delete, func, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from confnote import agenda
from confnote.errors import (
    ChangedElsewhereError,
    ConfnoteError,
    NotFoundError,
    StoreError,
    StoreLockedError,
    is_lock_error,
)
from confnote.schedule.model import ParsedSchedule, TalkDetails
from confnote.store import notes
from confnote.store import search as fts
from confnote.store.days import programme_days
from confnote.store.engine import (
    BUSY_TIMEOUT_MS,
    READ_ONLY,
    create_engine_for,
    prepare_database,
)
from confnote.store.models import (
    ConferenceRow,
    NoteRow,
    TagRow,
    TalkRow,
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
    NoteWrite,
    RevisionKind,
    SearchHit,
    Talk,
    Todo,
    TodoKind,
    TrashItem,
)
from confnote.store.rows import (
    check_zone,
    conference_record,
    epoch,
    get_row,
    slugify,
    unique_slug,
)
from confnote.store.schedule_records import ImportReport, ScheduleSource
from confnote.store.talk_rows import (
    apply_details,
    count_talks,
    load_talks,
    set_speakers,
    tag_row,
)
from confnote.store.todo_rows import load_todos, next_position
from confnote.store.writeup_records import WriteupReport

if TYPE_CHECKING:
    from confnote.writeups.parse import ReadWriteup

Clock = Callable[[], float]

# A schedule import of this many talks or more is preceded by a backup.
LARGE_IMPORT = 200


class Store:
    """A confnote database. Open it with :meth:`Store.open`."""

    def __init__(self, path: Path, engine: Engine, clock: Clock = time.time) -> None:
        self.path = path
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(
            engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
        )
        self._clock = clock

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        clock: Clock = time.time,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> Store:
        """Open (creating and migrating as needed) the database at ``path``.

        A write waits up to ``busy_timeout_ms`` for another process's write lock.
        """
        path = Path(path).expanduser()
        prepare_database(path)
        return cls(path, create_engine_for(path, busy_timeout_ms), clock)

    def close(self) -> None:
        self._engine.dispose()

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the database."""
        connection = self._engine.raw_connection()
        try:
            cursor = connection.cursor()
            (version,) = cursor.execute("PRAGMA data_version").fetchone()
            return int(version)
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: {_first_line(error)}") from None
        finally:
            connection.close()

    def backup(self, reason: str) -> Path:
        """A rotating copy of the database, made with SQLite's backup API (see ``backups``)."""
        from confnote.store.backups import make_backup

        return make_backup(self.path, reason)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        """A write transaction: it takes the write lock when it begins."""
        with self._session(self._sessions) as session:
            yield session

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        """A read-only transaction: deferred, so it runs beside another process's write."""
        with self._session(self._read_sessions) as session:
            yield session

    @contextmanager
    def _session(self, sessions: sessionmaker[Session]) -> Iterator[Session]:
        try:
            with sessions() as session, session.begin():
                yield session
        except IntegrityError as error:
            raise StoreError(f"{self.path}: refused: {_first_line(error.orig)}") from None
        except SQLAlchemyError as error:
            cause = getattr(error, "orig", None) or error
            kind = StoreLockedError if is_lock_error(cause) else StoreError
            raise kind(f"{self.path}: {_first_line(cause)}") from None

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
        check_zone(time_zone)
        with self._transaction() as session:
            row = ConferenceRow(
                name=name,
                slug=unique_slug(session, slug or slugify(name)),
                time_zone=time_zone,
                starts_on=starts_on,
                ends_on=ends_on,
                url=url,
                created_at=self._now(),
            )
            session.add(row)
            session.flush()
            return conference_record(row)

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
            row = get_row(session, ConferenceRow, conference_id, "conference")
            if name is not None and name.strip():
                row.name = name.strip()
            if time_zone is not None:
                check_zone(time_zone)
                row.time_zone = time_zone
            if starts_on is not None:
                row.starts_on = starts_on
            if ends_on is not None:
                row.ends_on = ends_on
            if url is not None:
                row.url = url
            return conference_record(row)

    def conference(self, conference_id: int) -> Conference:
        with self._reading() as session:
            return conference_record(get_row(session, ConferenceRow, conference_id, "conference"))

    def find_conference(self, name_or_slug: str) -> Conference | None:
        """The conference whose slug or name (case-insensitively) is ``name_or_slug``."""
        with self._reading() as session:
            row = session.scalars(
                select(ConferenceRow).where(
                    (ConferenceRow.slug == slugify(name_or_slug))
                    | (func.lower(ConferenceRow.name) == name_or_slug.strip().lower())
                )
            ).first()
            return conference_record(row) if row else None

    def list_conferences(self) -> list[Conference]:
        """Every conference, newest first."""
        with self._reading() as session:
            rows = session.scalars(
                select(ConferenceRow).order_by(
                    ConferenceRow.starts_on.desc().nulls_last(), ConferenceRow.id.desc()
                )
            )
            return [conference_record(row) for row in rows]

    def delete_conference(self, conference_id: int) -> None:
        """Delete a conference with its talks, notes and TODOs."""
        with self._transaction() as session:
            session.delete(get_row(session, ConferenceRow, conference_id, "conference"))

    def snapshot(self) -> dict[str, Any]:
        """The whole store as one plain document (see ``confnote.store.snapshot``)."""
        from confnote.store import snapshot

        with self._reading() as session:
            return snapshot.dump_store(session)

    def restore_snapshot(self, document: dict[str, Any], *, source: str) -> None:
        """Replace everything in the store by what ``document`` holds, in one transaction;
        ``source`` names the document in errors."""
        from confnote.store import snapshot

        with self._transaction() as session:
            snapshot.clear_store(session)
            snapshot.load_store(session, document, source)

    def is_empty(self) -> bool:
        with self._reading() as session:
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
        A schedule of LARGE_IMPORT talks or more is preceded by a backup of a
        store that holds anything.
        """
        from confnote.store import schedule_import

        if conference_name is not None and conference_id is None:
            named = self.find_conference(conference_name)
            if named is None:
                raise NotFoundError(f"no conference named {conference_name!r}")
            conference_id = named.id
        if len(parsed.talks) >= LARGE_IMPORT and not self.is_empty():
            self.backup("before-import")
        where_from = schedule_import.SourceInfo(source, etag, last_modified)
        with self._transaction() as session:
            return schedule_import.import_schedule(
                session, parsed, conference_id=conference_id, source=where_from, now=self._now()
            )

    def schedule_source(self, conference_id: int) -> ScheduleSource | None:
        """Where the conference's schedule was last imported from, if anywhere."""
        from confnote.store import schedule_import

        with self._reading() as session:
            return schedule_import.schedule_source(session, conference_id)

    def schedule_source_at(self, location: str) -> ScheduleSource | None:
        """The remembered schedule source at ``location`` (a URL or absolute path)."""
        from confnote.store import schedule_import

        with self._reading() as session:
            return schedule_import.schedule_source_at(session, location)

    # Write-ups

    def apply_writeups(
        self, writeups: Sequence[ReadWriteup], *, conference_id: int | None = None
    ) -> list[WriteupReport]:
        """Import parsed write-ups in one transaction: all of them, or (on any error) none.

        Each goes into ``conference_id``, else the conference it was imported into
        before, else the conference of its name, else a new one; see
        ``confnote.store.writeup_import``.
        """
        from confnote.store.writeup_import import apply_writeup

        with self._transaction() as session:
            return [
                apply_writeup(session, read, conference_id=conference_id, now=self._now())
                for read in writeups
            ]

    # Talks

    def add_talk(self, conference_id: int, details: TalkDetails) -> Talk:
        """Add a talk by hand or from a schedule; ``details.key`` may be empty for manual talks."""
        with self._transaction() as session:
            get_row(session, ConferenceRow, conference_id, "conference")
            key = details.key or f"manual-{self._now()}-{count_talks(session, conference_id)}"
            if session.scalar(
                select(TalkRow.id).where(TalkRow.conference_id == conference_id, TalkRow.key == key)
            ):
                raise ConfnoteError(f"a talk with key {key!r} already exists")
            row = TalkRow(conference_id=conference_id, key=key, starts_at=0)
            apply_details(row, details)
            session.add(row)
            session.flush()
            set_speakers(session, row.id, details.speakers)
            return load_talks(session, TalkRow.id == row.id)[0]

    def update_talk(self, talk_id: int, details: TalkDetails) -> Talk:
        """Replace a talk's schedule fields; the attendee's own state stays as it is."""
        with self._transaction() as session:
            row = get_row(session, TalkRow, talk_id, "talk")
            apply_details(row, details)
            set_speakers(session, row.id, details.speakers)
            return load_talks(session, TalkRow.id == row.id)[0]

    def talk(self, talk_id: int) -> Talk:
        with self._reading() as session:
            talks = load_talks(session, TalkRow.id == talk_id)
            if not talks:
                raise NotFoundError(f"no talk with id {talk_id}")
            return talks[0]

    def list_talks(self, conference_id: int) -> list[Talk]:
        """Every talk of a conference in time order, hidden and cancelled ones included."""
        with self._reading() as session:
            return load_talks(session, TalkRow.conference_id == conference_id)

    def talks_starting_between(
        self, conference_id: int, start: datetime, end: datetime
    ) -> list[Talk]:
        with self._reading() as session:
            return load_talks(
                session,
                (TalkRow.conference_id == conference_id)
                & (TalkRow.starts_at >= epoch(start))
                & (TalkRow.starts_at < epoch(end)),
            )

    def programme_days(self, conference_id: int) -> agenda.ProgrammeDays:
        """How the conference's talks fall into days: the days its schedule declares, else
        a boundary in the quiet hours of its talks."""
        time_zone = self.conference(conference_id).time_zone
        with self._reading() as session:
            return programme_days(session, conference_id, time_zone)

    def talks_on_day(self, conference_id: int, day: date) -> list[Talk]:
        """The talks of one programme day."""
        bounds = self.programme_days(conference_id).bounds(day)
        return self.talks_starting_between(conference_id, *bounds)

    def conference_days(self, conference_id: int) -> list[date]:
        """The programme days that hold at least one talk."""
        days = self.programme_days(conference_id)
        return days.days_of(talk.starts_at for talk in self.list_talks(conference_id))

    # The attendee's own state about a talk

    def set_star(self, talk_id: int, level: int) -> Talk:
        if not 0 <= level <= MAX_STAR:
            raise ConfnoteError(f"star level must be 0 to {MAX_STAR}, not {level}")
        return self._update_state(talk_id, star=level)

    def cycle_star(self, talk_id: int, *, shown: int | None = None) -> Talk:
        """Star level 0 → 1 → 2 → 0, one step from the level ``shown`` to the user (so two
        windows pressing it on the same screen agree), else from the stored level."""
        current = self.talk(talk_id).star if shown is None else shown
        return self.set_star(talk_id, (current + 1) % (MAX_STAR + 1))

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
            get_row(session, TalkRow, talk_id, "talk")
            state = session.get(TalkStateRow, talk_id)
            if state is None:
                state = TalkStateRow(talk_id=talk_id, star=0, attended=False, hidden=False)
                session.add(state)
            for name, value in values.items():
                setattr(state, name, value)
            session.flush()
            return load_talks(session, TalkRow.id == talk_id)[0]

    def tag_talk(self, talk_id: int, tag: str) -> Talk:
        with self._transaction() as session:
            get_row(session, TalkRow, talk_id, "talk")
            tag_row(session, talk_id, tag)
            return load_talks(session, TalkRow.id == talk_id)[0]

    def untag_talk(self, talk_id: int, tag: str) -> Talk:
        with self._transaction() as session:
            tag_id = session.scalar(select(TagRow.id).where(TagRow.name == tag.strip().lower()))
            if tag_id is not None:
                session.execute(
                    delete(TalkTagRow).where(
                        TalkTagRow.talk_id == talk_id, TalkTagRow.tag_id == tag_id
                    )
                )
            talks = load_talks(session, TalkRow.id == talk_id)
            if not talks:
                raise NotFoundError(f"no talk with id {talk_id}")
            return talks[0]

    def set_watch_later(self, talk_id: int, watch: bool) -> Talk:
        """Mark a talk to watch later: a linked TODO carrying its video link, or remove it."""
        with self._transaction() as session:
            talk = get_row(session, TalkRow, talk_id, "talk")
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
                        position=next_position(session, talk.conference_id),
                        created_at=self._now(),
                    )
                )
            elif not watch and existing is not None:
                session.delete(existing)
            session.flush()
            return load_talks(session, TalkRow.id == talk_id)[0]

    # Notes

    def note_for_talk(self, talk_id: int) -> Note | None:
        with self._reading() as session:
            return notes.note_for_talk(session, talk_id)

    def note(self, note_id: int) -> Note:
        with self._reading() as session:
            return notes.note_record(get_row(session, NoteRow, note_id, "note"))

    def save_talk_note(self, talk_id: int, body: str, *, base_version: int | None = None) -> Note:
        """Write the note of a talk, creating it on first save."""
        return self.write_note(body, talk_id=talk_id, base_version=base_version).note

    def save_note(
        self, note_id: int, body: str, *, base_version: int | None = None, title: str | None = None
    ) -> Note:
        """Write a note by id. A stale ``base_version`` never loses the other writer's text:
        the body it would overwrite is kept as a revision first."""
        return self.write_note(body, note_id=note_id, base_version=base_version, title=title).note

    def write_note(
        self,
        body: str,
        *,
        talk_id: int | None = None,
        note_id: int | None = None,
        base_version: int | None = None,
        title: str | None = None,
        keep_current_as: RevisionKind | None = None,
    ) -> NoteWrite:
        """Write a talk's note (by ``talk_id``, created on first save) or a note by id.

        ``base_version`` is the version the editor loaded, 0 for no note yet. A save
        that finds a newer version keeps the other text as a pinned revision and
        returns it as ``conflict``. ``keep_current_as`` pins the replaced text.
        """
        with self._transaction() as session:
            return notes.write_note(
                session,
                body,
                talk_id=talk_id,
                note_id=note_id,
                base_version=base_version,
                now=self._now(),
                title=title,
                keep_current_as=keep_current_as,
            )

    def add_conference_note(self, conference_id: int, title: str, body: str = "") -> Note:
        """A note that belongs to the conference itself (intro, hallway track, sprints)."""
        with self._transaction() as session:
            return notes.add_conference_note(session, conference_id, title, body, now=self._now())

    def conference_notes(self, conference_id: int) -> list[Note]:
        """Notes of the conference itself, in the order they were made."""
        with self._reading() as session:
            return notes.conference_notes(session, conference_id)

    def talk_notes(self, conference_id: int) -> list[Note]:
        """Every talk note of a conference that holds some text."""
        with self._reading() as session:
            return notes.talk_notes(session, conference_id)

    def note_revisions(self, note_id: int) -> list[NoteRevision]:
        """Earlier bodies of a note, newest first."""
        with self._reading() as session:
            return notes.note_revisions(session, note_id)

    def checklist(self, conference_id: int) -> list[ChecklistEntry]:
        """Every ``- [ ]`` line in the conference's notes, by talk time then line."""
        with self._reading() as session:
            return notes.checklist(session, conference_id)

    def set_checklist_item(self, entry: ChecklistEntry, done: bool) -> Note:
        """Tick or untick a checklist line by rewriting it in its note."""
        with self._transaction() as session:
            return notes.set_checklist_item(session, entry, done, now=self._now())

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
            get_row(session, ConferenceRow, conference_id, "conference")
            if talk_id is not None:
                get_row(session, TalkRow, talk_id, "talk")
            row = TodoRow(
                conference_id=conference_id,
                talk_id=talk_id,
                text=text,
                kind=TodoKind(kind).value,
                done=False,
                due_on=due_on,
                url=url,
                position=next_position(session, conference_id),
                created_at=self._now(),
            )
            session.add(row)
            session.flush()
            return load_todos(session, TodoRow.id == row.id)[0]

    def todo(self, todo_id: int) -> Todo:
        with self._reading() as session:
            todos = load_todos(session, TodoRow.id == todo_id)
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
        with self._reading() as session:
            return load_todos(session, condition)

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
        base: Todo | None = None,
    ) -> Todo:
        """Change a TODO. With ``base`` (the TODO as the user saw it), refuse with
        ChangedElsewhereError when another window changed it since."""
        with self._transaction() as session:
            row = get_row(session, TodoRow, todo_id, "TODO")
            if base is not None and _editable(load_todos(session, TodoRow.id == todo_id)[0]) != (
                _editable(base)
            ):
                raise ChangedElsewhereError(f"the TODO “{base.text}” was changed in another window")
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
                get_row(session, TalkRow, talk_id, "talk")
                row.talk_id = talk_id
            session.flush()
            return load_todos(session, TodoRow.id == todo_id)[0]

    def set_todo_done(self, todo_id: int, done: bool) -> Todo:
        with self._transaction() as session:
            row = get_row(session, TodoRow, todo_id, "TODO")
            row.done = done
            session.flush()
            return load_todos(session, TodoRow.id == todo_id)[0]

    def delete_todo(self, todo_id: int) -> TrashItem:
        """Move a TODO to the trash."""
        from confnote.store import trash

        with self._transaction() as session:
            return trash.trash_todo(session, todo_id, now=self._now())

    def move_todo(self, todo_id: int, steps: int) -> list[Todo]:
        """Move a TODO up (negative) or down in its conference's list; return the new order."""
        with self._transaction() as session:
            row = get_row(session, TodoRow, todo_id, "TODO")
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
            return load_todos(session, TodoRow.conference_id == row.conference_id)

    # The trash

    def delete_talk(self, talk_id: int) -> TrashItem:
        """Move a talk to the trash with its note, revisions, stars, speakers and tags;
        its TODOs stay, unlinked until it is restored."""
        from confnote.store import trash

        with self._transaction() as session:
            return trash.trash_talk(session, talk_id, now=self._now())

    def delete_note(self, note_id: int) -> TrashItem:
        """Move a note (of a talk or of the conference) with its revisions to the trash."""
        from confnote.store import trash

        with self._transaction() as session:
            return trash.trash_note(session, note_id, now=self._now())

    def trash(self, conference_id: int | None = None) -> list[TrashItem]:
        """What the trash holds (of one conference, or all), most recently deleted first."""
        from confnote.store import trash

        with self._reading() as session:
            return trash.trash_items(session, conference_id)

    def restore_from_trash(self, item_id: int) -> TrashItem:
        """Put a trashed talk, note or TODO back; ConfnoteError when its place is taken."""
        from confnote.store import trash

        with self._transaction() as session:
            return trash.restore(session, item_id)

    def empty_trash(self, conference_id: int | None = None) -> int:
        """Delete for good what the trash holds; return how many items went."""
        from confnote.store import trash

        with self._transaction() as session:
            return trash.empty(session, conference_id)

    # Search

    def search(
        self, query: str, *, conference_id: int | None = None, limit: int = 50
    ) -> list[SearchHit]:
        """Talks and notes matching ``query``, best first (title > speakers > abstract, notes)."""
        match = fts.fts_query(query)
        if match is None:
            return []
        with self._reading() as session:
            return fts.search_hits(session, match, conference_id=conference_id, limit=limit)


def _editable(todo: Todo) -> tuple[object, ...]:
    return (todo.text, todo.kind, todo.due_on, todo.url, todo.talk_id)


def _first_line(error: object) -> str:
    return (str(error) or type(error).__name__).splitlines()[0]
