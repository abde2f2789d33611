"""The Store's bulk work: schedule and write-up imports, and the whole store as one document."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from confnote.errors import NotFoundError
from confnote.schedule.model import ParsedSchedule
from confnote.store.conference_methods import ConferenceMethods
from confnote.store.schedule_records import ImportReport, ScheduleSource
from confnote.store.writeup_records import WriteupReport

if TYPE_CHECKING:
    from confnote.writeups.parse import ReadWriteup


# A schedule import of this many talks or more is preceded by a backup.
LARGE_IMPORT = 200


class BulkMethods(ConferenceMethods):
    """Imports and snapshots; part of :class:`confnote.store.api.Store`."""

    def import_schedule(
        self,
        parsed: ParsedSchedule,
        *,
        conference_id: int | None = None,
        conference_name: str | None = None,
        source: str = "",
        etag: str = "",
        last_modified: str = "",
    ) -> ImportReport:
        """Import a schedule in one transaction: into the conference named by id or
        name/slug, else the one whose remembered source is ``source``, else a new one.

        Into a conference that already holds a schedule this is a refresh: talks
        are updated, added, re-keyed, or marked cancelled when gone; the
        attendee's own state is never touched. ``source`` (a URL or absolute
        path) and its HTTP validators are remembered for the next refresh.
        A schedule of LARGE_IMPORT talks or more is preceded by a backup of a
        store that holds anything.
        """
        from confnote.store import schedule_import

        if conference_name is not None and conference_id is None:
            named = self.find_conference(conference_name)
            if named is None:
                raise NotFoundError(f"no conference named {conference_name!r}")
            conference_id = named.id
        if len(parsed.talks) >= LARGE_IMPORT and not self.is_empty():
            self.backup("before-import")
        where_from = schedule_import.SourceInfo(source, etag, last_modified)
        with self._sql_write() as connection:
            return schedule_import.import_schedule(
                connection, parsed, conference_id=conference_id, source=where_from, now=self._now()
            )

    def schedule_source(self, conference_id: int) -> ScheduleSource | None:
        """Where the conference's schedule was last imported from, if anywhere."""
        from confnote.store import schedule_import

        with self._sql_read() as connection:
            return schedule_import.schedule_source(connection, conference_id)

    def schedule_source_at(self, location: str) -> ScheduleSource | None:
        """The remembered schedule source at ``location`` (a URL or absolute path)."""
        from confnote.store import schedule_import

        with self._sql_read() as connection:
            return schedule_import.schedule_source_at(connection, location)

    # Write-ups

    def apply_writeups(
        self, writeups: Sequence[ReadWriteup], *, conference_id: int | None = None
    ) -> list[WriteupReport]:
        """Import parsed write-ups in one transaction: all of them, or (on any error) none.

        Each goes into ``conference_id``, else the conference it was imported into
        before, else the conference of its name, else a new one; see
        ``confnote.store.writeup_import``.
        """
        from confnote.store.writeup_import import apply_writeup

        with self._transaction() as session:
            return [
                apply_writeup(session, read, conference_id=conference_id, now=self._now())
                for read in writeups
            ]

    # The whole store

    def snapshot(self) -> dict[str, Any]:
        """The whole store as one plain document (see ``confnote.store.snapshot``)."""
        from confnote.store import snapshot

        with self._reading() as session:
            return snapshot.dump_store(session)

    def restore_snapshot(self, document: dict[str, Any], *, source: str) -> None:
        """Replace everything in the store by what ``document`` holds, in one transaction;
        ``source`` names the document in errors."""
        from confnote.store import snapshot

        with self._transaction() as session:
            snapshot.clear_store(session)
            snapshot.load_store(session, document, source)
