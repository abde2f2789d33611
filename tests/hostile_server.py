"""A loopback HTTP server that misbehaves on purpose, for tests of fetch deadlines and limits.

``/headers`` sends its headers one byte a second, ``/huge`` announces 100 MB and sends a few
bytes, anything else sends headers at once and then its body one byte a second. The server
gives up by itself after SERVER_LIMIT_S, so no test can hang on it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from typing import ClassVar

from tests.helpers import loopback_server

SERVER_LIMIT_S = 12.0
ANNOUNCED_BYTES = 100 * 1024 * 1024


class HostileHandler(BaseHTTPRequestHandler):
    stop: ClassVar[threading.Event] = threading.Event()

    def do_GET(self) -> None:
        if self.path == "/headers":
            self._dribble(b"HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nX-Padding: " + b"x" * 100)
            return
        huge = self.path.startswith("/huge")
        payload = b"<schedule>" + b" " * 100
        self.send_response(200)
        self.send_header("Content-Length", str(ANNOUNCED_BYTES if huge else len(payload)))
        self.end_headers()
        self.wfile.flush()
        if huge:
            self.wfile.write(payload)
            return
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


@contextmanager
def hostile_server() -> Iterator[str]:
    """Serve HostileHandler on 127.0.0.1 for the block; yields the base URL."""
    HostileHandler.stop = threading.Event()
    with loopback_server(HostileHandler) as url:
        try:
            yield url
        finally:
            HostileHandler.stop.set()
