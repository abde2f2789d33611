"""What a section heading announces: a day, a container of talks, a watch-later or
follow-up list, a list of links, a conference-level section, or (by default) a talk."""

from __future__ import annotations

import re
from enum import Enum

from confnote.writeups.emoji import strip_emoji


class Role(Enum):
    TALK = "talk"
    DAY = "day"
    CONTAINER = "container"
    CONFERENCE = "conference"  # intro, hallway track, sprints, closing: a conference note
    WATCH = "watch"
    FOLLOW = "follow"
    TODO = "todo"  # a TODO heading whose sub-sections hold the items
    LINKS = "links"
    LABEL = "label"  # "Take aways:", a sub-heading inside whatever section holds it


_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DAY = re.compile(
    rf"^(?:(?:day|tag|jour|dia|día)\s*\d+\b|(?:first|second|third|fourth|fifth|last|final)\s+day\b"
    rf"|{_WEEKDAY}\b|\d{{4}}-\d\d-\d\d$|(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+\w+\s+\d{{1,2}})",
    re.I,
)
_CONTAINER = re.compile(
    r"^(?:the\s+|my\s+|some\s+)?(?:talks?|presentations?|sessions?|tutorials?|workshops?"
    r"|keynotes?|lightning\s+talks?|conferences?|main\s+conference|schedule|program(?:me)?"
    r"|favou?rite\s+talks?|talks?\s+i\s+(?:attended|saw|liked))\b[\s:.!]*(?:\(.*\))?$",
    re.I,
)
_CONFERENCE_NAME = re.compile(r"^[\w .&'’+-]{2,60}\s(?:19|20)\d\d$")
_CONFERENCE = re.compile(
    r"^(?:intro(?:duction)?|preface|overview|summary|conclusions?|closing(?:\s+\w+)?|final\s+"
    r"\w+|overall|in\s+summary|wrap[- ]?up|tl;?\s*dr|sprints?|(?:the\s+)?hallway(?:\s+track)?"
    r"|hallway\s+track|thanks?(?:\s+\w+)*|thank\s+you.*|acknowledge?ments?|coming\s+(?:up|soon)"
    r"|see\s+you.*|about(?:\s+\w+)?|(?:post\s+|table\s+of\s+)?contents|comments?|social.*"
    r"|dinner.*|lunch.*|party.*|breakfast.*|registration|venue|travel.*|arrival|getting\s+there"
    r"|(?:top\s+|key\s+)?take-?aways?|highlights?|update|the\s+end!?|faq|what'?s\s+next.*"
    r"|people|community|inclusivity|diversity|next\s+year.*|final\s+thoughts|other\s+events?"
    r"|expo|booths?|open\s+spaces?|poster\s+session|job\s+fair|swag|food|photos?)$",
    re.I,
)
_ACTIVITY_PREFIX = re.compile(
    r"^(?:dinner|lunch|party|social|sprints?|break|meetup|breakfast)\s*:", re.I
)
# "I have one hour, which talks should I watch?": a question to the reader, not a talk title.
_QUESTION_TO_READER = re.compile(
    r"^(?:i|do\s+you|did\s+you|should\s+i|can\s+i|are\s+you|have\s+you|what\s+did\s+i)\b.*\?$",
    re.I,
)
_TODO = re.compile(r"^(?:todos?|to-?dos?|tbd|fixme|action\s+items?|next\s+steps)$", re.I)
_WATCH = re.compile(
    r"missed|to\s+watch|watch\s+later|watch\s*list|check\s+out|catch\s+(?:up|later|on)"
    r"|want\s+to\s+see|replay|to\s+cover|more\s+talks|talks\s+to\b|didn'?t\s+(?:see|attend|make)"
    r"|couldn'?t\s+attend|on\s+my\s+list|wish\s*list",
    re.I,
)
_FOLLOW = re.compile(
    r"^(?:follow[- ]?ups?|to\s+(?:try|read|do|check)|ideas?|things\s+to\s+\w+)", re.I
)
_LINKS = re.compile(
    r"^(?:links?|references?|resources|more\s+(?:notes|links).*|further\s+reading|footnotes"
    r"|sources|slides(?:\s+and\s+videos?)?|videos?|recordings?|playlists?)$",
    re.I,
)


def plain_heading(text: str) -> str:
    """The heading's words for matching: no emoji, numbering, quotes, link markup or colon."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = strip_emoji(text).strip(" \t\"“”'‘’*_`#")
    text = re.sub(r"^(?:\d{1,3}[.)]|\\?#\d+)\s+", "", text)
    return text.rstrip(" :.!").strip()


def heading_role(text: str) -> Role:
    plain = plain_heading(text)
    if not plain:
        return Role.LABEL
    if _TODO.match(plain):
        return Role.TODO
    if _WATCH.search(plain) and len(plain) < 60:
        return Role.WATCH
    if _FOLLOW.match(plain):
        return Role.FOLLOW
    if _LINKS.match(plain):
        return Role.LINKS
    if _DAY.match(plain) and len(plain) < 50:
        return Role.DAY
    if (
        _CONFERENCE.match(plain)
        or _ACTIVITY_PREFIX.match(plain)
        or _QUESTION_TO_READER.match(plain)
    ):
        return Role.CONFERENCE
    if _CONTAINER.match(plain) or _CONFERENCE_NAME.match(plain):
        return Role.CONTAINER
    if text.rstrip().endswith(":") and not re.search(r"\]\(|\s(?:by|-)\s", text):
        return Role.LABEL
    return Role.TALK


def container_kind(text: str) -> str:
    """The talk type a container heading implies ("Lightning talks" → lightning), or ""."""
    plain = plain_heading(text).lower()
    for word, kind in (
        ("lightning", "lightning"),
        ("keynote", "keynote"),
        ("tutorial", "workshop"),
        ("workshop", "workshop"),
        ("panel", "panel"),
    ):
        if word in plain:
            return kind
    return ""
