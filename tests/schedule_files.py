"""Small frab ``schedule.xml`` files built from a list of events, for import and refresh tests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from xml.sax.saxutils import escape, quoteattr


@dataclass(frozen=True, slots=True)
class Event:
    """One talk of a test schedule; ``start`` is an ISO instant with its offset."""

    guid: str
    title: str
    start: str = "2025-05-17T09:00:00+02:00"
    minutes: int = 30
    room: str = "Main Hall"
    speakers: tuple[str, ...] = ()
    abstract: str = ""

    def but(self, **changes: object) -> Event:
        return replace(self, **changes)  # type: ignore[arg-type]


def frab_xml(
    events: Sequence[Event],
    *,
    title: str = "TestConf 2025",
    acronym: str = "testconf-2025",
    zone: str = "Europe/Brussels",
) -> bytes:
    """A frab schedule holding ``events``, one ``<day>`` per date and one ``<room>`` per room."""
    days: dict[str, dict[str, list[Event]]] = {}
    for event in events:
        day = datetime.fromisoformat(event.start).date().isoformat()
        days.setdefault(day, {}).setdefault(event.room, []).append(event)
    dates = sorted(days) or ["2025-05-17"]
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<schedule>\n<version>test</version>\n',
        f"<conference><acronym>{escape(acronym)}</acronym><title>{escape(title)}</title>"
        f"<start>{dates[0]}</start><end>{dates[-1]}</end>"
        f"<time_zone_name>{zone}</time_zone_name></conference>\n",
    ]
    for index, day in enumerate(sorted(days), start=1):
        parts.append(f'<day index="{index}" date="{day}">\n')
        for room, room_events in days[day].items():
            parts.append(f"<room name={quoteattr(room)}>\n")
            parts.extend(_event(event) for event in room_events)
            parts.append("</room>\n")
        parts.append("</day>\n")
    parts.append("</schedule>\n")
    return "".join(parts).encode()


def _event(event: Event) -> str:
    start = datetime.fromisoformat(event.start)
    persons = "".join(f"<person>{escape(name)}</person>" for name in event.speakers)
    hours, minutes = divmod(event.minutes, 60)
    return (
        f"<event guid={quoteattr(event.guid)}>"
        f"<date>{start.isoformat()}</date><start>{start:%H:%M}</start>"
        f"<duration>{hours:02d}:{minutes:02d}</duration>"
        f"<room>{escape(event.room)}</room><title>{escape(event.title)}</title>"
        f"<type>Talk</type><abstract>{escape(event.abstract)}</abstract>"
        f"<persons>{persons}</persons></event>\n"
    )
