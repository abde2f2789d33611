"""`confnote export ics`: stable UIDs, zones calendar apps understand, and a file that the
schedule importer reads back into the same talks at the same instants."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from confnote.cli import main
from confnote.export.calendar import calendar_bytes
from confnote.schedule import parse_schedule
from confnote.schedule.model import TalkDetails
from confnote.store import Conference, Store
from confnote.store.records import Talk
from tests.export.conftest import Recap


def same_fields(talk: Talk | TalkDetails) -> tuple[object, ...]:
    return (
        talk.key,
        talk.title,
        talk.speakers,
        talk.starts_at.astimezone(UTC),
        talk.duration,
        talk.room,
        talk.track,
        talk.url,
        talk.abstract,
    )


def test_the_calendar_reads_back_as_the_same_talks(store: Store, recap: Recap) -> None:
    talks = store.list_talks(recap.conference.id)
    parsed = parse_schedule(calendar_bytes(recap.conference, talks), "recap.ics")
    assert parsed.title == "ExampleConf 2025"
    assert parsed.time_zone == "Europe/Brussels"
    assert [same_fields(t) for t in parsed.talks] == [same_fields(t) for t in talks]
    assert parsed.warnings == ()


def test_times_carry_the_conference_zone_and_its_vtimezone(store: Store, recap: Recap) -> None:
    data = calendar_bytes(recap.conference, store.list_talks(recap.conference.id))
    calendar = Calendar.from_ical(data)
    [timezone] = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/Brussels"
    first = calendar.walk("VEVENT")[0]
    assert b"DTSTART;TZID=Europe/Brussels:20250517T090000" in data
    assert first.decoded("DTSTART") == datetime(2025, 5, 17, 9, tzinfo=ZoneInfo("Europe/Brussels"))


def test_a_utc_conference_writes_utc_times_without_vtimezone(store: Store) -> None:
    conference = store.create_conference("Online Conf", time_zone="UTC")
    talk = store.add_talk(
        conference.id,
        TalkDetails("k1", "Remote", datetime(2025, 3, 1, 17, tzinfo=UTC), timedelta(hours=1)),
    )
    data = calendar_bytes(conference, [talk])
    assert b"DTSTART:20250301T170000Z" in data and b"VTIMEZONE" not in data


def test_uids_stay_the_same_across_exports(store: Store, recap: Recap) -> None:
    talks = store.list_talks(recap.conference.id)

    def uids(stamp: datetime) -> list[str]:
        calendar = Calendar.from_ical(calendar_bytes(recap.conference, talks, stamp=stamp))
        return [str(event["UID"]) for event in calendar.walk("VEVENT")]

    first = uids(datetime(2025, 5, 1, tzinfo=UTC))
    assert first == uids(datetime(2025, 6, 1, tzinfo=UTC))
    assert first[0] == "typing@exampleconf-2025.confnote"
    assert len(set(first)) == len(talks)


def test_a_cancelled_talk_is_marked_cancelled(store: Store, recap: Recap) -> None:
    talk = store.list_talks(recap.conference.id)[0]
    cancelled = Talk(**{**{f: getattr(talk, f) for f in talk.__slots__}, "cancelled": True})
    calendar = Calendar.from_ical(calendar_bytes(recap.conference, [cancelled]))
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"


def test_cli_exports_the_starred_talks_and_imports_them_back(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.export.conftest import build_recap

    with Store.open(db_path) as store:
        recap = build_recap(store)
    out = tmp_path / "starred.ics"
    db = ["--db", str(db_path)]
    assert main([*db, "export", "ics", "exampleconf-2025", "--starred", "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"wrote {out} (1 talk)\n"
    assert main([*db, "export", "ics", "exampleconf-2025", "-o", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main([*db, "import", "schedule", str(out), "--new"]) == 0
    with Store.open(db_path) as store:
        conferences = store.list_conferences()
        copy = next(c for c in conferences if c.id != recap.conference.id)
        [talk] = store.list_talks(copy.id)
        assert same_fields(talk) == same_fields(recap.typing)


_words = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N")), min_size=1, max_size=8
)
_title = st.lists(
    st.one_of(_words, st.sampled_from([":", "-", "—", ";", ",", '"', "#", "Speaker:", "by"])),
    min_size=1,
    max_size=6,
).map(" ".join)
# Names may hold what other calendars separate names by: "Tim & Struppi", "Jyn, Luce".
_name = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(categories=("Lu", "Ll")), min_size=2, max_size=8),
        st.sampled_from(["&", ",", "und", "and", "Speaker:"]),
    ),
    min_size=1,
    max_size=3,
).map(" ".join)
_plain_text = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), max_size=30
).map(lambda text: " ".join(text.split()))


@st.composite
def programmes(draw: st.DrawFn) -> tuple[str, list[TalkDetails]]:
    zone = draw(st.sampled_from(["UTC", "Europe/Brussels", "America/New_York", "Asia/Kolkata"]))
    base = datetime(2025, 3, 29, 8, tzinfo=UTC)  # across Europe's DST change
    talks = []
    for number in range(draw(st.integers(1, 5))):
        speakers = draw(st.lists(_name, max_size=3, unique_by=str.casefold))
        talks.append(
            TalkDetails(
                key=f"talk-{number}",
                title=draw(_title),
                starts_at=base + timedelta(minutes=draw(st.integers(0, 3 * 24 * 60))),
                duration=timedelta(minutes=draw(st.integers(0, 180))),
                abstract=draw(_plain_text),
                room=draw(_plain_text),
                track=draw(_plain_text.filter(lambda text: "," not in text)),
                url=draw(st.sampled_from(["", "https://example.org/t?a=1,b;c"])),
                speakers=tuple(speakers),
            )
        )
    return zone, talks


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programmes())
def test_any_programme_reads_back_as_the_same_talks_and_instants(
    programme: tuple[str, list[TalkDetails]],
) -> None:
    zone, talks = programme
    conference = Conference(1, "Fuzz Conf", "fuzz-conf", zone)
    records = [
        Talk(
            id=number,
            conference_id=1,
            key=talk.key,
            title=talk.title,
            starts_at=talk.starts_at,
            duration=talk.duration,
            abstract=talk.abstract,
            room=talk.room,
            track=talk.track,
            url=talk.url,
            speakers=talk.speakers,
        )
        for number, talk in enumerate(talks, start=1)
    ]
    parsed = parse_schedule(calendar_bytes(conference, records), "fuzz.ics")
    assert [same_fields(t) for t in parsed.talks] == [same_fields(t) for t in records]


def test_a_talk_across_the_clock_change_keeps_its_length(store: Store) -> None:
    conference = store.create_conference("Night Conf", time_zone="Europe/Brussels")
    start = datetime(2025, 3, 30, 1, 30, tzinfo=ZoneInfo("Europe/Brussels"))
    talk = store.add_talk(conference.id, TalkDetails("n", "Night", start, timedelta(hours=1)))
    [parsed] = parse_schedule(calendar_bytes(conference, [talk]), "night.ics").talks
    assert parsed.duration == timedelta(hours=1)
    assert parsed.ends_at.astimezone(UTC) == datetime(2025, 3, 30, 1, 30, tzinfo=UTC)
