"""Sources that would hang a reader: a fifo without a writer, a server that dribbles."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from confnote.schedule import ScheduleError
from confnote.schedule.fetch import fetch_schedule
from confnote.schedule.source import read_schedule
from tests.hostile_server import hostile_server


@pytest.fixture
def dribbling_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("no_proxy", "*")
    with hostile_server() as url:
        yield url


@pytest.mark.parametrize("path", ["/body", "/headers"])
def test_a_server_sending_a_byte_a_second_fails_by_the_overall_deadline(
    dribbling_url: str, path: str
) -> None:
    started = time.monotonic()
    with pytest.raises(ScheduleError) as caught:
        fetch_schedule(dribbling_url + path, deadline=2.0)
    took = time.monotonic() - started
    assert took < 4.0, f"took {took:.1f} s past a 2 s deadline"
    assert str(caught.value) == f"{dribbling_url}{path}: cannot fetch: not complete within 2 s"


def test_a_fifo_is_refused_at_once_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "schedule.xml"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(ScheduleError) as caught:
        read_schedule(str(fifo))
    assert time.monotonic() - started < 1.0
    assert str(caught.value) == f"{fifo}: not a regular file (a fifo); not read"


def test_a_device_is_refused_without_reading_it() -> None:
    with pytest.raises(ScheduleError) as caught:
        read_schedule("/dev/zero")
    assert str(caught.value) == "/dev/zero: not a regular file (a device); not read"
