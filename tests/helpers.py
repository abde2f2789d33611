"""Small builders the tests share."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from confnote.schedule.model import TalkDetails

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def talk_details(
    key: str,
    title: str,
    start: str = "2025-05-17T09:00:00+02:00",
    minutes: int = 30,
    **fields: object,
) -> TalkDetails:
    """A talk for tests: ``start`` is an ISO instant with its offset."""
    return TalkDetails(
        key=key,
        title=title,
        starts_at=datetime.fromisoformat(start),
        duration=timedelta(minutes=minutes),
        **fields,  # type: ignore[arg-type]
    )


def use_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Path:
    """Write ``text`` as a config file and point ``CONFNOTE_CONFIG`` at it."""
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("CONFNOTE_CONFIG", str(path))
    return path


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


@contextmanager
def loopback_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler`` on 127.0.0.1 (a free port) for the block; yields the base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


class TypedAnswer:
    """A terminal's standard input holding one typed answer, for the CLI's confirm prompts."""

    def __init__(self, text: str) -> None:
        self._text = text

    def readline(self) -> str:
        return self._text

    def isatty(self) -> bool:
        return True
