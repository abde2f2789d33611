"""frab-shaped schedules (XML and schedule.json alike) to talks: time, identity, links.

The XML and JSON readers only pull strings out of their trees into FrabEvent;
everything that decides what those strings mean lives here, so the same
conference written in either format gives the same talks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from confnote.agenda import DayWindow
from confnote.schedule.assemble import (
    DEFAULT_DURATION,
    ScheduleInfo,
    TalkDraft,
    build_schedule,
)
from confnote.schedule.html_text import html_to_markdown
from confnote.schedule.identity import first_key
from confnote.schedule.kinds import kind_for_type
from confnote.schedule.links import Link, slides_and_video
from confnote.schedule.model import ParsedSchedule
from confnote.schedule.times import (
    parse_clock,
    parse_date,
    parse_datetime,
    parse_duration,
    resolve_zone,
)

# pretalx's rule when a file says nothing else: a day runs from 04:00 to 03:59.
PRETALX_DAY_START = time(4, 0)


@dataclass(frozen=True, slots=True)
class FrabConference:
    """The conference fields of a frab file, as written."""

    title: str = ""
    acronym: str = ""
    url: str = ""
    start: str = ""
    end: str = ""
    time_zone_name: str = ""
    day_change: str = ""
    version: str = ""


@dataclass(frozen=True, slots=True)
class FrabDay:
    """A day of a frab file, as written: ``<day index start end>`` or a days[] entry."""

    label: str
    start: str = ""
    end: str = ""


@dataclass(frozen=True, slots=True)
class FrabEvent:
    """One event of a frab file, as written; ``day_*`` come from the enclosing day."""

    place: str
    day_date: str = ""
    day_start: str = ""
    guid: str = ""
    code: str = ""
    id: str = ""
    date: str = ""
    start: str = ""
    duration: str = ""
    end: str = ""
    room: str = ""
    title: str = ""
    subtitle: str = ""
    abstract: str = ""
    description: str = ""
    type: str = ""
    track: str = ""
    url: str = ""
    persons: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    recording_url: str = ""


def frab_schedule(
    format_name: str,
    conference: FrabConference,
    events: Sequence[FrabEvent],
    default_zone: ZoneInfo,
    warnings: list[str],
    days: Sequence[FrabDay] = (),
) -> ParsedSchedule:
    """The ParsedSchedule for a frab file's conference, events and declared days."""
    zone = resolve_zone(conference.time_zone_name)
    if conference.time_zone_name and zone is None:
        warnings.append(
            f"conference: unknown time zone {conference.time_zone_name!r}; "
            "using the offsets in the file"
        )
    needs_local = any(_needs_local_time(event) for event in events)
    if zone is None and needs_local:
        warnings.append(f"conference: no time zone given; local times read as {default_zone.key}")
    reader = _EventReader(zone or default_zone, parse_clock(conference.day_change))
    info = ScheduleInfo(
        format=format_name,
        title=" ".join(conference.title.split()),
        time_zone=zone.key if zone else (default_zone.key if needs_local else ""),
        slug=conference.acronym.strip(),
        url=conference.url.strip(),
        starts_on=_conference_date(conference.start, zone),
        ends_on=_conference_date(conference.end, zone),
        version=conference.version.strip(),
        days=_day_windows(days, zone or default_zone, warnings),
    )
    return build_schedule(info, (reader.draft(event) for event in events), warnings)


def _day_windows(
    days: Sequence[FrabDay], zone: tzinfo, warnings: list[str]
) -> tuple[DayWindow, ...]:
    """The days a file declares with a start and an end; none if any of them lacks one,
    so a file's days are used whole or not at all."""
    windows = []
    for day in days:
        start, end = parse_datetime(day.start), parse_datetime(day.end)
        if start is None or end is None:
            if day.start or day.end:
                warnings.append(f"day {day.label}: start or end not understood; days ignored")
            return ()
        start = start if start.tzinfo else start.replace(tzinfo=zone)
        end = end if end.tzinfo else end.replace(tzinfo=zone)
        if end <= start:
            warnings.append(f"day {day.label}: ends before it starts; days ignored")
            return ()
        windows.append(DayWindow(start, end))
    return tuple(windows)


