"""fetch_schedule against a loopback HTTP server: validators, 304, errors."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from confnote.schedule import ScheduleError, parse_schedule
from confnote.schedule.fetch import fetch_schedule
from tests.helpers import loopback_server

BODY = (Path(__file__).parent / "fixtures" / "tinycon.xml").read_bytes()
ETAG = '"tinycon-v1"'
LAST_MODIFIED = "Sat, 14 Jun 2025 08:00:00 GMT"


class _ScheduleHandler(BaseHTTPRequestHandler):
    requests: ClassVar[list[dict[str, str]]] = []

    def do_GET(self) -> None:
        type(self).requests.append(dict(self.headers.items()))
        if self.path == "/schedule.xml":
            self._serve_schedule()
        elif self.path == "/schedule.xml.gz":
            self._send(200, gzip.compress(BODY), {"Content-Encoding": "gzip"})
        elif self.path == "/moved":
            self._send(301, b"", {"Location": "/schedule.xml"})
        else:
            self._send(404, b"no such schedule", {})

    def _serve_schedule(self) -> None:
        fresh = (
            self.headers.get("If-None-Match") == ETAG
            or self.headers.get("If-Modified-Since") == LAST_MODIFIED
        )
        validators = {"ETag": ETAG, "Last-Modified": LAST_MODIFIED}
        self._send(304, b"", validators) if fresh else self._send(200, BODY, validators)

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and status != 304:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""


@pytest.fixture
def base_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("no_proxy", "*")
    _ScheduleHandler.requests = []
    with loopback_server(_ScheduleHandler) as url:
        yield url


def test_first_fetch_returns_the_body_and_its_validators(base_url: str) -> None:
    result = fetch_schedule(f"{base_url}/schedule.xml", timeout=5)
    assert (result.body, result.not_modified) == (BODY, False)
    assert (result.etag, result.last_modified) == (ETAG, LAST_MODIFIED)
    assert parse_schedule(result.body, result.url).title == "Tinycon 2025"


def test_second_fetch_with_the_validators_is_not_modified(base_url: str) -> None:
    first = fetch_schedule(f"{base_url}/schedule.xml", timeout=5)
    again = fetch_schedule(
        f"{base_url}/schedule.xml",
        etag=first.etag,
        last_modified=first.last_modified,
        timeout=5,
    )
    assert (again.not_modified, again.body) == (True, b"")
    assert (again.etag, again.last_modified) == (ETAG, LAST_MODIFIED)
    sent = _ScheduleHandler.requests[-1]
    assert sent["If-None-Match"] == ETAG
    assert sent["If-Modified-Since"] == LAST_MODIFIED


def test_gzip_content_encoding_is_unpacked(base_url: str) -> None:
    assert fetch_schedule(f"{base_url}/schedule.xml.gz", timeout=5).body == BODY


def test_redirects_are_followed_and_the_final_url_is_reported(base_url: str) -> None:
    result = fetch_schedule(f"{base_url}/moved", timeout=5)
    assert result.url == f"{base_url}/schedule.xml"
    assert result.body == BODY


def test_http_404_is_a_one_line_schedule_error_naming_the_url(base_url: str) -> None:
    url = f"{base_url}/missing.xml"
    with pytest.raises(ScheduleError) as caught:
        fetch_schedule(url, timeout=5)
    assert str(caught.value) == f"{url}: HTTP 404 Not Found"


def test_a_closed_port_is_a_schedule_error_naming_the_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("no_proxy", "*")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ScheduleHandler)
    url = f"http://127.0.0.1:{server.server_address[1]}/schedule.xml"
    server.server_close()
    with pytest.raises(ScheduleError, match=r"cannot fetch") as caught:
        fetch_schedule(url, timeout=5)
    assert str(caught.value).startswith(f"{url}: ")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/s.xml", "schedule.xml"])
def test_only_http_and_https_urls_are_fetched(url: str) -> None:
    with pytest.raises(ScheduleError, match=r"only http:// and https://"):
        fetch_schedule(url)
