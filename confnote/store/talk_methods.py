"""The Store's talks: adding and changing them, reading them by conference and day,
and the attendee's own state about each (stars, attended, rating, hidden, tags, watch later)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select

from confnote import agenda
from confnote.errors import ConfnoteError, NotFoundError
from confnote.schedule.model import TalkDetails
from confnote.store.conference_methods import ConferenceMethods
from confnote.store.days import programme_days
from confnote.store.models import ConferenceRow, TagRow, TalkRow, TalkStateRow, TalkTagRow, TodoRow
from confnote.store.records import MAX_STAR, Talk, TodoKind
from confnote.store.rows import epoch, get_row
from confnote.store.talk_rows import apply_details, count_talks, load_talks, set_speakers, tag_row
from confnote.store.todo_rows import next_position


class TalkMethods(ConferenceMethods):
    """Talks; part of :class:`confnote.store.api.Store`."""

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
