"""CSV with a header row: forgiving header names, delimiters, start/end/duration forms."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from confnote.schedule import ParsedSchedule, ScheduleError, parse_schedule

FIXTURES = Path(__file__).parent / "fixtures"


def _parse(text: str, default_zone: str = "UTC") -> ParsedSchedule:
    return parse_schedule(text.encode(), "talks.csv", default_zone=default_zone)


def test_the_fixture_table_reads_offsets_naive_times_minutes_and_h_mm() -> None:
    schedule = parse_schedule(
        (FIXTURES / "tinycon.csv").read_bytes(), "tinycon.csv", default_zone="Europe/Berlin"
    )
    first, late = schedule.talks
    assert (first.starts_at, first.duration) == (
        datetime(2025, 6, 14, 8, 0, tzinfo=UTC),
        timedelta(minutes=45),
    )
    assert first.speakers == ("Ada Lovelace", "Grace Hopper")
    assert (first.room, first.track) == ("Main Hall", "Plenary")
    assert (late.starts_at, late.duration) == (
        datetime(2025, 6, 14, 23, 30, tzinfo=UTC),
        timedelta(hours=1),
    )
    assert schedule.format == "csv"
    assert schedule.title == "tinycon"
    assert schedule.time_zone == "Europe/Berlin"
    assert schedule.warnings == ("times without an offset read as Europe/Berlin",)


def test_header_names_are_matched_ignoring_case_spaces_and_underscores() -> None:
    text = (
        "TALK_TITLE;Start Time;End Time;LOCATION;Speaker Names;Session Type;ID\n"
        "Closing;2024-03-01T17:00:00Z;2024-03-01T17:20:00Z;Hall A;Bo Chen;Keynote;k1\n"
    )
    talk = _parse(text).talks[0]
    assert (talk.key, talk.title, talk.room, talk.kind) == ("k1", "Closing", "Hall A", "keynote")
    assert talk.duration == timedelta(minutes=20)
    assert talk.speakers == ("Bo Chen",)


def test_tab_separated_with_separate_date_and_time_columns_and_an_end_time() -> None:
    text = "title\tdate\ttime\tend\troom\nLate one\t2024-03-01\t23:30\t00:15\tB\n"
    talk = _parse(text, default_zone="Europe/Vienna").talks[0]
    assert talk.starts_at == datetime(2024, 3, 1, 22, 30, tzinfo=UTC)
    assert talk.duration == timedelta(minutes=45)


def test_a_byte_order_mark_and_quoted_fields_with_commas_are_handled() -> None:
    text = (
        "\ufefftitle,start,duration,speakers,abstract\n"
        '"Hello, world",2024-03-01 10:00+01:00,1:30,"Ann Lee, Bo Chen",<p>Hi <b>all</b></p>\n'
    )
    talk = _parse(text).talks[0]
    assert talk.title == "Hello, world"
    assert talk.speakers == ("Ann Lee", "Bo Chen")
    assert talk.duration == timedelta(minutes=90)
    assert talk.abstract == "Hi **all**"


def test_without_end_or_duration_columns_talks_last_thirty_minutes_with_one_warning() -> None:
    schedule = _parse("title,start\nA,2024-03-01T10:00Z\nB,2024-03-01T11:00Z\n")
    assert [talk.duration for talk in schedule.talks] == [timedelta(minutes=30)] * 2
    assert schedule.warnings == ("header: no end or duration column; every talk lasts 30 minutes",)


def test_bad_rows_are_warnings_with_their_line_and_good_rows_still_read() -> None:
    text = (
        "title,start,duration\n"
        "Good,2024-03-01T10:00Z,20\n"
        "Bad start,next tuesday,20\n"
        ",2024-03-01T11:00Z,20\n"
        "Bad duration,2024-03-01T12:00Z,a while\n"
        "\n"
        "Also good,2024-03-01T13:00Z,45 min\n"
    )
    schedule = _parse(text)
    assert [talk.title for talk in schedule.talks] == ["Good", "Bad duration", "Also good"]
    assert schedule.talks[2].duration == timedelta(minutes=45)
    assert schedule.warnings == (
        "line 3: skipped: start 'next tuesday' not understood",
        "line 4: skipped: no title",
        "line 5: duration 'a while' not understood; assuming 30 minutes",
    )


def test_rows_without_ids_get_stable_keys_from_title_start_and_room() -> None:
    text = "title,start,duration,room\nA,2024-03-01T10:00Z,20,X\n"
    first, again = _parse(text).talks[0], _parse(text).talks[0]
    assert first.key == again.key
    assert first.key.startswith("auto:")


def test_a_table_without_title_and_start_columns_is_not_a_schedule() -> None:
    with pytest.raises(ScheduleError, match=r"^talks\.csv: not a schedule: unrecognised content"):
        _parse("name,email\nAnn,ann@example.org\n")
