"""iCalendar: time zones with and without VTIMEZONE, ends, line endings, speakers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from confnote.schedule import ParsedSchedule, ScheduleError, parse_schedule

FIXTURES = Path(__file__).parent / "fixtures"


def _calendar(*events: str, header: str = "", end: str = "\r\n") -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//tests//EN"]
    lines += [line for line in header.splitlines() if line]
    for event in events:
        lines += ["BEGIN:VEVENT", *event.strip().splitlines(), "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return (end.join(lines) + end).encode()


def _parse(data: bytes, default_zone: str = "UTC") -> ParsedSchedule:
    return parse_schedule(data, "talks.ics", default_zone=default_zone)


def _event(*extra: str, uid: str = "1@test", summary: str = "A talk") -> str:
    return "\n".join((f"UID:{uid}", f"SUMMARY:{summary}", *extra))


def test_tzid_without_vtimezone_is_looked_up_as_an_iana_zone() -> None:
    data = _calendar(
        _event(
            "DTSTART;TZID=Europe/Paris:20220517T140000", "DTEND;TZID=Europe/Paris:20220517T160000"
        )
    )
    schedule = _parse(data)
    assert schedule.talks[0].starts_at == datetime(2022, 5, 17, 12, 0, tzinfo=UTC)
    assert schedule.talks[0].duration == timedelta(hours=2)
    assert schedule.time_zone == "Europe/Paris"
    assert schedule.warnings == ()


def test_tzid_naming_a_bare_city_is_resolved_too() -> None:
    data = _calendar(_event("DTSTART;TZID=Berlin:20240101T100000", "DURATION:PT30M"))
    assert _parse(data).talks[0].starts_at == datetime(2024, 1, 1, 9, 0, tzinfo=UTC)


def test_floating_times_are_in_the_calendars_x_wr_timezone() -> None:
    data = _calendar(
        _event("DTSTART:20200115T090000", "DTEND:20200115T091000"),
        header="X-WR-TIMEZONE:Australia/Brisbane",
    )
    schedule = _parse(data)
    assert schedule.talks[0].starts_at == datetime(2020, 1, 14, 23, 0, tzinfo=UTC)
    assert schedule.time_zone == "Australia/Brisbane"
    assert schedule.warnings == ()


def test_floating_times_without_x_wr_timezone_use_the_default_zone_and_warn() -> None:
    data = _calendar(_event("DTSTART:20240101T100000", "DTEND:20240101T103000"))
    schedule = _parse(data, default_zone="Europe/Lisbon")
    assert schedule.talks[0].starts_at == datetime(2024, 1, 1, 10, 0, tzinfo=UTC)
    assert schedule.warnings == (
        "calendar: floating times without X-WR-TIMEZONE read as Europe/Lisbon",
    )


def test_utc_times_stay_utc() -> None:
    data = _calendar(_event("DTSTART:20250614T233000Z", "DTEND:20250615T003000Z"))
    schedule = _parse(data)
    assert schedule.talks[0].starts_at == datetime(2025, 6, 14, 23, 30, tzinfo=UTC)
    assert schedule.time_zone == "UTC"


def test_duration_stands_in_for_dtend() -> None:
    data = _calendar(_event("DTSTART:20240101T100000Z", "DURATION:PT1H15M"))
    assert _parse(data).talks[0].duration == timedelta(minutes=75)


def test_an_event_without_end_or_duration_lasts_thirty_minutes_with_a_warning() -> None:
    schedule = _parse(_calendar(_event("DTSTART:20240101T100000Z")))
    assert schedule.talks[0].duration == timedelta(minutes=30)
    assert schedule.warnings == ("event 1@test: no usable duration; assuming 30 minutes",)


def test_cr_cr_lf_line_endings_and_a_fold_inside_a_utf8_character_read_cleanly() -> None:
    raw = (
        "BEGIN:VCALENDAR\r\r\nVERSION:2.0\r\r\nBEGIN:VEVENT\r\r\nUID:p1@jres\r\r\n"
        "DTSTART;TZID=Europe/Paris:20220517T110000\r\r\nDTEND;TZID=Europe/Paris:20220517T1230"
        "00\r\r\nSUMMARY;CHARSET=UTF-8;ENCODING=8BIT:Amphithéâtre\r\r\n"
        "DESCRIPTION;CHARSET=UTF-8;ENCODING=8BIT:syst\u00e8mes d\u2019exploitation\\, enfin\r\r\n"
        "END:VEVENT\r\r\nEND:VCALENDAR\r\r\n"
    ).encode()
    cut = raw.index("\u2019".encode()) + 1  # fold between the bytes of one character
    data = raw[:cut] + b"\r\r\n " + raw[cut:]
    talk = _parse(data).talks[0]
    assert talk.title == "Amphithéâtre"
    assert talk.abstract == "systèmes d\u2019exploitation, enfin"
    assert talk.starts_at == datetime(2022, 5, 17, 9, 0, tzinfo=UTC)


def test_bare_lf_and_bare_cr_line_endings_are_accepted() -> None:
    event = _event("DTSTART:20240101T100000Z", "DURATION:PT30M")
    for end in ("\n", "\r"):
        assert len(_parse(_calendar(event, end=end)).talks) == 1


def test_lowercase_begin_and_a_byte_order_mark_are_recognised() -> None:
    data = b"\xef\xbb\xbf" + _calendar(_event("DTSTART:20240101T100000Z")).replace(
        b"BEGIN:VCALENDAR", b"begin:vcalendar", 1
    )
    assert _parse(data).talks[0].title == "A talk"


def test_attendee_names_are_the_speakers_and_are_cut_from_the_summary() -> None:
    data = _calendar(
        _event(
            "DTSTART:20240101T100000Z",
            'ATTENDEE;CUTYPE=INDIVIDUAL;CN="Jane Doe":invalid:nomail',
            "ATTENDEE;CN=Kim Lee:mailto:kim@example.org",
            summary="Packaging Python - Jane Doe\\, Kim Lee",
        )
    )
    talk = _parse(data).talks[0]
    assert (talk.title, talk.speakers) == ("Packaging Python", ("Jane Doe", "Kim Lee"))


@pytest.mark.parametrize(
    ("summary", "title", "speakers"),
    [
        ("Packaging Python - Jane Doe & Kim Lee", "Packaging Python", ("Jane Doe", "Kim Lee")),
        ("Python - the good parts", "Python - the good parts", ()),
        ("Python - The Good Parts", "Python - The Good Parts", ()),
        ("Kubernetes - Deep Dive", "Kubernetes - Deep Dive", ()),
        ("Intro - Part 2", "Intro - Part 2", ()),
        ("182 - Numérique : Enjeux", "182 - Numérique : Enjeux", ()),
        ("Rust in the kernel - Miguel Ojeda", "Rust in the kernel", ("Miguel Ojeda",)),
        ("Gardening (talk by Ann van Berg)", "Gardening", ("Ann van Berg",)),
    ],
)
def test_title_dash_speaker_in_summary_splits_only_when_the_tail_reads_as_names(
    summary: str, title: str, speakers: tuple[str, ...]
) -> None:
    talk = _parse(_calendar(_event("DTSTART:20240101T100000Z", summary=summary))).talks[0]
    assert (talk.title, talk.speakers) == (title, speakers)


def test_pretalx_calendars_split_single_word_speaker_handles_too() -> None:
    data = _calendar(_event("DTSTART:20240101T100000Z", summary="Opening - Lilith")).replace(
        b"PRODID:-//tests//EN", b"PRODID:-//pretalx//pretalx.example//democon"
    )
    talk = _parse(data).talks[0]
    assert (talk.title, talk.speakers) == ("Opening", ("Lilith",))


def test_speaker_line_in_the_description_gives_speakers_and_leaves_the_rest() -> None:
    data = _calendar(
        _event("DTSTART:20240101T100000Z", "DESCRIPTION:Speaker: Joel Addison\\nOpening remarks")
    )
    talk = _parse(data).talks[0]
    assert (talk.speakers, talk.abstract) == (("Joel Addison",), "Opening remarks")


def test_description_without_a_marker_gives_no_speakers() -> None:
    data = _calendar(
        _event("DTSTART:20240101T100000Z", "DESCRIPTION:Alistair Francis and Hugh talk.")
    )
    assert _parse(data).talks[0].speakers == ()


def test_html_description_becomes_markdown() -> None:
    data = _calendar(
        _event(
            "DTSTART:20240101T100000Z",
            'DESCRIPTION:<p><a href="https://x.example/">Breakfast</a>\\, sponsored</p>'
            "\\n<p><em>Tickets only.</em></p>",
        )
    )
    assert _parse(data).talks[0].abstract == (
        "[Breakfast](https://x.example/), sponsored\n\n*Tickets only.*"
    )


def test_uid_is_the_key_and_repeated_uids_get_numbered() -> None:
    event = _event("DTSTART:20240101T100000Z", uid="dup@x")
    schedule = _parse(_calendar(event, event))
    assert [talk.key for talk in schedule.talks] == ["dup@x", "dup@x#2"]
    assert len(schedule.warnings) == 3  # two default durations, one repeated key


def test_all_day_event_starts_at_midnight_and_lasts_a_day() -> None:
    data = _calendar(_event("DTSTART;VALUE=DATE:20240101"), header="X-WR-TIMEZONE:UTC")
    talk = _parse(data).talks[0]
    assert talk.starts_at == datetime(2024, 1, 1, tzinfo=UTC)
    assert (talk.duration, talk.kind) == (timedelta(days=1), "other")


def test_events_without_start_or_with_a_broken_start_are_skipped_with_a_warning() -> None:
    schedule = _parse(
        _calendar(
            _event(uid="none"),
            _event("DTSTART:2024", uid="broken"),
            _event("DTSTART:20240101T100000Z", "DURATION:PT5M", uid="fine"),
        )
    )
    assert [talk.key for talk in schedule.talks] == ["fine"]
    assert schedule.warnings == (
        "event none: skipped: no start time",
        "event broken: skipped: DTSTART not understood",
    )


def test_location_url_and_category_fill_room_url_and_track() -> None:
    data = _calendar(
        _event(
            "DTSTART:20240101T100000Z",
            "LOCATION:Room 5",
            "URL:https://x.example/talk/1",
            "CATEGORIES:Keynote,Plenary",
        )
    )
    talk = _parse(data).talks[0]
    assert (talk.room, talk.url, talk.track, talk.kind) == (
        "Room 5",
        "https://x.example/talk/1",
        "Keynote",
        "keynote",
    )


def test_the_fixture_calendar_reads_like_the_other_formats() -> None:
    schedule = _parse((FIXTURES / "tinycon.ics").read_bytes())
    assert schedule.title == "Tinycon 2025"
    assert [talk.starts_at for talk in schedule.talks] == [
        datetime(2025, 6, 14, 8, 0, tzinfo=UTC),
        datetime(2025, 6, 14, 23, 30, tzinfo=UTC),
    ]
    assert schedule.talks[0].abstract == "Hello *small* world."
    assert schedule.starts_on == date(2025, 6, 14)


@pytest.mark.parametrize(
    "data",
    [b"BEGIN:VCALENDAR\nfoo", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n"],
)
def test_broken_calendar_is_one_line_naming_the_file(data: bytes) -> None:
    with pytest.raises(ScheduleError, match=r"^talks\.ics: broken iCalendar: [^\n]+$"):
        _parse(data)


def test_an_event_with_an_empty_summary_is_kept_as_untitled_with_a_warning() -> None:
    slot = ("DTSTART:20150919T100000Z", "DURATION:PT30M")
    data = _calendar(_event(*slot, uid="blank@test", summary=""), _event(*slot, uid="no@test"))
    data = data.replace(b"SUMMARY:A talk", b"SUMMARY:  ")
    schedule = _parse(data)
    assert [talk.title for talk in schedule.talks] == ["(untitled)", "(untitled)"]
    assert schedule.warnings == (
        "event blank@test: no SUMMARY; kept as “(untitled)”",
        "event no@test: no SUMMARY; kept as “(untitled)”",
    )
