"""The Store's trash: deleting talks, notes and TODOs into it, restoring and emptying it."""

from __future__ import annotations

from confnote.store.records import TrashItem
from confnote.store.transactions import StoreBase


class TrashMethods(StoreBase):
    """The trash; part of :class:`confnote.store.api.Store`."""

    def delete_todo(self, todo_id: int) -> TrashItem:
        """Move a TODO to the trash."""
        from confnote.store import trash

        with self._transaction() as session:
            return trash.trash_todo(session, todo_id, now=self._now())

    def delete_talk(self, talk_id: int) -> TrashItem:
        """Move a talk to the trash with its note, revisions, stars, speakers and tags;
        its TODOs stay, unlinked until it is restored."""
        from confnote.store import trash

        with self._transaction() as session:
            return trash.trash_talk(session, talk_id, now=self._now())

    def delete_note(self, note_id: int) -> TrashItem:
        """Move a note (of a talk or of the conference) with its revisions to the trash."""
        from confnote.store import trash

        with self._transaction() as session:
            return trash.trash_note(session, note_id, now=self._now())

    def trash(self, conference_id: int | None = None) -> list[TrashItem]:
        """What the trash holds (of one conference, or all), most recently deleted first."""
        from confnote.store import trash

        with self._reading() as session:
            return trash.trash_items(session, conference_id)

    def restore_from_trash(self, item_id: int) -> TrashItem:
        """Put a trashed talk, note or TODO back; ConfnoteError when its place is taken."""
        from confnote.store import trash

        with self._transaction() as session:
            return trash.restore(session, item_id)

    def empty_trash(self, conference_id: int | None = None) -> int:
        """Delete for good what the trash holds; return how many items went."""
        from confnote.store import trash

        with self._transaction() as session:
            return trash.empty(session, conference_id)
