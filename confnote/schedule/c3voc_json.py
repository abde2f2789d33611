"""c3voc / pretalx ``schedule.json``: ``{"schedule": {"conference": {"days": [...]}}}``."""

from __future__ import annotations

from collections.abc import Iterator
from zoneinfo import ZoneInfo

from confnote.schedule.encoding import decode_text
from confnote.schedule.frab_common import FrabConference, FrabDay, FrabEvent, frab_schedule
from confnote.schedule.links import Link
from confnote.schedule.model import ParsedSchedule, ScheduleError

FORMAT = "c3voc-json"


def load_json(data: bytes, source: str) -> object:
    """The decoded JSON document; ScheduleError when it is not valid JSON."""
    import json

    try:
        return json.loads(decode_text(data))
    except json.JSONDecodeError as exc:
        raise ScheduleError(source, f"broken JSON: {exc.msg}", f"line {exc.lineno}") from exc
    except (ValueError, RecursionError) as exc:
        raise ScheduleError(source, "broken JSON: nested too deeply or malformed") from exc


def read_c3voc_json(
    data: bytes, source: str, default_zone: ZoneInfo, document: object = None
) -> ParsedSchedule:
    """Read a ``schedule.json``; ``default_zone`` is for files without a zone. ``document``
    is ``data`` already decoded, when the caller has it."""
    root = load_json(data, source) if document is None else document
    schedule = root.get("schedule") if isinstance(root, dict) else None
    conference = schedule.get("conference") if isinstance(schedule, dict) else None
    if not isinstance(schedule, dict) or not isinstance(conference, dict):
        raise ScheduleError(source, 'not a schedule: JSON without "schedule"."conference"')
    warnings: list[str] = []
    days = conference.get("days")
    if not isinstance(days, list):
        warnings.append('conference: "days" is not a list; skipped')
        days = []
    events = list(_events(days, warnings))
    frab_conference = FrabConference(
        title=_str(conference.get("title")),
        acronym=_str(conference.get("acronym")),
        url=_str(conference.get("url")) or _str(schedule.get("base_url")),
        start=_str(conference.get("start")),
        end=_str(conference.get("end")),
        time_zone_name=_str(conference.get("time_zone_name")),
        day_change=_str(conference.get("day_change")),
        version=_str(schedule.get("version")),
    )
    declared = [
        FrabDay(
            _str(day.get("index")) or str(number),
            _str(day.get("day_start")),
            _str(day.get("day_end")),
        )
        for number, day in enumerate(days, start=1)
        if isinstance(day, dict)
    ]
    return frab_schedule(FORMAT, frab_conference, events, default_zone, warnings, declared)


def _events(days: list[object], warnings: list[str]) -> Iterator[FrabEvent]:
    number = 0
    for day_number, day in enumerate(days, start=1):
        if not isinstance(day, dict):
            warnings.append(f"day {day_number}: not an object; skipped")
            continue
        day_label = _str(day.get("index")) or str(day_number)
        rooms = day.get("rooms")
        if not isinstance(rooms, dict):
            warnings.append(f'day {day_label}: "rooms" is not an object; skipped')
            continue
        for room, events in rooms.items():
            for event in events if isinstance(events, list) else [events]:
                number += 1
                if not isinstance(event, dict):
                    warnings.append(f"event #{number} (day {day_label}): not an object; skipped")
                    continue
                yield _event(event, day, day_label, room, number)


def _event(
    event: dict[str, object], day: dict[str, object], day_label: str, room: str, number: int
) -> FrabEvent:
    ident = _str(event.get("id")) or _str(event.get("guid")) or f"#{number}"
    return FrabEvent(
        place=f"event {ident} (day {day_label})",
        day_date=_str(day.get("date")),
        day_start=_str(day.get("day_start")),
        guid=_str(event.get("guid")),
        code=_str(event.get("code")),
        id=_str(event.get("id")),
        date=_str(event.get("date")),
        start=_str(event.get("start")),
        duration=_str(event.get("duration")),
        end=_str(event.get("end")),
        room=room.strip() or _str(event.get("room")),
        title=_str(event.get("title")),
        subtitle=_str(event.get("subtitle")),
        abstract=_str(event.get("abstract")),
        description=_str(event.get("description")),
        type=_str(event.get("type")),
        track=_str(event.get("track")),
        url=_str(event.get("url")) or _str(event.get("origin_url")),
        persons=tuple(_person(person) for person in _list(event.get("persons"))),
        links=(*_links(event.get("attachments")), *_links(event.get("links"))),
        recording_url=_str(event.get("video_download_url")),
    )


def _str(value: object) -> str:
    """A JSON scalar as text; null, objects and lists are ""."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    return ""


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _person(person: object) -> str:
    if isinstance(person, dict):
        return _str(person.get("public_name")) or _str(person.get("name"))
    return _str(person)


def _links(value: object) -> Iterator[Link]:
    for link in _list(value):
        if isinstance(link, dict):
            url = _str(link.get("url")) or _str(link.get("href"))
            yield Link(url=url, title=_str(link.get("title")), kind=_str(link.get("type")))
        elif isinstance(link, str):
            yield Link(url=link.strip())
