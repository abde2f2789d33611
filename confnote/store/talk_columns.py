"""The talk columns a schedule fills, and the values a talk's details give them.

Plain Python: the schedule import (plain SQL) and the ORM's talk edits share it.
"""

from __future__ import annotations

from collections.abc import Iterable

from confnote.errors import ConfnoteError
from confnote.schedule.model import TalkDetails
from confnote.store.rows import epoch

# The talk columns a schedule fills, in the order ``schedule_values`` gives them.
SCHEDULE_COLUMNS = (
    "title",
    "subtitle",
    "abstract",
    "kind",
    "track",
    "room",
    "url",
    "slides_url",
    "video_url",
    "starts_at",
    "duration",
)


def schedule_values(details: TalkDetails) -> tuple[str | int, ...]:
    """The SCHEDULE_COLUMNS of a talk row holding ``details``; refuses a talk without a title."""
    title = details.title.strip()
    if not title:
        raise ConfnoteError("a talk needs a title")
    return (
        title,
        details.subtitle,
        details.abstract,
        details.kind,
        details.track,
        details.room,
        details.url,
        details.slides_url,
        details.video_url,
        epoch(details.starts_at),
        max(0, int(details.duration.total_seconds())),
    )


def distinct_names(names: Iterable[str]) -> tuple[str, ...]:
    """Speaker names as the store keeps them: trimmed, blanks dropped, each once, in order."""
    return tuple(dict.fromkeys(name.strip() for name in names if name.strip()))
