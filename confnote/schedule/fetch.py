"""Download a schedule over HTTP(S), politely: conditional GET with ETag and Last-Modified."""

from __future__ import annotations

from dataclasses import dataclass

from confnote.schedule.model import ScheduleError

MAX_BYTES = 64 * 1024 * 1024
USER_AGENT = "confnote (schedule refresh)"


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
) -> FetchResult:
    """GET ``url`` (http or https only); ScheduleError naming the URL when that fails."""
    import urllib.error
    import urllib.request
    from http.client import HTTPException
    from urllib.parse import urlsplit

    if urlsplit(url).scheme.casefold() not in {"http", "https"}:
        raise ScheduleError(url, "only http:// and https:// schedule URLs can be fetched")
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_BYTES + 1)
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
        raise ScheduleError(url, f"cannot fetch: no answer within {timeout:g} s") from exc
    except (HTTPException, OSError, ValueError) as exc:
        raise ScheduleError(
            url, f"cannot fetch: {_one_line(str(exc)) or type(exc).__name__}"
        ) from exc
    if len(body) > MAX_BYTES:
        raise _too_large(url)
    if response_headers.get("Content-Encoding", "").strip().casefold() == "gzip":
        body = _gunzip(body, url)
    return FetchResult(
        url=final_url,
        body=body,
        etag=response_headers.get("ETag", ""),
        last_modified=response_headers.get("Last-Modified", ""),
    )


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
        raise _too_large(url)
    return data


def _too_large(url: str) -> ScheduleError:
    return ScheduleError(url, f"larger than {MAX_BYTES // (1024 * 1024)} MB; not a schedule")


def _one_line(text: str) -> str:
    return " ".join(text.split())
