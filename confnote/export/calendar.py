"""The talks of a conference (or only the starred ones) as an iCalendar file.

Each talk keeps one UID across exports (its schedule key at the conference's
slug), so importing the file again into a calendar updates the entries instead
of adding copies. Times carry the conference's zone with its VTIMEZONE (or are
UTC), so calendar apps place them right wherever the reader is. confnote's own
schedule importer reads the file back into the same talks.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from confnote import __version__, agenda
from confnote.schedule.ical import (
    CONFNOTE_PRODID,
    CONFNOTE_SPEAKER,
    CONFNOTE_SPEAKERS_LINE,
    CONFNOTE_UID_DOMAIN,
)
from confnote.store.records import Conference, Talk

PRODID = f"{CONFNOTE_PRODID}confnote {__version__}//EN"


def talk_uid(conference: Conference, talk: Talk) -> str:
    """A UID that stays the same for this talk in every export."""
    return f"{talk.key}@{conference.slug}.{CONFNOTE_UID_DOMAIN}"


def calendar_bytes(
    conference: Conference, talks: Iterable[Talk], *, stamp: datetime | None = None
) -> bytes:
    """An iCalendar file holding ``talks``."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", conference.name)
    zone = agenda.zone(conference.time_zone)
    if zone is not UTC:
        calendar.add("x-wr-timezone", conference.time_zone)
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC)
    talks = list(talks)
    for talk in talks:
        calendar.add_component(_event(conference, talk, zone, stamp))
    if zone is not UTC and talks:
        # The zone's rules for the years around the talks keep the VTIMEZONE short.
        years = [talk.starts_at.year for talk in talks]
        calendar.add_missing_timezones(date(min(years) - 1, 1, 1), date(max(years) + 2, 1, 1))
    return bytes(calendar.to_ical())


def _event(conference: Conference, talk: Talk, zone: Any, stamp: datetime) -> Any:
    from icalendar import Event

    event = Event()
    event.add("uid", talk_uid(conference, talk))
    event.add("dtstamp", stamp)
    event.add("dtstart", talk.starts_at.astimezone(zone))
    event.add("dtend", talk.ends_at.astimezone(zone))
    event.add("summary", talk.title)
    for speaker in talk.speakers:
        event.add(CONFNOTE_SPEAKER, speaker)
    description = "\n\n".join(
        part
        for part in (
            CONFNOTE_SPEAKERS_LINE + ", ".join(talk.speakers) if talk.speakers else "",
            talk.abstract,
        )
        if part
    )
    if description:
        event.add("description", description)
    if talk.room:
        event.add("location", talk.room)
    if talk.track:
        event.add("categories", [talk.track])
    if talk.url:
        event.add("url", talk.url)
    if talk.cancelled:
        event.add("status", "CANCELLED")
    return event
