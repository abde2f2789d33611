"""Importing a parsed schedule into a conference, inside the caller's transaction.

Which conference (named, else the one this source was imported into, else a
new one made from the schedule), its dates, and the remembered source live here;
merging the talks themselves is ``talk_merge``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from confnote.schedule.model import ParsedSchedule
from confnote.store.models import ConferenceRow, ProgrammeDayRow, ScheduleSourceRow
from confnote.store.rows import (
    check_zone,
    conference_record,
    epoch,
    get_row,
    instant,
    slugify,
    unique_slug,
)
from confnote.store.schedule_records import ImportReport, ScheduleSource
from confnote.store.talk_merge import merge_talks


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Where the schedule came from; an empty ``location`` leaves the remembered one alone."""

    location: str = ""
    etag: str = ""
    last_modified: str = ""


def import_schedule(
    session: Session,
    parsed: ParsedSchedule,
    *,
    conference_id: int | None,
    source: SourceInfo,
    now: int,
) -> ImportReport:
    """Add ``parsed`` to conference ``conference_id``, or to the conference whose
    remembered source is ``source.location``, or to a new conference made from it."""
    conference = _target_conference(session, parsed, conference_id, source.location, now)
    had_source = session.get(ScheduleSourceRow, conference.id) is not None
    outcome = merge_talks(session, conference.id, parsed.talks)
    _cover_schedule(conference, parsed)
    _declare_days(session, conference.id, parsed)
    if source.location:
        _remember_source(session, conference.id, parsed.format, source, now)
    session.flush()
    return ImportReport(
        conference=conference_record(conference),
        format=parsed.format,
        refreshed=outcome.had_schedule or had_source,
        talk_count=len(parsed.talks),
        added=tuple(outcome.added),
        updated=tuple(outcome.updated),
        cancelled=tuple(outcome.cancelled),
        rekeyed=tuple(outcome.rekeyed),
        restored=tuple(outcome.restored),
        unchanged=outcome.unchanged,
        warnings=parsed.warnings,
    )


def schedule_source(session: Session, conference_id: int) -> ScheduleSource | None:
    row = session.get(ScheduleSourceRow, conference_id)
    return _schedule_source(row) if row else None


def schedule_source_at(session: Session, location: str) -> ScheduleSource | None:
    """The remembered source whose location is ``location`` (most recently fetched first)."""
    row = session.scalars(
        select(ScheduleSourceRow)
        .where(ScheduleSourceRow.location == location)
        .order_by(ScheduleSourceRow.fetched_at.desc())
    ).first()
    return _schedule_source(row) if row else None


# The conference


def _target_conference(
    session: Session,
    parsed: ParsedSchedule,
    conference_id: int | None,
    location: str,
    now: int,
) -> ConferenceRow:
    if conference_id is not None:
        return get_row(session, ConferenceRow, conference_id, "conference")
    known = schedule_source_at(session, location) if location else None
    if known is not None:
        return get_row(session, ConferenceRow, known.conference_id, "conference")
    check_zone(parsed.time_zone)
    name = parsed.title.strip() or "Imported schedule"
    row = ConferenceRow(
        name=name,
        slug=unique_slug(session, slugify(parsed.slug or name)),
        time_zone=parsed.time_zone,
        starts_on=parsed.starts_on,
        ends_on=parsed.ends_on,
        url=parsed.url,
        created_at=now,
    )
    session.add(row)
    session.flush()
    return row


def _cover_schedule(row: ConferenceRow, parsed: ParsedSchedule) -> None:
    """Widen the conference's dates to the schedule's, and fill in a missing URL."""
    if parsed.starts_on and (row.starts_on is None or parsed.starts_on < row.starts_on):
        row.starts_on = parsed.starts_on
    if parsed.ends_on and (row.ends_on is None or parsed.ends_on > row.ends_on):
        row.ends_on = parsed.ends_on
    if parsed.url and not row.url:
        row.url = parsed.url


def _declare_days(session: Session, conference_id: int, parsed: ParsedSchedule) -> None:
    """Keep the programme days the schedule declares; one that declares none keeps the old."""
    if not parsed.days:
        return
    session.execute(delete(ProgrammeDayRow).where(ProgrammeDayRow.conference_id == conference_id))
    starts = set()
    for window in parsed.days:
        start = epoch(window.starts_at)
        if start not in starts:
            starts.add(start)
            session.add(
                ProgrammeDayRow(
                    conference_id=conference_id, starts_at=start, ends_at=epoch(window.ends_at)
                )
            )


def _remember_source(
    session: Session, conference_id: int, format_name: str, source: SourceInfo, now: int
) -> None:
    row = session.get(ScheduleSourceRow, conference_id)
    if row is None:
        row = ScheduleSourceRow(conference_id=conference_id)
        session.add(row)
    row.location = source.location
    row.format = format_name
    row.etag = source.etag
    row.last_modified = source.last_modified
    row.fetched_at = now


def _schedule_source(row: ScheduleSourceRow) -> ScheduleSource:
    return ScheduleSource(
        conference_id=row.conference_id,
        location=row.location,
        format=row.format,
        etag=row.etag,
        last_modified=row.last_modified,
        fetched_at=instant(row.fetched_at),
    )
