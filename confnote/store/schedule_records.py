"""What a schedule import hands out: the report of what it did, and where a schedule came from.

Plain frozen values like ``records``; importing this module loads nothing heavy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from confnote.store.records import Conference


@dataclass(frozen=True, slots=True)
class ImportedTalk:
    """One talk an import added, changed, cancelled, re-keyed or brought back.

    ``fields`` are the schedule fields that changed (``time``, ``duration``,
    ``room``, ``title``, ``speakers``, ``details``); ``star`` is the attendee's
    star level, so a display can put starred talks first.
    """

    talk_id: int
    title: str
    fields: tuple[str, ...] = ()
    star: int = 0


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What importing one schedule file did to one conference.

    ``refreshed`` is true when the conference already held a schedule, so the
    file was merged into it. Each category lists its talks in schedule order;
    its count is its length. ``restored`` talks had been cancelled by an earlier
    refresh and are back in the schedule.
    """

    conference: Conference
    format: str
    refreshed: bool
    talk_count: int
    added: tuple[ImportedTalk, ...] = ()
    updated: tuple[ImportedTalk, ...] = ()
    cancelled: tuple[ImportedTalk, ...] = ()
    rekeyed: tuple[ImportedTalk, ...] = ()
    restored: tuple[ImportedTalk, ...] = ()
    unchanged: int = 0
    warnings: tuple[str, ...] = ()

    @property
    def is_unchanged(self) -> bool:
        """True when the import left every talk as it was (an identical re-import)."""
        return self.refreshed and not (
            self.added or self.updated or self.cancelled or self.rekeyed or self.restored
        )

    @property
    def starred_changes(self) -> tuple[ImportedTalk, ...]:
        """Starred talks that moved, changed, were cancelled or came back."""
        touched = (
            *self.updated,
            *self.cancelled,
            *(talk for talk in self.rekeyed if talk.fields),
            *self.restored,
        )
        return tuple(talk for talk in touched if talk.star)


@dataclass(frozen=True, slots=True)
class ScheduleSource:
    """Where a conference's schedule was last imported from, for refreshing it.

    ``location`` is the URL or absolute file path; ``etag`` and
    ``last_modified`` are the HTTP validators to send with the next request.
    """

    conference_id: int
    location: str
    format: str
    etag: str
    last_modified: str
    fetched_at: datetime
