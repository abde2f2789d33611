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


class NotFoundError(ConfnoteError):
    """A conference, talk, note or TODO that the caller named does not exist."""
