"""The Store: every read and write the app and the command line make.

Each method is one transaction and returns frozen records, never ORM rows, so
any method may run in a worker thread. The methods live by subject in
``conference_methods``, ``talk_methods``, ``note_methods``, ``todo_methods``,
``trash_methods`` and ``bulk_methods`` (imports and snapshots); the connection
and transactions they share in ``transactions``.
"""

from __future__ import annotations

import time
from pathlib import Path

from confnote.store import search as fts
from confnote.store.bulk_methods import BulkMethods
from confnote.store.engine import BUSY_TIMEOUT_MS, open_database
from confnote.store.note_methods import NoteMethods
from confnote.store.place_methods import PlaceMethods
from confnote.store.records import SearchHit
from confnote.store.todo_methods import TodoMethods
from confnote.store.transactions import Clock
from confnote.store.trash_methods import TrashMethods


class Store(BulkMethods, TodoMethods, NoteMethods, TrashMethods, PlaceMethods):
    """A confnote database. Open it with :meth:`Store.open`."""

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        clock: Clock = time.time,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> Store:
        """Open (creating and migrating as needed) the database at ``path``.

        A write waits up to ``busy_timeout_ms`` for another process's write lock.
        """
        path = Path(path).expanduser()
        return cls(path, open_database(path, busy_timeout_ms), clock, busy_timeout_ms)

    # Search

    def search(
        self, query: str, *, conference_id: int | None = None, limit: int = 50
    ) -> list[SearchHit]:
        """Talks and notes matching ``query``, best first (title > speakers > abstract, notes)."""
        match = fts.fts_query(query)
        if match is None:
            return []
        with self._sql_read() as connection:
            return fts.search_hits(connection, match, conference_id=conference_id, limit=limit)
