"""Where a schedule is read from: a file path or an http(s) URL, named the same way each time."""

from __future__ import annotations

import stat
from pathlib import Path

from confnote.schedule.fetch import FetchResult, fetch_schedule
from confnote.schedule.limits import MAX_BYTES, check_size, too_large
from confnote.schedule.model import ScheduleError


def is_url(location: str) -> bool:
    """True for an http:// or https:// URL; anything else is a file path."""
    return location[:8].casefold().startswith(("http://", "https://"))


def schedule_location(text: str) -> str:
    """How a source is remembered: a URL as given, a path made absolute.

    The same file named from another directory is then the same source.
    """
    if is_url(text):
        return text.strip()
    return str(Path(text).expanduser().resolve())


def read_schedule(location: str, *, etag: str = "", last_modified: str = "") -> FetchResult:
    """The bytes at ``location``; a URL is fetched with the validators given.

    Raises ScheduleError naming the location when it cannot be read.
    """
    if is_url(location):
        return fetch_schedule(location, etag=etag, last_modified=last_modified)
    return FetchResult(url=location, body=read_schedule_file(Path(location)))


def read_schedule_file(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES; anything else is refused unread.

    A fifo or device is refused before it is opened, since opening or reading
    it can wait forever.
    """
    try:
        status = path.stat()
        kind = _special_kind(status.st_mode)
        if kind:
            raise ScheduleError(str(path), f"not a regular file ({kind}); not read")
        check_size(status.st_size, str(path))
        with path.open("rb") as stream:
            body = stream.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ScheduleError(str(path), "no such file") from None
    except IsADirectoryError:
        raise ScheduleError(str(path), "is a folder, not a schedule file") from None
    except PermissionError:
        raise ScheduleError(str(path), "not allowed to read it (permission denied)") from None
    except OSError as error:
        raise ScheduleError(str(path), f"cannot read: {error.strerror or error}") from None
    if len(body) > MAX_BYTES:  # it grew after the check above
        raise too_large(str(path))
    return body


def _special_kind(mode: int) -> str:
    """What a non-regular, non-folder file is ("a fifo", "a device", "a socket"), else ""."""
    if stat.S_ISFIFO(mode):
        return "a fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return ""
