"""Which date a write-up's day section means: "Day 2", "Second Day", "Friday Talks",
"Tuesday, July 9" or an ISO date, given the conference's first day."""

from __future__ import annotations

import re
from datetime import date, timedelta

from confnote.writeups.dates import MONTHS, find_date

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_NUMBER = re.compile(r"\b(?:day|tag|jour|dia|día)\s*(\d{1,2})\b", re.I)
_ORDINAL_DAY = re.compile(r"\b(first|second|third|fourth|fifth)\s+day\b", re.I)
_MONTH_DAY = re.compile(r"\b([a-z]{3,9})\.?\s+(\d{1,2})\b", re.I)


def day_date(label: str, first_day: date | None, year: int | None = None) -> date | None:
    """The date ``label`` names, or None when it cannot be told."""
    explicit = find_date(label)
    if explicit:
        return explicit
    month_day = _MONTH_DAY.search(label)
    the_year = year or (first_day.year if first_day else None)
    if month_day and month_day[1].lower() in MONTHS and the_year:
        try:
            return date(the_year, MONTHS[month_day[1].lower()], int(month_day[2]))
        except ValueError:
            return None
    if first_day is None:
        return None
    number = _DAY_NUMBER.search(label) or _ORDINAL_DAY.search(label)
    if number:
        index = int(number[1]) if number[1].isdigit() else _ORDINALS[number[1].lower()]
        return first_day + timedelta(days=max(0, index - 1))
    lowered = label.lower()
    for weekday, prefix in enumerate(_WEEKDAYS):
        if re.search(rf"\b{prefix}", lowered):
            return first_day + timedelta(days=(weekday - first_day.weekday()) % 7)
    return None
