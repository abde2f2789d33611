"""Programme days: the days a schedule declares, else a boundary that keeps the night with
the day before; the store, the CLI and the app count the same days."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from confnote import agenda
from confnote.cli import main
from confnote.schedule import parse_schedule
from confnote.store import Store
from tests.helpers import talk_details

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "schedules"
BERLIN = ZoneInfo("Europe/Berlin")

CONGRESS_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<schedule><version>1</version>
<conference><acronym>congress</acronym><title>Congress</title>
<time_zone_name>Europe/Berlin</time_zone_name></conference>
<day index="1" date="2024-12-27" start="2024-12-27T10:00:00+01:00" end="2024-12-28T06:00:00+01:00">
<room name="Saal 1">
<event guid="a"><date>2024-12-27T11:00:00+01:00</date><duration>00:30</duration>
<title>Opening</title><type>Talk</type></event>
<event guid="b"><date>2024-12-28T04:30:00+01:00</date><duration>01:00</duration>
<title>Late night set</title><type>Talk</type></event>
</room></day>
<day index="2" date="2024-12-28" start="2024-12-28T06:00:00+01:00" end="2024-12-28T20:00:00+01:00">
<room name="Saal 1">
<event guid="c"><date>2024-12-28T11:00:00+01:00</date><duration>00:30</duration>
<title>Day two</title><type>Talk</type></event>
</room></day>
</schedule>
"""


def congress_json() -> bytes:
    def event(guid: str, start: str, title: str) -> dict[str, object]:
        return {"guid": guid, "date": start, "duration": "00:30", "title": title, "room": "A"}

    days = [
        {
            "index": 1,
            "date": "2024-12-27",
            "day_start": "2024-12-27T10:00:00+01:00",
            "day_end": "2024-12-28T06:00:00+01:00",
            "rooms": {"A": [event("a", "2024-12-28T05:00:00+01:00", "Dawn talk")]},
        },
        {
            "index": 2,
            "date": "2024-12-28",
            "day_start": "2024-12-28T06:00:00+01:00",
            "day_end": "2024-12-29T06:00:00+01:00",
            "rooms": {"A": [event("b", "2024-12-28T10:00:00+01:00", "Morning talk")]},
        },
    ]
    conference = {"title": "Congress", "acronym": "congress", "time_zone_name": "Europe/Berlin"}
    document = {"schedule": {"version": "1", "conference": {**conference, "days": days}}}
    return json.dumps(document).encode()


def test_a_frab_file_declares_its_days_and_a_talk_after_4_am_stays_on_the_night_before(
    store: Store,
) -> None:
    parsed = parse_schedule(CONGRESS_XML, "congress.xml")
    assert len(parsed.days) == 2
    conference = store.import_schedule(parsed, source="congress.xml").conference
    assert store.conference_days(conference.id) == [date(2024, 12, 27), date(2024, 12, 28)]
    day_one = store.talks_on_day(conference.id, date(2024, 12, 27))
    assert [talk.title for talk in day_one] == ["Opening", "Late night set"]


def test_a_schedule_json_declares_its_days_with_day_start_and_day_end(store: Store) -> None:
    parsed = parse_schedule(congress_json(), "congress.json")
    conference = store.import_schedule(parsed, source="congress.json").conference
    days = store.programme_days(conference.id)
    titles = {talk.title: days.day_of(talk.starts_at) for talk in store.list_talks(conference.id)}
    assert titles == {"Dawn talk": date(2024, 12, 27), "Morning talk": date(2024, 12, 28)}


def test_without_declared_days_a_night_running_past_4_am_stays_with_the_day_before(
    store: Store,
) -> None:
    conference = store.create_conference("Night owls", time_zone="Europe/Berlin")
    for day in (27, 28):
        for hour in (10, 12, 14, 16, 18, 20, 22, 1, 4, 5):
            night = day + 1 if hour < 10 else day
            start = f"2024-12-{night}T{hour:02d}:00:00+01:00"
            store.add_talk(conference.id, talk_details(f"{day}-{hour}", f"At {hour}", start))
    days = store.conference_days(conference.id)
    assert days == [date(2024, 12, 27), date(2024, 12, 28)]
    assert len(store.talks_on_day(conference.id, date(2024, 12, 27))) == 10


def test_a_daytime_conference_keeps_the_4_am_boundary() -> None:
    starts = [datetime(2025, 5, 17, hour, tzinfo=BERLIN) for hour in (9, 11, 14, 17)]
    assert agenda.quiet_boundary(starts, BERLIN) == time(4, 0)
    assert agenda.quiet_boundary([], UTC) == time(4, 0)


def test_conferences_prints_the_same_days_as_the_app_and_counts_one_talk_as_talk(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db_path) as store:
        parsed = parse_schedule(CONGRESS_XML, "congress.xml")
        conference = store.import_schedule(parsed, source="congress.xml").conference
        solo = store.create_conference("Solo", time_zone="Europe/Berlin")
        store.add_talk(solo.id, talk_details("s", "Only talk", "2025-05-17T09:00:00+02:00"))
        first, *_, last = store.conference_days(conference.id)
    assert main(["--db", str(db_path), "conferences"]) == 0
    out = capsys.readouterr().out
    assert f"{first.isoformat()} to {last.isoformat()}  3 talks" in out
    assert "2025-05-17  1 talk\n" in out


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is absent")
def test_38c3_day_one_holds_the_245_talks_its_file_puts_there(store: Store) -> None:
    source = SAMPLES / "38c3-2025-12-06.xml"
    parsed = parse_schedule(source.read_bytes(), str(source))
    conference = store.import_schedule(parsed, source=str(source)).conference
    days = store.programme_days(conference.id)
    counts = Counter(days.day_of(talk.starts_at) for talk in store.list_talks(conference.id))
    assert [counts[day] for day in sorted(counts)] == [245, 320, 306, 136]
    assert len(store.talks_on_day(conference.id, date(2024, 12, 27))) == 245
