"""The time zone a schedule file names for itself, read from its first bytes: frab
``<time_zone_name>``, schedule.json ``"time_zone_name"``, iCalendar ``X-WR-TIMEZONE``.

Cheap enough to run as someone types a path; the parsers remain the authority.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

from confnote.schedule.encoding import decode_text
from confnote.schedule.source import is_url
from confnote.schedule.times import resolve_zone

HEAD_BYTES = 65536
_NAMED = (
    re.compile(r"<time_zone_name>\s*([^<]+?)\s*</time_zone_name>"),
    re.compile(r'"time_zone_name"\s*:\s*"([^"]+)"'),
    re.compile(r"^X-WR-TIMEZONE[^:\r\n]*:([^\r\n]+)", re.MULTILINE | re.IGNORECASE),
)


def declared_zone(head: bytes) -> str | None:
    """The IANA zone the schedule beginning with ``head`` declares; None when it names
    none, or a zone that does not exist."""
    text = decode_text(head)
    for pattern in _NAMED:
        found = pattern.search(text)
        if found is not None:
            zone = resolve_zone(found.group(1))
            return zone.key if zone is not None else None
    return None


def declared_zone_of_file(source: str) -> str | None:
    """The zone the schedule file at ``source`` declares; None for a URL, or anything that
    is not a readable regular file."""
    if not source.strip() or is_url(source):
        return None
    path = Path(source.strip()).expanduser()
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        with path.open("rb") as stream:
            return declared_zone(stream.read(HEAD_BYTES))
    except OSError:
        return None
