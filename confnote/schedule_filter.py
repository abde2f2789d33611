"""Which talks the schedule pane shows: day, track, room, starred, notes, text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from confnote import agenda
from confnote.store.records import Talk


@dataclass(frozen=True, slots=True)
class ScheduleFilter:
    day: date | None = None
    track: str = ""
    room: str = ""
    starred_only: bool = False
    with_notes_only: bool = False
    show_hidden: bool = False
    text: str = ""

    def with_(self, **changes: object) -> ScheduleFilter:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def narrows(self) -> bool:
        """Whether a filter besides the day leaves talks out (showing hidden ones only adds)."""
        return bool(
            self.track or self.room or self.starred_only or self.with_notes_only or self.text
        )

    @property
    def summary(self) -> str:
        """A short description of the filters in force, for the pane's title bar."""
        parts = []
        if self.track:
            parts.append(f"track: {self.track}")
        if self.room:
            parts.append(f"room: {self.room}")
        if self.starred_only:
            parts.append("starred")
        if self.with_notes_only:
            parts.append("with notes")
        if self.show_hidden:
            parts.append("hidden shown")
        if self.text:
            parts.append(f"“{self.text}”")
        return ", ".join(parts)


def visible_talks(
    talks: Iterable[Talk], rule: ScheduleFilter, days: agenda.ProgrammeDays
) -> list[Talk]:
    words = rule.text.lower().split()
    shown = []
    for talk in talks:
        if talk.hidden and not rule.show_hidden:
            continue
        if rule.day is not None and days.day_of(talk.starts_at) != rule.day:
            continue
        if rule.track and talk.track != rule.track:
            continue
        if rule.room and talk.room != rule.room:
            continue
        if rule.starred_only and talk.star == 0:
            continue
        if rule.with_notes_only and not talk.has_note:
            continue
        if words:
            haystack = " ".join((talk.title, talk.subtitle, *talk.speakers, talk.track, talk.room))
            if not all(word in haystack.lower() for word in words):
                continue
        shown.append(talk)
    return shown


def matches_by_day(
    talks: Iterable[Talk], rule: ScheduleFilter, days: agenda.ProgrammeDays
) -> dict[date, list[Talk]]:
    """The talks ``rule`` shows on each programme day, whichever day it is set to."""
    by_day: dict[date, list[Talk]] = {}
    for talk in visible_talks(talks, rule.with_(day=None), days):
        by_day.setdefault(days.day_of(talk.starts_at), []).append(talk)
    return by_day


def starred_conflicts(talks: Sequence[Talk]) -> set[int]:
    """Ids of starred, non-cancelled talks that overlap another starred talk."""
    starred = [t for t in talks if t.star > 0 and not t.cancelled and not t.hidden]
    return {talk.id for pair in agenda.clashing(starred) for talk in pair}
