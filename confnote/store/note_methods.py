"""The Store's notes: of talks and of the conference, their revisions and checklists."""

from __future__ import annotations

from confnote.store import notes
from confnote.store.records import ChecklistEntry, Note, NoteRevision, NoteWrite, RevisionKind
from confnote.store.transactions import StoreBase


class NoteMethods(StoreBase):
    """Notes; part of :class:`confnote.store.api.Store`."""

    def note_for_talk(self, talk_id: int) -> Note | None:
        with self._sql_read() as connection:
            return notes.note_for_talk(connection, talk_id)

    def note(self, note_id: int) -> Note:
        with self._sql_read() as connection:
            return notes.note_by_id(connection, note_id)

    def save_talk_note(self, talk_id: int, body: str, *, base_version: int | None = None) -> Note:
        """Write the note of a talk, creating it on first save."""
        return self.write_note(body, talk_id=talk_id, base_version=base_version).note

    def save_note(
        self, note_id: int, body: str, *, base_version: int | None = None, title: str | None = None
    ) -> Note:
        """Write a note by id. A stale ``base_version`` never loses the other writer's text:
        the body it would overwrite is kept as a revision first."""
        return self.write_note(body, note_id=note_id, base_version=base_version, title=title).note

    def write_note(
        self,
        body: str,
        *,
        talk_id: int | None = None,
        note_id: int | None = None,
        base_version: int | None = None,
        title: str | None = None,
        keep_current_as: RevisionKind | None = None,
    ) -> NoteWrite:
        """Write a talk's note (by ``talk_id``, created on first save) or a note by id.

        ``base_version`` is the version the editor loaded, 0 for no note yet. A save
        that finds a newer version keeps the other text as a pinned revision and
        returns it as ``conflict``. ``keep_current_as`` pins the replaced text.
        """
        with self._sql_write() as connection:
            return notes.write_note(
                connection,
                body,
                talk_id=talk_id,
                note_id=note_id,
                base_version=base_version,
                now=self._now(),
                title=title,
                keep_current_as=keep_current_as,
            )

    def add_conference_note(self, conference_id: int, title: str, body: str = "") -> Note:
        """A note that belongs to the conference itself (intro, hallway track, sprints)."""
        with self._sql_write() as connection:
            return notes.add_conference_note(
                connection, conference_id, title, body, now=self._now()
            )

    def conference_notes(self, conference_id: int) -> list[Note]:
        """Notes of the conference itself, in the order they were made."""
        with self._sql_read() as connection:
            return notes.conference_notes(connection, conference_id)

    def talk_notes(self, conference_id: int) -> list[Note]:
        """Every talk note of a conference that holds some text."""
        with self._sql_read() as connection:
            return notes.talk_notes(connection, conference_id)

    def note_revisions(self, note_id: int) -> list[NoteRevision]:
        """Earlier bodies of a note, newest first."""
        with self._sql_read() as connection:
            return notes.note_revisions(connection, note_id)

    def checklist(self, conference_id: int) -> list[ChecklistEntry]:
        """Every ``- [ ]`` line in the conference's notes, by talk time then line."""
        with self._sql_read() as connection:
            return notes.checklist(connection, conference_id)

    def set_checklist_item(self, entry: ChecklistEntry, done: bool) -> Note:
        """Tick or untick a checklist line by rewriting it in its note."""
        with self._sql_write() as connection:
            return notes.set_checklist_item(connection, entry, done, now=self._now())
