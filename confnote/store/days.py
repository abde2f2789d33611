"""A conference's programme days: the ones its schedule declares, else a quiet-hours boundary."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from confnote import agenda
from confnote.store.models import ProgrammeDayRow, TalkRow
from confnote.store.rows import instant


def programme_days(session: Session, conference_id: int, time_zone: str) -> agenda.ProgrammeDays:
    windows = session.execute(
        select(ProgrammeDayRow.starts_at, ProgrammeDayRow.ends_at).where(
            ProgrammeDayRow.conference_id == conference_id
        )
    )
    starts = session.scalars(
        select(TalkRow.starts_at).where(TalkRow.conference_id == conference_id)
    )
    return agenda.programme_days(
        agenda.zone(time_zone),
        [agenda.DayWindow(instant(start), instant(end)) for start, end in windows],
        [instant(start) for start in starts],
    )
