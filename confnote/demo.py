"""The demo conference shipped in the package, placed on today's dates so now/next have meaning."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from importlib.resources.abc import Traversable
from typing import Any

from confnote import agenda
from confnote.errors import InputError
from confnote.resources import asset
from confnote.schedule.model import TalkDetails
from confnote.store.api import Store
from confnote.store.records import Conference, TodoKind
from confnote.user_input import parse_clock_time

DEMO_FILE = asset("demo-conference.json")


def demo_available() -> bool:
    return DEMO_FILE.is_file()


def load_demo(store: Store, first_day: date, source: Traversable = DEMO_FILE) -> Conference:
    """Create the demo conference with its talks, marks, notes and TODOs."""
    try:
        data: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(str(source), f"cannot read the demo: {error}") from None
    last_day = first_day + timedelta(days=max(t["day"] for t in data["talks"]) - 1)
    conference = store.create_conference(
        data["name"],
        time_zone=data["time_zone"],
        starts_on=first_day,
        ends_on=last_day,
        url=data.get("url", ""),
    )
    try:
        _fill(store, conference, data, first_day)
    except BaseException:
        store.delete_conference(conference.id, keep_in_trash=False)  # all or nothing
        raise
    return conference


def _fill(store: Store, conference: Conference, data: dict[str, Any], first_day: date) -> None:
    where = agenda.zone(conference.time_zone)
    ids: dict[str, int] = {}
    for talk in data["talks"]:
        day = first_day + timedelta(days=talk["day"] - 1)
        start = datetime.combine(day, parse_clock_time(talk["start"]), where)
        details = TalkDetails(
            key=talk["key"],
            title=talk["title"],
            starts_at=start,
            duration=timedelta(minutes=talk["minutes"]),
            abstract=talk.get("abstract", ""),
            kind=talk.get("kind", "talk"),
            track=talk.get("track", ""),
            room=talk.get("room", ""),
            url=talk.get("url", ""),
            slides_url=talk.get("slides_url", ""),
            video_url=talk.get("video_url", ""),
            speakers=tuple(talk.get("speakers", ())),
        )
        ids[talk["key"]] = store.add_talk(conference.id, details).id
    for key, level in data.get("stars", {}).items():
        store.set_star(ids[key], level)
    for key in data.get("attended", []):
        store.set_attended(ids[key], True)
    for key in data.get("watch_later", []):
        store.set_watch_later(ids[key], True)
    for key, body in data.get("notes", {}).items():
        store.save_talk_note(ids[key], body)
    for note in data.get("conference_notes", []):
        store.add_conference_note(conference.id, note["title"], note["body"])
    for todo in data.get("todos", []):
        store.add_todo(
            conference.id,
            todo["text"],
            kind=TodoKind(todo["kind"]),
            talk_id=ids[todo["talk"]] if todo.get("talk") else None,
        )
