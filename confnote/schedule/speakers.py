"""Speaker names hidden in free text: "Title - Speaker", "(talk by …)", "Speaker: …".

Only iCalendar and CSV need this; frab and schedule.json list persons properly.

The "Title - Speaker" heuristic splits at the last " - " (or en/em dash) only when
the part after it reads as a list of person names: one to six names separated by
",", "&", "and", "und" or "et"; each name two to five words; every word starts
with a capital letter (or is a particle such as "van", "de", "bin"), holds only
letters, hyphens, apostrophes and dots, and is not a common title word ("The",
"Part", "Intro", "Deep", …); and the part before it is not just a number. So
"Python - the good parts", "Intro - Part 2" and JRES's "182 - Numérique : …"
stay whole, while "Packaging Python - Jane Doe & Kim Lee" splits. pretalx always
writes "{title} - {speaker names}", so its calendars split at the last dash
whenever the part after it reads as names of any length. A title whose tail
happens to look like a two-word name ("Rust - Good Parts") is still split:
that is the price of the heuristic, and why ATTENDEE names win when present.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_NAME_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b)\s*")
_DASH = re.compile(r"\s[-–—]\s")
_TALK_BY = re.compile(
    r"^(?P<title>.+?)\s*\((?:talk|keynote|workshop|tutorial|panel|session)\s+by\s+"
    r"(?P<names>[^()]+)\)$",
    re.IGNORECASE,
)
_MARKER_LINE = re.compile(
    r"^[ \t]*(?:speakers?|presenters?|presented by)[ \t]*:[ \t]*(?P<names>[^\n]+?)[ \t]*(?:\n|$)",
    re.IGNORECASE | re.MULTILINE,
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
# fmt: off
_PARTICLES = frozenset({
    "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du",
    "el", "ibn", "la", "le", "ten", "ter", "van", "von", "y", "zu",
})
# Words that make a dash's tail a title part ("Deep Dive", "Part Two"), not a name.
_TITLE_WORDS = frozenset({
    "a", "about", "advanced", "an", "and", "basics", "beginners", "beyond", "by", "day",
    "deep", "demo", "dive", "edition", "for", "from", "future", "getting", "how", "in",
    "intro", "introduction", "lab", "live", "my", "new", "next", "of", "on", "or", "our",
    "overview", "part", "q&a", "reloaded", "revisited", "session", "started", "talk",
    "the", "to", "tutorial", "update", "what", "why", "with", "workshop", "your",
})
# fmt: on


def split_names(text: str) -> tuple[str, ...]:
    """``"Ann Lee, Bo Chen & Cy Dunn"`` as three names."""
    return tuple(name for part in _NAME_SEPARATORS.split(text) if (name := part.strip()))


def looks_like_names(text: str, *, min_words: int = 2) -> bool:
    """Whether ``text`` reads as a list of person names (see the module docstring)."""
    names = split_names(text)
    if not 1 <= len(names) <= 6 or re.search(r"[:!?()\[\]/\d@#]", text):
        return False
    return all(_looks_like_name(name, min_words) for name in names)


def _looks_like_name(name: str, min_words: int) -> bool:
    words = name.split()
    if not min_words <= len(words) <= 5:
        return False
    for word in words:
        lowered = word.casefold()
        if lowered in _PARTICLES:
            continue
        if lowered in _TITLE_WORDS or not _WORD.fullmatch(word) or not word[0].isupper():
            return False
    return True


def split_title_and_speakers(
    summary: str, known: Sequence[str] = (), *, pretalx: bool = False
) -> tuple[str, tuple[str, ...]]:
    """A calendar SUMMARY as (title, speakers named in it); speakers () when none are."""
    summary = summary.strip()
    if match := _TALK_BY.match(summary):
        return match["title"].strip(), split_names(match["names"])
    dashes = list(_DASH.finditer(summary))
    if not dashes:
        return summary, ()
    head, tail = summary[: dashes[-1].start()].strip(), summary[dashes[-1].end() :].strip()
    if not head or head.isdigit():
        return summary, ()
    names = split_names(tail)
    if known and {n.casefold() for n in names} == {n.casefold() for n in known}:
        return head, names
    if looks_like_names(tail, min_words=1 if pretalx else 2):
        return head, names
    return summary, ()


def speakers_from_description(description: str) -> tuple[tuple[str, ...], str]:
    """Names from a "Speaker: …" line, and the description without that line.

    Only a line that starts with "Speaker(s):", "Presenter(s):" or "Presented
    by:" counts; anything else leaves the description untouched.
    """
    match = _MARKER_LINE.search(description)
    if match is None:
        return (), description
    names = split_names(match["names"])
    if not names:
        return (), description
    rest = description[: match.start()] + description[match.end() :]
    return names, rest.strip()
