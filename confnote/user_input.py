"""Reading dates, times and durations as people type them in forms."""

from __future__ import annotations

import re
from datetime import date, time, timedelta

from confnote.errors import ConfnoteError


def parse_date(text: str, what: str = "date") -> date | None:
    """``YYYY-MM-DD``, or None for an empty field."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ConfnoteError(f"{what}: expected YYYY-MM-DD, got {text!r}") from None


def parse_clock_time(text: str, what: str = "time") -> time:
    """``HH:MM`` on a 24-hour clock."""
    match = re.fullmatch(r"\s*(\d{1,2})[:.h](\d{2})\s*", text)
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise ConfnoteError(f"{what}: expected HH:MM, got {text!r}")
    return time(int(match[1]), int(match[2]))


def parse_duration(text: str, what: str = "duration") -> timedelta:
    """Minutes (``45``) or hours and minutes (``1:30``)."""
    text = text.strip()
    if re.fullmatch(r"\d{1,4}", text):
        return timedelta(minutes=int(text))
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", text)
    if match is None or int(match[2]) > 59:
        raise ConfnoteError(f"{what}: expected minutes (45) or H:MM (1:30), got {text!r}")
    return timedelta(hours=int(match[1]), minutes=int(match[2]))
