"""Download a schedule over HTTP(S), politely: conditional GET with ETag and Last-Modified."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from confnote.schedule.limits import MAX_BYTES, check_size, too_large
from confnote.schedule.model import ScheduleError

USER_AGENT = "confnote (schedule refresh)"
# A whole download, headers and body, must be done within this many seconds.
DEADLINE_S = 60.0
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A fetched schedule, or ``not_modified`` with an empty body on HTTP 304.

    ``etag`` and ``last_modified`` are the validators to send next time (the old
    ones again when a 304 did not repeat them); ``url`` is the final URL after
    redirects.
    """

    url: str
    body: bytes = b""
    not_modified: bool = False
    etag: str = ""
    last_modified: str = ""


def fetch_schedule(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    timeout: float = 30,
    deadline: float | None = None,
) -> FetchResult:
    """GET ``url`` (http or https only); ScheduleError naming the URL when that fails.

    ``timeout`` bounds each wait on the socket; ``deadline`` the whole download,
    so a server that sends a byte now and then cannot hold an import forever.
    The download runs in a daemon thread that is abandoned (and stops at its
    next read) when the deadline passes.
    """
    import threading
    from urllib.parse import urlsplit

    if urlsplit(url).scheme.casefold() not in {"http", "https"}:
        raise ScheduleError(url, "only http:// and https:// schedule URLs can be fetched")
    deadline = DEADLINE_S if deadline is None else deadline
    ends = time.monotonic() + deadline
    outcome: list[FetchResult | BaseException] = []

    def download() -> None:
        try:
            outcome.append(_download(url, etag, last_modified, timeout, deadline, ends))
        except BaseException as error:  # handed to the caller's thread below
            outcome.append(error)

    thread = threading.Thread(target=download, name="confnote-fetch", daemon=True)
    thread.start()
    thread.join(deadline)
    if not outcome:
        raise _late(url, deadline)
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result


def _download(
    url: str,
    etag: str | None,
    last_modified: str | None,
    timeout: float,
    deadline: float,
    ends: float,
) -> FetchResult:
    import urllib.error
    import urllib.request
    from http.client import HTTPException

    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=min(timeout, deadline)) as response:
            body = _read_body(response, url, ends, deadline)
            final_url, response_headers = response.geturl(), response.headers
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return FetchResult(
                url=url,
                not_modified=True,
                etag=exc.headers.get("ETag", etag or ""),
                last_modified=exc.headers.get("Last-Modified", last_modified or ""),
            )
        raise ScheduleError(url, f"HTTP {exc.code} {_one_line(str(exc.reason))}") from exc
    except urllib.error.URLError as exc:
        raise ScheduleError(url, f"cannot fetch: {_one_line(str(exc.reason))}") from exc
    except TimeoutError as exc:
        if deadline <= timeout:  # the socket waited as long as the whole fetch may take
            raise _late(url, deadline) from exc
        raise ScheduleError(url, f"cannot fetch: no answer within {timeout:g} s") from exc
    except (HTTPException, OSError, ValueError) as exc:
        raise ScheduleError(
            url, f"cannot fetch: {_one_line(str(exc)) or type(exc).__name__}"
        ) from exc
    if response_headers.get("Content-Encoding", "").strip().casefold() == "gzip":
        body = _gunzip(body, url)
    return FetchResult(
        url=final_url,
        body=body,
        etag=response_headers.get("ETag", ""),
        last_modified=response_headers.get("Last-Modified", ""),
    )


def _read_body(response: Any, url: str, ends: float, deadline: float) -> bytes:
    """The body, read a chunk at a time until done, too large, or past ``ends``."""
    declared = response.headers.get("Content-Length", "").strip()
    if declared.isdigit():
        check_size(int(declared), url)
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK):
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_BYTES:
            raise too_large(url)
        if time.monotonic() > ends:
            raise _late(url, deadline)
    return b"".join(chunks)


def _late(url: str, deadline: float) -> ScheduleError:
    return ScheduleError(url, f"cannot fetch: not complete within {deadline:g} s")


def _gunzip(body: bytes, url: str) -> bytes:
    import gzip
    import io
    import zlib

    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as stream:
            data = stream.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise ScheduleError(url, "cannot fetch: broken gzip encoding") from exc
    if len(data) > MAX_BYTES:
        raise too_large(url)
    return data


def _one_line(text: str) -> str:
    return " ".join(text.split())
