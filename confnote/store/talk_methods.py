"""The Store's talks: adding and changing them, reading them by conference and day,
and the attendee's own state about each (stars, attended, rating, hidden, tags, watch later)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from confnote import agenda
from confnote.errors import ConfnoteError, NotFoundError
from confnote.schedule.model import TalkDetails
from confnote.store.conference_methods import ConferenceMethods
from confnote.store.plain_reads import conference_by_id, read_programme_days, read_talks
from confnote.store.records import MAX_STAR, Talk
from confnote.store.rows import epoch
from confnote.store.todo_rows import watch_later

# The attendee's state about a talk, as ``talk_state`` keeps it.
_STATE_COLUMNS = frozenset({"star", "attended", "rating", "hidden"})


class TalkMethods(ConferenceMethods):
    """Talks; part of :class:`confnote.store.api.Store`."""

    def add_talk(self, conference_id: int, details: TalkDetails) -> Talk:
        """Add a talk by hand or from a schedule; ``details.key`` may be empty for manual talks."""
        from sqlalchemy import select

        from confnote.store.models import ConferenceRow, TalkRow
        from confnote.store.rows import get_row
        from confnote.store.talk_rows import apply_details, count_talks, load_talks, set_speakers

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
        from confnote.store.models import TalkRow
        from confnote.store.rows import get_row
        from confnote.store.talk_rows import apply_details, load_talks, set_speakers

        with self._transaction() as session:
            row = get_row(session, TalkRow, talk_id, "talk")
            apply_details(row, details)
            set_speakers(session, row.id, details.speakers)
            return load_talks(session, TalkRow.id == row.id)[0]

    def talk(self, talk_id: int) -> Talk:
        with self._sql_read() as connection:
            return _talk(connection, talk_id)

    def list_talks(self, conference_id: int) -> list[Talk]:
        """Every talk of a conference in time order, hidden and cancelled ones included."""
        with self._sql_read() as connection:
            return read_talks(connection, "t.conference_id = ?", (conference_id,))

    def talks_starting_between(
        self, conference_id: int, start: datetime, end: datetime
    ) -> list[Talk]:
        with self._sql_read() as connection:
            return read_talks(
                connection,
                "t.conference_id = ? AND t.starts_at >= ? AND t.starts_at < ?",
                (conference_id, epoch(start), epoch(end)),
            )

    def programme_days(self, conference_id: int) -> agenda.ProgrammeDays:
        """How the conference's talks fall into days: the days its schedule declares, else
        a boundary in the quiet hours of its talks."""
        with self._sql_read() as connection:
            time_zone = conference_by_id(connection, conference_id).time_zone
            return read_programme_days(connection, conference_id, time_zone)

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

    def _update_state(self, talk_id: int, **values: int | bool | None) -> Talk:
        assert values.keys() <= _STATE_COLUMNS, values
        with self._sql_write() as connection:
            _talk(connection, talk_id)
            connection.execute(
                "INSERT INTO talk_state (talk_id, star, attended, hidden) VALUES (?, 0, 0, 0)"
                " ON CONFLICT (talk_id) DO NOTHING",
                (talk_id,),
            )
            for column, value in values.items():
                connection.execute(
                    f"UPDATE talk_state SET {column} = ? WHERE talk_id = ?", (value, talk_id)
                )
            return _talk(connection, talk_id)

    def tag_talk(self, talk_id: int, tag: str) -> Talk:
        from confnote.store.models import TalkRow
        from confnote.store.rows import get_row
        from confnote.store.talk_rows import load_talks, tag_row

        with self._transaction() as session:
            get_row(session, TalkRow, talk_id, "talk")
            tag_row(session, talk_id, tag)
            return load_talks(session, TalkRow.id == talk_id)[0]

    def untag_talk(self, talk_id: int, tag: str) -> Talk:
        with self._sql_write() as connection:
            connection.execute(
                "DELETE FROM talk_tag WHERE talk_id = ?"
                " AND tag_id = (SELECT id FROM tag WHERE name = ?)",
                (talk_id, tag.strip().lower()),
            )
            return _talk(connection, talk_id)

    def set_watch_later(self, talk_id: int, watch: bool) -> Talk:
        """Mark a talk to watch later: a linked TODO carrying its video link, or remove it."""
        with self._sql_write() as connection:
            watch_later(connection, talk_id, watch, now=self._now())
            return _talk(connection, talk_id)


def _talk(connection: sqlite3.Connection, talk_id: int) -> Talk:
    talks = read_talks(connection, "t.id = ?", (talk_id,))
    if not talks:
        raise NotFoundError(f"no talk with id {talk_id}")
    return talks[0]
