"""The Store's memory of where the app was left (see ``confnote.store.place``)."""

from __future__ import annotations

import sqlite3

from confnote.errors import StoreError, StoreLockedError, is_lock_error
from confnote.store.place import PLACE_WAIT, Place, read_place, write_place
from confnote.store.transactions import StoreBase, first_line


class PlaceMethods(StoreBase):
    """Where the app was left; part of :class:`confnote.store.api.Store`."""

    def last_place(self) -> Place | None:
        """The place the app was left at; None when none was kept."""
        with self._sql_read() as connection:
            return read_place(connection)

    def save_place(self, place: Place, *, wait: float = PLACE_WAIT) -> None:
        """Keep where the app is; StoreLockedError when another program holds the write
        lock for more than ``wait`` seconds."""
        with self._lock:
            try:
                write_place(self._connected(), place, wait=wait)
            except sqlite3.Error as error:
                kind = StoreLockedError if is_lock_error(error) else StoreError
                raise kind(f"{self.path}: {first_line(error)}") from None
