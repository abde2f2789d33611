"""Sources that would hang a reader: a fifo without a writer, a server that dribbles."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import pytest

from confnote.schedule import ScheduleError
from confnote.schedule.fetch import fetch_schedule
from confnote.schedule.source import read_schedule
from tests.helpers import loopback_server

# The slow server gives up by itself after this long, so no test can hang on it.
SERVER_LIMIT_S = 12.0


class _DribblingHandler(BaseHTTPRequestHandler):
    """Sends one byte a second: of the body (``/body``) or of the headers (``/headers``)."""

    stop: ClassVar[threading.Event] = threading.Event()

    def do_GET(self) -> None:
        payload = b"<schedule>" + b" " * 100
        if self.path == "/headers":
            self._dribble(b"HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nX-Padding: " + b"x" * 100)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.flush()
        self._dribble(payload)

    def _dribble(self, data: bytes) -> None:
        ends = time.monotonic() + SERVER_LIMIT_S
        for byte in data:
            if self.stop.is_set() or time.monotonic() > ends:
                return
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:
                return
            self.stop.wait(1.0)

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""


@pytest.fixture
def dribbling_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("no_proxy", "*")
    _DribblingHandler.stop = threading.Event()
    with loopback_server(_DribblingHandler) as url:
        try:
            yield url
        finally:
            _DribblingHandler.stop.set()


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
