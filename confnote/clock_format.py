"""Times of day as the user reads them: on a 24-hour clock (14:05) or a 12-hour one (2:05pm)."""

from __future__ import annotations

from datetime import datetime


def clock_time(moment: datetime, twelve_hour: bool = False) -> str:
    if not twelve_hour:
        return f"{moment:%H:%M}"
    return f"{moment.hour % 12 or 12}:{moment:%M}{'am' if moment.hour < 12 else 'pm'}"


def time_span(start: datetime, end: datetime, twelve_hour: bool = False) -> str:
    """``Sat 17 May 09:00–09:30``: the day of ``start``, then both times."""
    return f"{start:%a %d %b} {clock_time(start, twelve_hour)}–{clock_time(end, twelve_hour)}"
