"""Saving notes against the version this window's editor loaded.

The versions live on the store thread: they are read and written only by store
jobs, in the order the jobs run, so a save queued right after a load is checked
against that load.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from confnote.checklist import note_checklist
from confnote.store.records import Note, NoteWrite, RevisionKind, Talk
from confnote.ui.messages import (
    NoteChecklistSaved,
    NoteSaved,
    NoteSaveFailed,
    NoteTarget,
    TalksChanged,
)

if TYPE_CHECKING:
    from textual.message import Message

    from confnote.store import Store
    from confnote.ui.store_runner import StoreRunner


class NoteSync:
    def __init__(self, runner: StoreRunner) -> None:
        self._runner = runner
        self._versions: dict[NoteTarget, int] = {}

    def loaded(self, target: NoteTarget, note: Note | None) -> None:
        """Record (on the store thread) the version an editor is about to show; 0: no note."""
        self._versions[target] = note.version if note else 0

    def save(
        self, target: NoteTarget, body: str, keep_current_as: RevisionKind | None = None
    ) -> None:
        """Queue a save of ``body`` against the version the editor is based on."""
        versions = self._versions

        def job(store: Store) -> tuple[NoteWrite, Talk | None, NoteChecklistSaved]:
            written = store.write_note(
                body,
                talk_id=target.talk_id,
                note_id=target.note_id,
                base_version=versions.get(target),
                keep_current_as=keep_current_as,
            )
            note = written.note
            versions[target] = note.version
            talk = store.talk(target.talk_id) if target.talk_id is not None else None
            return (
                written,
                talk,
                NoteChecklistSaved(note.conference_id, note.id, note_checklist(note)),
            )

        def reply(result: tuple[NoteWrite, Talk | None, NoteChecklistSaved]) -> list[Message]:
            written, talk, checklist = result
            messages: list[Message] = [NoteSaved(target, written.note, written.conflict), checklist]
            if talk is not None:
                messages.append(TalksChanged([talk]))
            return messages

        self._runner.submit(job, reply, lambda reason: NoteSaveFailed(target, reason))
