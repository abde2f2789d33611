"""iCalendar (``.ics``) schedules as pretalx, frab, symposion and others write them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from confnote.schedule.assemble import ScheduleInfo, TalkDraft, build_schedule, title_from_source
from confnote.schedule.encoding import decode_text, wide_encoding
from confnote.schedule.html_text import html_to_markdown
from confnote.schedule.identity import first_key
from confnote.schedule.kinds import kind_for_type
from confnote.schedule.model import ParsedSchedule, ScheduleError
from confnote.schedule.speakers import speakers_from_description, split_title_and_speakers
from confnote.schedule.times import FIRST_YEAR, LAST_YEAR, resolve_zone

FORMAT = "icalendar"
# Calendars confnote writes (``confnote export ics``): PRODID "-//confnote//…", UIDs
# "<talk key>@<conference slug>.confnote", each speaker exactly in an X-CONFNOTE-SPEAKER
# property and, for people reading the calendar, on a "Speakers:" line of the description.
CONFNOTE_PRODID = "-//confnote//"
CONFNOTE_UID_DOMAIN = "confnote"
CONFNOTE_SPEAKER = "X-CONFNOTE-SPEAKER"
CONFNOTE_SPEAKERS_LINE = "Speakers: "
_LINE_BREAK = re.compile(rb"\r*\n|\r+")
_FOLD = re.compile(rb"\r\n[ \t]")

UNTITLED = "(untitled)"


def read_ical(data: bytes, source: str, default_zone: ZoneInfo) -> ParsedSchedule:
    """Parse an iCalendar file; ``default_zone`` is for floating times without X-WR-TIMEZONE."""
    calendars = _parse(unfolded_text(data), source)
    first = calendars[0]
    calendar_zone = resolve_zone(_text(first, "X-WR-TIMEZONE"))
    prodid = _text(first, "PRODID")
    reader = _EventReader(
        floating_zone=calendar_zone or default_zone,
        pretalx="pretalx" in prodid.casefold(),
        confnote=prodid.startswith(CONFNOTE_PRODID),
    )
    warnings: list[str] = []
    drafts: list[TalkDraft] = []
    for number, event in enumerate(_events(calendars), start=1):
        try:
            drafts.append(reader.draft(event, number))
        except ValueError as exc:  # icalendar's errors for values it cannot give back
            warnings.append(f"event #{number}: skipped: {' '.join(str(exc).split())[:200]}")
    if reader.floating_used and calendar_zone is None:
        warnings.append(
            f"calendar: floating times without X-WR-TIMEZONE read as {default_zone.key}"
        )
    zone_name = calendar_zone.key if calendar_zone else _most_common_zone(reader)
    info = ScheduleInfo(
        format=FORMAT,
        title=_text(first, "X-WR-CALNAME")
        or _text(first, "X-WR-CALDESC")
        or title_from_source(source),
        time_zone=zone_name,
    )
    return build_schedule(info, drafts, warnings)


def unfolded_text(data: bytes) -> str:
    """The calendar as text with CRLF line ends and folded lines joined.

    Line ends are normalised first (JRES writes CR CR LF, others bare LF or CR),
    and lines are unfolded before decoding, because folding may split a UTF-8
    character in two (JRES again).
    """
    encoding = wide_encoding(data)
    if encoding is not None:
        data = decode_text(data).encode("utf-8")
    return decode_text(_FOLD.sub(b"", _LINE_BREAK.sub(b"\r\n", data)))


def _parse(text: str, source: str) -> list[Any]:
    from icalendar import Calendar

    try:
        calendars = Calendar.from_ical(text, multiple=True)
    except Exception as exc:  # icalendar raises many types for broken input
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise ScheduleError(source, f"broken iCalendar: {reason}") from exc
    if not calendars:
        raise ScheduleError(source, "broken iCalendar: no complete VCALENDAR (truncated?)")
    return list(calendars)


def _events(calendars: list[Any]) -> Iterator[Any]:
    for calendar in calendars:
        yield from calendar.walk("VEVENT")


def _most_common_zone(reader: _EventReader) -> str:
    zones = Counter(key for key in reader.zones_seen if key)
    return zones.most_common(1)[0][0] if zones else ""


@dataclass(slots=True)
class _EventReader:
    floating_zone: ZoneInfo
    pretalx: bool
    # confnote's own calendars keep titles whole and talk keys inside UIDs.
    confnote: bool = False
    floating_used: bool = False
    zones_seen: list[str] = field(default_factory=list)

    def draft(self, event: Any, number: int) -> TalkDraft:
        uid = _text(event, "UID")
        problems: list[str] = []
        start = self._instant(event.get("DTSTART"), "DTSTART", problems)
        starts_at = _start_of(start, self.floating_zone)
        duration = self._duration(event, start, starts_at, problems) if starts_at else None
        known = _attendee_names(event)
        named: tuple[str, ...]
        if self.confnote:
            title, named, uid = _text(event, "SUMMARY"), (), confnote_key(uid)
        else:
            title, named = split_title_and_speakers(
                _text(event, "SUMMARY"), known, pretalx=self.pretalx
            )
        if not title.strip():  # keep the slot on the schedule, under a stand-in title
            problems.append(f"no SUMMARY; kept as “{UNTITLED}”")
            title = UNTITLED
        description = _text(event, "DESCRIPTION") or _text(event, "X-ALT-DESC")
        speakers = known or named
        if self.confnote:
            speakers = _all_texts(event, CONFNOTE_SPEAKER)
            if speakers and description.startswith(CONFNOTE_SPEAKERS_LINE):
                description = description.partition("\n")[2].strip()
        elif not speakers:
            speakers, description = speakers_from_description(description)
        track = _first_category(event)
        return TalkDraft(
            place=f"event {uid or '#' + str(number)}",
            key=first_key(uid),
            title=title,
            starts_at=starts_at,
            duration=duration,
            abstract=html_to_markdown(description),
            kind="other" if type(start) is date else kind_for_type(track),
            track=track,
            room=_text(event, "LOCATION"),
            url=_text(event, "URL"),
            speakers=speakers,
            problems=problems,
        )

    def _instant(self, prop: Any, name: str, problems: list[str]) -> datetime | date | None:
        """A DTSTART/DTEND as an aware datetime, or a date for all-day events."""
        value = _parsed_value(prop)
        if prop is not None and value is None:
            problems.append(f"{name} not understood")
        if isinstance(value, datetime):
            if not FIRST_YEAR <= value.year <= LAST_YEAR:
                problems.append(f"{name} {value.isoformat()} is out of range")
                return None
            return self._aware(value, prop)
        if isinstance(value, date) and FIRST_YEAR <= value.year <= LAST_YEAR:
            return value
        return None

    def _aware(self, value: datetime, prop: Any) -> datetime:
        if value.tzinfo is not None:
            self.zones_seen.append(getattr(value.tzinfo, "key", ""))
            return value
        tzid = str(getattr(prop, "params", {}).get("TZID", ""))
        zone: tzinfo | None = resolve_zone(tzid) if tzid else None
        if zone is None:
            self.floating_used = True
            zone = self.floating_zone
        self.zones_seen.append(getattr(zone, "key", ""))
        return value.replace(tzinfo=zone)

    def _duration(
        self, event: Any, start: datetime | date | None, starts_at: datetime, problems: list[str]
    ) -> timedelta | None:
        end = _start_of(self._instant(event.get("DTEND"), "DTEND", problems), self.floating_zone)
        if end is not None:
            # In UTC: Python subtracts wall-clock times when both share a zone, which
            # is an hour off for a talk that spans a daylight-saving change.
            end = end.astimezone(UTC)
            if end >= starts_at.astimezone(UTC):
                return end - starts_at.astimezone(UTC)
        value = _parsed_value(event.get("DURATION"))
        if isinstance(value, timedelta) and value >= timedelta(0):
            return value
        if type(start) is date:
            return timedelta(days=1)
        if end is not None:
            problems.append("DTEND is before DTSTART; assuming 30 minutes")
        return None


def confnote_key(uid: str) -> str:
    """The talk key inside a UID confnote wrote; other UIDs as they are."""
    key, at, domain = uid.rpartition("@")
    return key if at and key and domain.endswith(f".{CONFNOTE_UID_DOMAIN}") else uid


def _parsed_value(prop: Any) -> object:
    """The value of a date, time or duration property; None when absent or broken."""
    if isinstance(prop, list):
        prop = prop[0] if prop else None
    try:
        return getattr(prop, "dt", None)
    except ValueError:  # icalendar refuses to give the value of a broken property
        return None


def _start_of(value: datetime | date | None, zone: ZoneInfo) -> datetime | None:
    """All-day dates start at midnight in the calendar's zone."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.combine(value, time(0), tzinfo=zone)


def _text(component: Any, name: str) -> str:
    value = component.get(name)
    if isinstance(value, list):
        value = value[0] if value else ""
    return "" if value is None else str(value).strip()


def _all_texts(component: Any, name: str) -> tuple[str, ...]:
    values = component.get(name)
    values = values if isinstance(values, list) else [] if values is None else [values]
    return tuple(text for value in values if (text := str(value).strip()))


def _attendee_names(event: Any) -> tuple[str, ...]:
    """CN of every ATTENDEE, else of the ORGANIZER."""
    for name in ("ATTENDEE", "ORGANIZER"):
        props = event.get(name)
        props = props if isinstance(props, list) else [] if props is None else [props]
        names = tuple(
            cn for prop in props if (cn := str(getattr(prop, "params", {}).get("CN", "")).strip())
        )
        if names:
            return names
    return ()


def _first_category(event: Any) -> str:
    props = event.get("CATEGORIES")
    for prop in props if isinstance(props, list) else [props]:
        for category in getattr(prop, "cats", ()):
            if text := str(category).strip():
                return text
    return ""
