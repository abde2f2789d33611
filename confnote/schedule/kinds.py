"""A talk's kind (one of TALK_KINDS) from the free-text type a schedule gives it."""

from __future__ import annotations

import functools
import re

# Checked in order against the type; the first kind whose words appear wins.
_KIND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"\b(?:{words})", re.IGNORECASE))
    for kind, words in (
        ("keynote", r"keynote"),
        ("lightning", r"lightning"),
        ("workshop", r"workshop|tutorial|hands-on|training"),
        ("panel", r"panel|podium|discussion|bof\b|birds of a feather|round ?table"),
        (
            "other",
            r"other\b|misc|art\b|art project|break\b|ceremony|certification|concert|dj\b|exam\b"
            r"|film|game|lunch|meetup|music|party|pause\b|podcast|social\b|theat(?:re|er)",
        ),
    )
)


@functools.lru_cache(maxsize=256)  # a schedule repeats a handful of types over all its events
def kind_for_type(text: str) -> str:
    """Map a schedule's type ("Talk 40 (30min +10 Q&A)", "DJ Set", "lightningtalk") to a kind.

    Types that name no kind ("Talk", "devroom", "Allgemein", empty) are talks;
    ones that clearly are not talks (music, ceremonies, breaks, "other") are "other".
    """
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(text):
            return kind
    return "talk"
