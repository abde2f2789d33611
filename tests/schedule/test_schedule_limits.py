"""Limits a user can reach (file size, events per file) are refused in one line, early."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from confnote.schedule import ScheduleError, parse_schedule
from confnote.schedule.limits import MAX_BYTES, MAX_EVENTS
from confnote.schedule.source import read_schedule
from tests.schedule_files import Event, frab_xml


def _ics(events: int) -> bytes:
    one = (
        "BEGIN:VEVENT\r\nUID:u{n}\r\nDTSTART:20250517T090000Z\r\nDURATION:PT30M\r\n"
        "SUMMARY:Talk {n}\r\nEND:VEVENT\r\n"
    )
    body = "".join(one.format(n=n) for n in range(events))
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//\r\n{body}END:VCALENDAR\r\n".encode()


def _csv(events: int) -> bytes:
    rows = "".join(f"Talk {n},2025-05-17T09:00:00+02:00\n" for n in range(events))
    return f"title,start\n{rows}".encode()


def _xml(events: int) -> bytes:
    return frab_xml(
        [Event(f"g{n}", f"Talk {n}", "2025-05-17T09:00:00+02:00") for n in range(events)]
    )


@pytest.mark.parametrize("build", [_xml, _ics, _csv], ids=["xml", "ics", "csv"])
def test_a_file_with_more_events_than_the_limit_is_refused_in_one_line(build: object) -> None:
    assert callable(build)
    data = build(MAX_EVENTS + 1)
    started = time.perf_counter()
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(data, "huge")
    assert str(caught.value) == (
        f"huge: {MAX_EVENTS + 1} events; confnote reads at most {MAX_EVENTS} from one file"
    )
    assert time.perf_counter() - started < 5


def test_a_file_at_the_event_limit_is_read() -> None:
    assert len(parse_schedule(_csv(MAX_EVENTS), "full.csv").talks) == MAX_EVENTS


def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    with big.open("wb") as stream:
        stream.truncate(MAX_BYTES + 1)  # sparse: costs no disk and no time
    with pytest.raises(ScheduleError) as caught:
        read_schedule(str(big))
    megabytes = MAX_BYTES // (1024 * 1024)
    assert str(caught.value) == (
        f"{big}: 32.0 MB; confnote reads schedule files of at most {megabytes} MB"
    )
