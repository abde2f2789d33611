"""What a schedule refresh changed: added, removed, moved and re-keyed talks."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from confnote.schedule.model import TalkDetails

# The fields a changed talk is compared on, in the order they are reported.
# "details" covers everything else the schedule says (abstract, track, links, …).
CHANGE_FIELDS = ("time", "duration", "room", "title", "speakers", "details")

_NOT_WORD = re.compile(r"\W+")


@dataclass(frozen=True, slots=True)
class TalkChange:
    """One talk in both schedules; ``fields`` are the CHANGE_FIELDS that differ."""

    old: TalkDetails
    new: TalkDetails
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ScheduleChanges:
    """The difference between two versions of one conference's schedule.

    ``rekeyed`` talks lost their old key and got a new one but have the same
    title, speakers and start: the same talk, so notes should follow it.
    """

    added: tuple[TalkDetails, ...] = ()
    removed: tuple[TalkDetails, ...] = ()
    changed: tuple[TalkChange, ...] = ()
    rekeyed: tuple[TalkChange, ...] = ()
    unchanged: int = 0

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.rekeyed)


def diff_talks(old: Sequence[TalkDetails], new: Sequence[TalkDetails]) -> ScheduleChanges:
    """Compare two versions of a schedule by key (keys are unique within each)."""
    old_by_key = {talk.key: talk for talk in old}
    new_keys = {talk.key for talk in new}
    changed: list[TalkChange] = []
    unchanged = 0
    added: list[TalkDetails] = []
    for talk in new:
        before = old_by_key.get(talk.key)
        if before is None:
            added.append(talk)
        elif fields := changed_fields(before, talk):
            changed.append(TalkChange(before, talk, fields))
        else:
            unchanged += 1
    removed = [talk for talk in old if talk.key not in new_keys]
    rekeyed = _pair_rekeyed(removed, added)
    paired_old = {id(change.old) for change in rekeyed}
    paired_new = {id(change.new) for change in rekeyed}
    return ScheduleChanges(
        added=tuple(talk for talk in added if id(talk) not in paired_new),
        removed=tuple(talk for talk in removed if id(talk) not in paired_old),
        changed=tuple(changed),
        rekeyed=tuple(rekeyed),
        unchanged=unchanged,
    )


def changed_fields(old: TalkDetails, new: TalkDetails) -> tuple[str, ...]:
    """Which CHANGE_FIELDS differ between two versions of one talk."""
    differs = {
        "time": old.starts_at != new.starts_at,
        "duration": old.duration != new.duration,
        "room": old.room != new.room,
        "title": old.title != new.title,
        "speakers": old.speakers != new.speakers,
        "details": _details(old) != _details(new),
    }
    return tuple(name for name in CHANGE_FIELDS if differs[name])


def _details(talk: TalkDetails) -> tuple[str, ...]:
    return (
        talk.subtitle,
        talk.abstract,
        talk.kind,
        talk.track,
        talk.url,
        talk.slides_url,
        talk.video_url,
    )


def _pair_rekeyed(removed: list[TalkDetails], added: list[TalkDetails]) -> list[TalkChange]:
    """Pair removed and added talks with the same title, speakers and start, in file order."""
    if not (removed and added):
        return []
    waiting: defaultdict[tuple[str, tuple[str, ...], datetime], list[TalkDetails]]
    waiting = defaultdict(list)
    for talk in removed:
        waiting[_identity(talk)].append(talk)
    pairs: list[TalkChange] = []
    for talk in added:
        candidates = waiting.get(_identity(talk))
        if candidates:
            before = candidates.pop(0)
            pairs.append(TalkChange(before, talk, changed_fields(before, talk)))
    return pairs


def _identity(talk: TalkDetails) -> tuple[str, tuple[str, ...], datetime]:
    speakers = tuple(sorted(_normalised(name) for name in talk.speakers))
    return _normalised(talk.title), speakers, talk.starts_at


def _normalised(text: str) -> str:
    return _NOT_WORD.sub(" ", text.casefold()).strip()
