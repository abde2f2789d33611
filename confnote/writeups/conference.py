"""The conference a write-up is about: name, year and dates, from the metadata, the
title, the text ("I attended PyCon US 2021 on May 14-15") or the file name."""

from __future__ import annotations

import re
from datetime import date
from pathlib import PurePath

from confnote.writeups.dates import find_date_span
from confnote.writeups.model import ConferenceInfo

_NAME_WORD = r"(?:[A-Z0-9][\w'’.+-]*|&|de|of|the|and)"
_NAMED_YEAR = re.compile(
    rf"(?P<name>[A-Z][\w'’.+-]*(?:\s+{_NAME_WORD}){{0,6}}?)\s+(?P<year>(?:19|20)\d\d)\b"
)
_AFFIX_BEFORE = re.compile(
    r"^(?:my\s+|some\s+)?(?:notes|thoughts|recap|review|report|highlights?|impressions)\s+"
    r"(?:from|on|of|about)\s+(?:the\s+)?",
    re.I,
)
_AFFIX_AFTER = re.compile(
    r"(?:\s*[-:–—,|]\s*|\s+)(?:day\s*\d+|part\s*\d+|recap|notes|wrap-?up|review|report"
    r"|highlights?|roundup|summary|transcript|personal|my\b|lightning|talks?|keynotes?)\b.*$",
    re.I,
)
_FILE_NOISE = re.compile(
    r"\b(?:notes?|recap|wrap-?up|review|report|transcript|part|day|talks?|lightning|index"
    r"|readme|post|blog|\d{1,2})\b",
    re.I,
)
TEXT_WINDOW = 3000


def find_conference(
    title: str, text: str, source: str, published: date | None = None
) -> ConferenceInfo:
    head = text[:TEXT_WINDOW]
    name, year = _from_title(title)
    if name and year:
        name = _longer_in_text(name.removesuffix(f" {year}"), year, head)
    elif not name:
        match = _NAMED_YEAR.search(head)
        if match:
            name, year = f"{match['name'].strip()} {match['year']}", int(match["year"])
    if not name:
        name = _from_file_name(source)
        found = re.search(r"(?:19|20)\d\d", PurePath(source).stem)
        year = int(found[0]) if found else year
    if year is None and published is not None:
        year = published.year
        name = f"{name} {year}"
    span = find_date_span(head, year) if year else None
    if span and span[0].year != year:
        span = None
    return ConferenceInfo(
        name=name, year=year, starts_on=span[0] if span else None, ends_on=span[1] if span else None
    )


def _from_title(title: str) -> tuple[str, int | None]:
    title = " ".join(title.split())
    match = _NAMED_YEAR.search(title)
    if match:
        return match["name"].strip(), int(match["year"])
    bare = _AFFIX_AFTER.sub("", _AFFIX_BEFORE.sub("", title)).strip(" -:–—")
    bare = re.split(r"\s*[:|–—]\s+|\s+-\s+", bare)[0]
    words = bare.split()
    plausible = 0 < len(words) <= 6 and not re.search(r"\d|[：:]", " ".join(words[:-1]))
    plausible = plausible and not re.search(r"[：:]", bare)
    plausible = plausible and not re.match(
        r"(?:lightning|keynotes?|talks?|sessions?|day)\b", bare, re.I
    )
    return (bare if plausible and all(w[0].isupper() for w in words) else ""), None


def _longer_in_text(name: str, year: int, text: str) -> str:
    """``name`` as the text spells it more fully ("PyCon 2021" → "PyCon US 2021")."""
    first = re.escape(name.split()[0])
    longer = re.findall(rf"\b({first}(?:\s+{_NAME_WORD}){{0,5}}?)\s+{year}\b", text)
    candidates = [c for c in longer if len(c) > len(name) and set(name.split()) <= set(c.split())]
    return f"{max(candidates, key=len)} {year}" if candidates else f"{name} {year}"


def _from_file_name(source: str) -> str:
    stem = PurePath(source).stem if source else ""
    words = [w for w in re.split(r"[-_.\s]+", _FILE_NOISE.sub(" ", stem)) if w]
    return (
        " ".join(w.upper() if len(w) <= 2 else w.capitalize() for w in words) or "Imported write-up"
    )
