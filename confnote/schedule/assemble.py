"""From what a reader found to a ParsedSchedule: checks, defaults, unique keys, warnings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from confnote.agenda import DayWindow
from confnote.schedule.identity import fallback_key, unique_keys
from confnote.schedule.model import TALK_KINDS, ParsedSchedule, TalkDetails
from confnote.schedule.times import FIRST_YEAR, LAST_YEAR, zone_for_name, zone_name_for_offsets

DEFAULT_DURATION = timedelta(minutes=30)
# More names than this on one event is an attendee list, not a line-up (an .ics
# ATTENDEE per registered person); the talk keeps the first ones, with a warning.
MAX_SPEAKERS = 100


@dataclass(slots=True)
class TalkDraft:
    """One event as a reader found it, before it is checked and given a unique key.

    ``problems`` are what the reader found wrong with it (without the place); a
    draft without a start is skipped, and ``problems`` then say why.
    """

    place: str
    key: str
    title: str
    starts_at: datetime | None
    duration: timedelta | None
    subtitle: str = ""
    abstract: str = ""
    kind: str = "talk"
    track: str = ""
    room: str = ""
    url: str = ""
    slides_url: str = ""
    video_url: str = ""
    speakers: tuple[str, ...] = ()
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ScheduleInfo:
    """What a file says about the conference itself; ``time_zone`` "" means derive it."""

    format: str
    title: str
    time_zone: str = ""
    slug: str = ""
    url: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    version: str = ""
    days: tuple[DayWindow, ...] = ()


def build_schedule(
    info: ScheduleInfo, drafts: Iterable[TalkDraft], warnings: list[str]
) -> ParsedSchedule:
    """The ParsedSchedule for ``drafts`` in file order; adds to ``warnings`` as it goes."""
    kept: list[TalkDraft] = []
    for draft in drafts:
        if _keep(draft, warnings):
            kept.append(draft)
    keys = unique_keys([draft.key for draft in kept])
    for draft, key in zip(kept, keys, strict=True):
        if key != draft.key:
            warnings.append(f"{draft.place}: key {draft.key!r} repeats; this talk is {key!r}")
    talks = tuple(_talk(draft, key) for draft, key in zip(kept, keys, strict=True))
    time_zone = info.time_zone or zone_name_for_offsets(talk.starts_at for talk in talks)
    starts_on, ends_on = info.starts_on, info.ends_on
    if talks and (starts_on is None or ends_on is None):
        first, last = _local_dates(talks, time_zone)
        starts_on, ends_on = starts_on or first, ends_on or last
    return ParsedSchedule(
        format=info.format,
        title=info.title,
        time_zone=time_zone,
        talks=talks,
        slug=info.slug,
        url=info.url,
        starts_on=starts_on,
        ends_on=ends_on,
        version=info.version,
        warnings=tuple(warnings),
        days=info.days,
    )


def _keep(draft: TalkDraft, warnings: list[str]) -> bool:
    draft.title = " ".join(draft.title.split())
    if not draft.title:
        warnings.append(f"{draft.place}: skipped: no title")
        return False
    start = draft.starts_at
    if start is None or start.tzinfo is None:
        why = "; ".join(draft.problems) or "no start time"
        warnings.append(f"{draft.place}: skipped: {why}")
        return False
    if not FIRST_YEAR <= start.year <= LAST_YEAR:
        warnings.append(f"{draft.place}: skipped: start {start.isoformat()} is out of range")
        return False
    if draft.duration is None:
        draft.duration = DEFAULT_DURATION
        draft.problems.append("no usable duration; assuming 30 minutes")
    draft.speakers = _clean_names(draft.speakers)
    if len(draft.speakers) > MAX_SPEAKERS:
        draft.problems.append(f"{len(draft.speakers)} speakers; kept the first {MAX_SPEAKERS}")
        draft.speakers = draft.speakers[:MAX_SPEAKERS]
    warnings.extend(f"{draft.place}: {problem}" for problem in draft.problems)
    if not draft.key:
        draft.key = fallback_key(draft.title, start, draft.room)
    return True


def _talk(draft: TalkDraft, key: str) -> TalkDetails:
    assert draft.starts_at is not None and draft.duration is not None
    return TalkDetails(
        key=key,
        title=draft.title,
        starts_at=draft.starts_at,
        duration=draft.duration,
        subtitle=draft.subtitle.strip(),
        abstract=draft.abstract,
        kind=draft.kind if draft.kind in TALK_KINDS else "other",
        track=draft.track.strip(),
        room=draft.room.strip(),
        url=draft.url.strip(),
        slides_url=draft.slides_url,
        video_url=draft.video_url,
        speakers=draft.speakers,
    )


def _clean_names(names: Iterable[str]) -> tuple[str, ...]:
    """Speaker names trimmed, blanks and repeats dropped, order kept."""
    seen: dict[str, None] = {}
    for name in names:
        name = " ".join(name.split())
        if name:
            seen.setdefault(name, None)
    return tuple(seen)


def _local_dates(talks: tuple[TalkDetails, ...], time_zone: str) -> tuple[date, date]:
    zone = zone_for_name(time_zone) or UTC
    days = [talk.starts_at.astimezone(zone).date() for talk in talks]
    return min(days), max(days)


def title_from_source(source: str) -> str:
    """A schedule title from its file name or URL: the last part, without extension."""
    name = source.rstrip("/").rpartition("/")[2].rpartition("\\")[2]
    stem, dot, _extension = name.rpartition(".")
    return stem if dot and stem else name
