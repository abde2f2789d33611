"""Errors a user can cause. Each one prints as a single line: where, then why."""

from __future__ import annotations


class ConfnoteError(Exception):
    """An error the user can act on; ``str()`` is the whole message shown."""


class InputError(ConfnoteError):
    """A file or value confnote could not read: names the source, the place and the reason."""

    def __init__(self, source: str, reason: str, place: str = "") -> None:
        self.source = source
        self.reason = reason
        self.place = place
        where = f"{source}: {place}" if place else source
        super().__init__(f"{where}: {reason}")


class StoreError(ConfnoteError):
    """The database could not be opened, migrated or written."""


class StoreLockedError(StoreError):
    """Another program holds the database's write lock for longer than confnote waits."""


def is_lock_error(error: BaseException) -> bool:
    """Whether a sqlite3 error means the database is busy or locked by someone else."""
    import sqlite3

    codes = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
    return getattr(error, "sqlite_errorcode", None) in codes or "locked" in str(error)


class NotFoundError(ConfnoteError):
    """A conference, talk, note or TODO that the caller named does not exist."""


class ChangedElsewhereError(ConfnoteError):
    """What the caller last saw was changed (by another window) before its write."""