def _needs_local_time(event: FrabEvent) -> bool:
    instant = parse_datetime(event.date)
    return instant is None or instant.tzinfo is None


def _conference_date(text: str, zone: ZoneInfo | None) -> date | None:
    instant = parse_datetime(text)
    if instant is not None and instant.tzinfo is not None and zone is not None:
        return instant.astimezone(zone).date()
    return parse_date(text)


@dataclass(frozen=True, slots=True)
class _EventReader:
    zone: tzinfo
    day_change: time | None

    def draft(self, event: FrabEvent) -> TalkDraft:
        problems: list[str] = []
        starts_at = self._start(event, problems)
        duration = self._duration(event, starts_at, problems) if starts_at else None
        slides_url, video_url = slides_and_video(event.links)
        return TalkDraft(
            place=event.place,
            key=first_key(event.guid, event.code, event.id),
            title=event.title,
            starts_at=starts_at,
            duration=duration,
            subtitle=event.subtitle,
            abstract=html_to_markdown(_abstract(event.abstract, event.description)),
            kind=kind_for_type(event.type),
            track=event.track,
            room=event.room,
            url=event.url,
            slides_url=slides_url,
            video_url=event.recording_url.strip() or video_url,
            speakers=event.persons,
            problems=problems,
        )

    def _start(self, event: FrabEvent, problems: list[str]) -> datetime | None:
        """The event's ``date`` with its own offset; else its day's date plus ``start``."""
        instant = parse_datetime(event.date)
        if instant is not None:
            return instant if instant.tzinfo else instant.replace(tzinfo=self.zone)
        clock = parse_clock(event.start)
        own_date = parse_date(event.date)
        day = own_date or parse_date(event.day_date)
        if clock is None or day is None:
            problems.append(_no_start_reason(event))
            return None
        if event.date.strip() and own_date is None:
            problems.append(f"date {event.date.strip()!r} not understood; using day and start")
        local = datetime.combine(day, clock, tzinfo=self.zone)
        return local if own_date else self._after_day_change(local, event.day_start)

    def _after_day_change(self, local: datetime, day_start_text: str) -> datetime:
        """Move a start that belongs after midnight of its day to the next calendar day."""
        clock = local.time()
        if self.day_change is not None:
            return local + timedelta(days=1) if clock < self.day_change else local
        day_start = parse_datetime(day_start_text)
        if day_start is not None:
            if day_start.tzinfo is None:
                day_start = day_start.replace(tzinfo=self.zone)
            return local + timedelta(days=1) if local < day_start else local
        return local + timedelta(days=1) if clock < PRETALX_DAY_START else local

    def _duration(
        self, event: FrabEvent, starts_at: datetime, problems: list[str]
    ) -> timedelta | None:
        duration = parse_duration(event.duration)
        if duration is not None:
            return duration
        end = parse_datetime(event.end)
        if end is not None:
            end = end if end.tzinfo else end.replace(tzinfo=self.zone)
            if end >= starts_at:
                return end - starts_at
        if event.duration.strip():
            problems.append(
                f"duration {event.duration.strip()!r} not understood; assuming 30 minutes"
            )
            return DEFAULT_DURATION
        return None


def _no_start_reason(event: FrabEvent) -> str:
    written = event.date.strip() or event.start.strip()
    return f"start {written!r} not understood" if written else "no start time"


def _abstract(abstract: str, description: str) -> str:
    """Abstract and description together, or just one when one repeats the other."""
    abstract, description = abstract.strip(), description.strip()
    short, long = sorted((abstract, description), key=len)
    if not short or _squashed(long).startswith(_squashed(short)):
        return long
    return f"{abstract}\n\n{description}"


def _squashed(text: str) -> str:
    return " ".join(text.split()).casefold()
