"""Clock times, durations, instants and time zones as schedules write them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

# Longest duration accepted: camps have multi-day installations, nothing lasts a year.
MAX_DURATION = timedelta(days=366)

_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?")
_HMS = re.compile(r"(\d{1,6}):(\d{1,2})(?::(\d{1,2}))?")
_WORDS = re.compile(
    r"(?:(\d{1,6})\s*h(?:ours?|rs?)?)?\s*(?:(\d{1,6})\s*(?:m(?:in(?:ute)?s?)?)?)?", re.IGNORECASE
)
_ISO_DURATION = re.compile(r"PT?(?:(\d{1,6})H)?(?:(\d{1,6})M)?(?:(\d{1,6})S)?", re.IGNORECASE)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_FIXED_ZONE = re.compile(r"UTC([+-])(\d{2}):(\d{2})")
# Years outside this range are typos or garbage, and would overflow date arithmetic.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def parse_clock(text: str) -> time | None:
    """``HH:MM`` or ``HH:MM:SS`` as a wall-clock time; None if it is not one."""
    match = _CLOCK.fullmatch(text.strip())
    if match is None:
        return None
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    if hours > 23 or minutes > 59 or seconds > 59:
        return None
    return time(hours, minutes, seconds)


def parse_duration(text: str) -> timedelta | None:
    """A duration as schedules write it; None if it is not one.

    Accepts ``H:MM``, ``HH:MM:SS``, a bare number of minutes, ``1h30``, ``45 min``
    and ISO 8601 ``PT1H30M``.
    """
    text = text.strip()
    if not text:
        return None
    hours = minutes = seconds = 0
    if text.isascii() and text.isdigit() and len(text) <= 6:
        minutes = int(text)
    elif match := _HMS.fullmatch(text):
        hours, minutes = int(match[1]), int(match[2])
        seconds = int(match[3] or 0)
    elif (match := _ISO_DURATION.fullmatch(text)) and any(match.groups()):
        hours, minutes, seconds = (int(part or 0) for part in match.groups())
    elif (match := _WORDS.fullmatch(text)) and any(match.groups()):
        hours, minutes = (int(part or 0) for part in match.groups())
    else:
        return None
    duration = timedelta(hours=hours, minutes=minutes, seconds=seconds)
    return duration if duration <= MAX_DURATION else None


def parse_date(text: str) -> date | None:
    """The ``YYYY-MM-DD`` a date or date-time starts with; None if there is none."""
    text = text.strip()
    if not _DATE.match(text):
        return None
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        return None
    return day if FIRST_YEAR <= day.year <= LAST_YEAR else None


def parse_datetime(text: str) -> datetime | None:
    """An ISO 8601 date-time, naive or with its own offset; None if it is not one."""
    text = text.strip()
    if len(text) < 16 or not _DATE.match(text):
        return None
    try:
        instant = datetime.fromisoformat(text)
    except ValueError:
        return None
    return instant if FIRST_YEAR <= instant.year <= LAST_YEAR else None


@lru_cache(maxsize=64)
def resolve_zone(name: str) -> ZoneInfo | None:
    """The IANA zone a schedule means by ``name``; None if there is no such zone.

    Early frab wrote bare city names ("Berlin"), so a name without a slash is also
    looked up as the last part of an IANA name ("Europe/Berlin").
    """
    name = name.strip()
    if not name or len(name) > 64:
        return None
    if name.upper() in {"Z", "GMT", "UTC"}:
        return ZoneInfo("UTC")
    zone = _load_zone(name)
    if zone is not None or "/" in name:
        return zone
    wanted = "/" + name.replace(" ", "_").casefold()
    matches = sorted(key for key in available_timezones() if key.casefold().endswith(wanted))
    return _load_zone(matches[0]) if matches else None


def _load_zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError, OSError):
        return None


def zone_for_name(name: str) -> tzinfo | None:
    """The tzinfo for a ``ParsedSchedule.time_zone``: an IANA name or ``UTC+05:30``."""
    match = _FIXED_ZONE.fullmatch(name.strip())
    if match is None:
        return resolve_zone(name)
    offset = timedelta(hours=int(match[2]), minutes=int(match[3]))
    return timezone(-offset if match[1] == "-" else offset)


def zone_name_for_offsets(instants: Iterable[datetime]) -> str:
    """A zone name for a file that only gives offsets: its most common offset.

    Whole hours become ``Etc/GMT-1`` style IANA names (note the inverted sign),
    other offsets ``UTC+05:30``; no offsets at all give ``UTC``.
    """
    offsets = Counter(instant.utcoffset() for instant in instants)
    offsets.pop(None, None)
    if not offsets:
        return "UTC"
    offset = offsets.most_common(1)[0][0]
    assert offset is not None
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    if minutes % 60 == 0 and -12 <= minutes // 60 <= 14:
        return f"Etc/GMT{-minutes // 60:+d}"
    sign = "-" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
