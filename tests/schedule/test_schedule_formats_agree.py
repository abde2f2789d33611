"""One synthetic conference, written as frab XML and as schedule.json, reads the same."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from confnote.schedule import ParsedSchedule, TalkDetails, parse_schedule

FIXTURES = Path(__file__).parent / "fixtures"


def _xml() -> ParsedSchedule:
    return parse_schedule((FIXTURES / "tinycon.xml").read_bytes(), "tinycon.xml")


def _json() -> ParsedSchedule:
    return parse_schedule((FIXTURES / "tinycon.json").read_bytes(), "tinycon.json")


def test_frab_xml_and_schedule_json_of_one_conference_give_identical_talks() -> None:
    assert _xml().talks == _json().talks
    assert len(_xml().talks) == 4


def test_frab_xml_and_schedule_json_agree_on_the_conference() -> None:
    xml, json = _xml(), _json()
    assert (xml.format, json.format) == ("frab-xml", "c3voc-json")
    for schedule in (xml, json):
        assert schedule.title == "Tinycon 2025"
        assert schedule.slug == "tinycon2025"
        assert schedule.time_zone == "Europe/Berlin"
        assert schedule.url == "https://tinycon.example/2025/"
        assert schedule.version == "v1.2"
        assert (schedule.starts_on, schedule.ends_on) == (date(2025, 6, 14), date(2025, 6, 15))


def test_the_keynote_reads_with_every_field() -> None:
    assert _xml().talks[0] == TalkDetails(
        key="6f1c1f55-0000-4000-8000-000000000001",
        title="Opening Keynote",
        starts_at=datetime(2025, 6, 14, 8, 0, tzinfo=UTC),
        duration=timedelta(minutes=45),
        subtitle="Why small is beautiful",
        abstract="Hello *small* world.\n\nMore.",
        kind="keynote",
        track="Plenary",
        room="Main Hall",
        url="https://tinycon.example/2025/talk/KEYN01/",
        slides_url="https://tinycon.example/files/keynote.pdf",
        video_url="https://media.example/tinycon/keynote.webm",
        speakers=("Ada Lovelace", "Grace Hopper"),
    )


def test_keys_prefer_guid_then_code_then_id_and_repeats_get_a_suffix() -> None:
    schedule = _xml()
    assert [talk.key for talk in schedule.talks] == [
        "6f1c1f55-0000-4000-8000-000000000001",
        "LATE02",
        "13",
        "13#2",
    ]
    assert len(schedule.warnings) == 1
    assert "event 13 (day 2)" in schedule.warnings[0]
    assert "repeats" in schedule.warnings[0]


def test_a_talk_written_in_utc_among_local_offsets_keeps_its_instant() -> None:
    late = _json().talks[1]
    assert late.starts_at == datetime(2025, 6, 14, 23, 30, tzinfo=UTC)
    assert late.kind == "workshop"
    assert late.abstract == "Bring a laptop.\n\nReally."
