"""c3voc / pretalx schedule.json: persons, links, nulls and broken pieces."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from confnote.schedule import ParsedSchedule, ScheduleError, parse_schedule


def _schedule(rooms: object, **conference: object) -> ParsedSchedule:
    document = {
        "schedule": {
            "version": "1",
            "conference": {
                "title": "Jsoncon",
                "acronym": "jsoncon",
                "time_zone_name": "Europe/Amsterdam",
                "days": [{"index": 1, "date": "2021-12-27", "rooms": rooms}],
            }
            | conference,
        }
    }
    return parse_schedule(json.dumps(document).encode(), "schedule.json")


def _event(**fields: object) -> dict[str, object]:
    return {
        "id": 1,
        "guid": "guid-1",
        "date": "2021-12-27T11:00:00+01:00",
        "duration": "00:30",
        "title": "Opening",
    } | fields


def test_pretalx_name_and_frab_public_name_both_give_speakers() -> None:
    persons = [{"public_name": "Lilith"}, {"name": "HonkHase", "code": "X"}, "Plain"]
    talk = _schedule({"Stage": [_event(persons=persons)]}).talks[0]
    assert talk.speakers == ("Lilith", "HonkHase", "Plain")
    assert talk.room == "Stage"
    assert talk.starts_at == datetime(2021, 12, 27, 10, 0, tzinfo=UTC)


def test_links_and_attachments_fill_slides_and_video_only_when_their_kind_is_clear() -> None:
    links = [
        {"url": "https://example.org/project", "title": "Project website"},
        {"url": "https://media.ccc.de/v/x", "title": "Watch"},
        {"url": "https://example.org/a.pdf", "title": "My slides"},
    ]
    talk = _schedule({"Stage": [_event(links=links)]}).talks[0]
    assert talk.slides_url == "https://example.org/a.pdf"
    assert talk.video_url == "https://media.ccc.de/v/x"


def test_null_fields_read_as_empty_and_numbers_as_text() -> None:
    event = _event(subtitle=None, track=None, abstract=None, description=None, type=None, id=42)
    event.pop("guid")
    talk = _schedule({"Stage": [event]}).talks[0]
    assert (talk.key, talk.subtitle, talk.track, talk.abstract) == ("42", "", "", "")
    assert talk.kind == "talk"


def test_without_a_date_the_day_date_and_start_are_used() -> None:
    event = _event(start="01:50")
    event.pop("date")
    talk = _schedule({"Stage": [event]}).talks[0]
    assert talk.starts_at == datetime(2021, 12, 28, 0, 50, tzinfo=UTC)


def test_an_end_stands_in_for_a_missing_duration() -> None:
    event = _event(end="2021-12-27T12:15:00+01:00")
    event.pop("duration")
    assert _schedule({"Stage": [event]}).talks[0].duration == timedelta(minutes=75)


def test_pieces_of_the_wrong_shape_are_warnings_not_failures() -> None:
    schedule = _schedule({"Stage": [_event(), "not an event", _event(guid="g2", title="")]})
    assert [talk.title for talk in schedule.talks] == ["Opening"]
    assert schedule.warnings == (
        "event #2 (day 1): not an object; skipped",
        "event 1 (day 1): skipped: no title",
    )


def test_rooms_that_are_not_an_object_are_skipped_with_a_warning() -> None:
    document = {
        "schedule": {
            "conference": {
                "title": "Jsoncon",
                "days": [
                    {"index": 1, "date": "2021-12-27", "rooms": ["Stage"]},
                    {"index": 2, "date": "2021-12-27", "rooms": {"Stage": [_event()]}},
                ],
            }
        }
    }
    schedule = parse_schedule(json.dumps(document).encode(), "schedule.json")
    assert [talk.title for talk in schedule.talks] == ["Opening"]
    assert schedule.warnings == ('day 1: "rooms" is not an object; skipped',)


def test_a_file_whose_only_day_has_rooms_of_the_wrong_shape_is_refused() -> None:
    with pytest.raises(ScheduleError) as caught:
        _schedule(["Stage"])
    assert str(caught.value) == (
        'schedule.json: not a schedule: no talk in it (day 1: "rooms" is not an object; skipped)'
    )


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        (b'{"schedule": {"conference": {"days": [', "broken JSON"),
        (b"[1, 2, 3]", 'JSON without a "schedule" object'),
        (b'{"talks": [], "rooms": [], "speakers": []}', "pretalx widget JSON"),
        (b'{"schedule": {"conference": {"title": "x"}, "events": []}}', "schedule2"),
        (b'{"$schema": "x", "type": "object", "properties": {}}', "JSON Schema"),
    ],
)
def test_json_that_is_not_a_schedule_json_is_one_line_naming_the_file(
    document: bytes, reason: str
) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(document, "data.json")
    message = str(caught.value)
    assert message.startswith("data.json: ")
    assert reason in message
    assert "\n" not in message
