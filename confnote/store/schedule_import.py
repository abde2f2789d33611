"""Importing a parsed schedule into a conference, inside the caller's transaction.

Which conference (named, else the one this source was imported into, else a
new one made from the schedule), its dates, and the remembered source live here;
merging the talks themselves is ``talk_merge``. It all runs in plain SQL on the
store's connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from confnote.errors import NotFoundError
from confnote.gc_pause import gc_paused
from confnote.schedule.model import ParsedSchedule
from confnote.store.plain_reads import CONFERENCE_COLUMNS, conference_from_row
from confnote.store.records import Conference
from confnote.store.rows import check_zone, epoch, instant, slugify, unique_slug
from confnote.store.schedule_records import ImportReport, ScheduleSource
from confnote.store.talk_merge import merge_talks


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Where the schedule came from; an empty ``location`` leaves the remembered one alone."""

    location: str = ""
    etag: str = ""
    last_modified: str = ""


def import_schedule(
    connection: sqlite3.Connection,
    parsed: ParsedSchedule,
    *,
    conference_id: int | None,
    source: SourceInfo,
    now: int,
) -> ImportReport:
    """Add ``parsed`` to conference ``conference_id``, or to the conference whose
    remembered source is ``source.location``, or to a new conference made from it."""
    conference = _target_conference(connection, parsed, conference_id, source.location, now)
    had_source = connection.execute(_SOURCE_OF, (conference.id,)).fetchone() is not None
    with gc_paused():
        outcome = merge_talks(connection, conference.id, parsed.talks)
    conference = _cover_schedule(connection, conference, parsed)
    _declare_days(connection, conference.id, parsed)
    if source.location:
        _remember_source(connection, conference.id, parsed.format, source, now)
    return ImportReport(
        conference=conference,
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


_SOURCE_COLUMNS = "conference_id, location, format, etag, last_modified, fetched_at"
_SOURCE_OF = f"SELECT {_SOURCE_COLUMNS} FROM schedule_source WHERE conference_id = ?"
_SOURCE_AT = (
    f"SELECT {_SOURCE_COLUMNS} FROM schedule_source WHERE location = ? ORDER BY fetched_at DESC"
)


def schedule_source(connection: sqlite3.Connection, conference_id: int) -> ScheduleSource | None:
    row = connection.execute(_SOURCE_OF, (conference_id,)).fetchone()
    return _schedule_source(row) if row else None


def schedule_source_at(connection: sqlite3.Connection, location: str) -> ScheduleSource | None:
    """The remembered source whose location is ``location`` (most recently fetched first)."""
    row = connection.execute(_SOURCE_AT, (location,)).fetchone()
    return _schedule_source(row) if row else None


# The conference

_CONFERENCE = f"SELECT {CONFERENCE_COLUMNS} FROM conference WHERE id = ?"
_NEW_CONFERENCE = (
    "INSERT INTO conference (name, slug, time_zone, starts_on, ends_on, url, created_at) "
    f"VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING {CONFERENCE_COLUMNS}"
)
_COVER = "UPDATE conference SET starts_on = ?, ends_on = ?, url = ? WHERE id = ?"


def _target_conference(
    connection: sqlite3.Connection,
    parsed: ParsedSchedule,
    conference_id: int | None,
    location: str,
    now: int,
) -> Conference:
    if conference_id is None and location:
        known = schedule_source_at(connection, location)
        conference_id = known.conference_id if known is not None else None
    if conference_id is not None:
        row = connection.execute(_CONFERENCE, (conference_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no conference with id {conference_id}")
        return conference_from_row(row)
    check_zone(parsed.time_zone)
    name = parsed.title.strip() or "Imported schedule"
    values = (
        name,
        unique_slug(connection, slugify(parsed.slug or name)),
        parsed.time_zone,
        _iso(parsed.starts_on),
        _iso(parsed.ends_on),
        parsed.url,
        now,
    )
    return conference_from_row(connection.execute(_NEW_CONFERENCE, values).fetchone())


def _cover_schedule(
    connection: sqlite3.Connection, conference: Conference, parsed: ParsedSchedule
) -> Conference:
    """Widen the conference's dates to the schedule's, and fill in a missing URL."""
    starts_on, ends_on, url = conference.starts_on, conference.ends_on, conference.url
    if parsed.starts_on and (starts_on is None or parsed.starts_on < starts_on):
        starts_on = parsed.starts_on
    if parsed.ends_on and (ends_on is None or parsed.ends_on > ends_on):
        ends_on = parsed.ends_on
    if parsed.url and not url:
        url = parsed.url
    covered = replace(conference, starts_on=starts_on, ends_on=ends_on, url=url)
    if covered != conference:
        connection.execute(_COVER, (_iso(starts_on), _iso(ends_on), url, conference.id))
    return covered


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


_FORGET_DAYS = "DELETE FROM programme_day WHERE conference_id = ?"
_ADD_DAY = "INSERT INTO programme_day (conference_id, starts_at, ends_at) VALUES (?, ?, ?)"


def _declare_days(
    connection: sqlite3.Connection, conference_id: int, parsed: ParsedSchedule
) -> None:
    """Keep the programme days the schedule declares; one that declares none keeps the old."""
    if not parsed.days:
        return
    connection.execute(_FORGET_DAYS, (conference_id,))
    days: dict[int, int] = {}  # the first window of each start
    for window in parsed.days:
        start = epoch(window.starts_at)
        if start not in days:
            days[start] = epoch(window.ends_at)
    connection.executemany(_ADD_DAY, [(conference_id, *day) for day in days.items()])


_REMEMBER_SOURCE = (
    f"INSERT INTO schedule_source ({_SOURCE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (conference_id) DO UPDATE SET location = excluded.location, "
    "format = excluded.format, etag = excluded.etag, "
    "last_modified = excluded.last_modified, fetched_at = excluded.fetched_at"
)


def _remember_source(
    connection: sqlite3.Connection,
    conference_id: int,
    format_name: str,
    source: SourceInfo,
    now: int,
) -> None:
    values = (conference_id, source.location, format_name, source.etag, source.last_modified, now)
    connection.execute(_REMEMBER_SOURCE, values)


def _schedule_source(row: Sequence[Any]) -> ScheduleSource:
    return ScheduleSource(
        conference_id=row[0],
        location=row[1],
        format=row[2],
        etag=row[3],
        last_modified=row[4],
        fetched_at=instant(row[5]),
    )
