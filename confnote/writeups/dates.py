"""Dates as write-ups spell them: ISO, "04 Jun 2017", "April 10, 2024", "May 14-15"."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)")
_DAY_MONTH_YEAR = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I
)
_MONTH_DAY_YEAR = re.compile(
    r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<end>\d{1,2}))?"
    r",?\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
_MONTH_DAY_RANGE = re.compile(
    r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*[-–]\s*(?P<end>\d{1,2})\b", re.I
)


def find_date(text: str) -> date | None:
    """The first full date written in ``text``."""
    span = find_date_span(text)
    return span[0] if span else None


def find_date_span(text: str, year: int | None = None) -> tuple[date, date] | None:
    """The first date or date range ("May 14-15, 2021"; with ``year``, "May 14-15") in ``text``."""
    best: tuple[int, date, date] | None = None
    for pattern in (_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.search(text)
        if match is None:
            continue
        made = _made(match)
        if made and (best is None or match.start() < best[0]):
            best = (match.start(), *made)
    if best is None and year is not None:
        match = _MONTH_DAY_RANGE.search(text)
        made = _made(match, year) if match else None
        if made:
            return made
    return (best[1], best[2]) if best else None


def _made(match: re.Match[str], year: int | None = None) -> tuple[date, date] | None:
    groups = match.groupdict()
    try:
        the_year = int(groups.get("year") or year or 0)
        month = int(groups["m"]) if groups.get("m") else MONTHS[groups["month"].lower()]
        day = int(groups.get("d") or groups["day"])
        start = date(the_year, month, day)
        end = date(the_year, month, int(groups["end"])) if groups.get("end") else start
    except (KeyError, ValueError):
        return None
    return (start, end) if end >= start else (start, start)
