"""Saving notes against the version this window's editor loaded.

The versions live on the store thread: they are read and written only by store
jobs, in the order the jobs run, so a save queued right after a load is checked
against that load.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from confnote.checklist import note_checklist
from confnote.drafts import Draft, keep_draft
from confnote.errors import ConfnoteError, NotFoundError, StoreLockedError
from confnote.store.records import Note, NoteWrite, RevisionKind, Talk
from confnote.ui.messages import (
    NoteChanged,
    NoteChecklistSaved,
    NoteSaved,
    NoteSaveFailed,
    NoteTarget,
    RevisionsLoaded,
    TalksChanged,
)

if TYPE_CHECKING:
    from textual.message import Message

    from confnote.store import Store
    from confnote.ui.store_runner import StoreRunner

log = logging.getLogger("confnote")


class NoteSync:
    def __init__(self, runner: StoreRunner) -> None:
        self._runner = runner
        self._versions: dict[NoteTarget, int] = {}
        # Where the last save before exit put the text it could not save, and why.
        self.kept: tuple[Path, str] | None = None

    @property
    def database(self) -> Path | None:
        """The database file, once the store is open."""
        return self._runner.store.path if self._runner.store is not None else None

    def loaded(self, target: NoteTarget, note: Note | None) -> None:
        """Record (on the store thread) the version an editor is about to show; 0: no note."""
        self._versions[target] = note.version if note else 0

    def adopt(self, target: NoteTarget, note: Note) -> None:
        """The editor now shows ``note`` (reloaded after another window wrote it)."""
        self._runner.submit(lambda _store: self.loaded(target, note))

    def check(self, target: NoteTarget | None) -> None:
        """Post NoteChanged when the open note has moved past the version the editor loaded."""
        if target is None:
            return
        versions = self._versions

        def job(store: Store) -> NoteChanged | None:
            try:
                if target.talk_id is not None:
                    note = store.note_for_talk(target.talk_id)
                else:
                    assert target.note_id is not None
                    note = store.note(target.note_id)
            except NotFoundError:
                return None
            ours = versions.get(target)
            if note is None or note.version == ours:
                return None
            set_aside = any(
                r.kind is RevisionKind.CONFLICT and r.version == ours
                for r in store.note_revisions(note.id)
            )
            return NoteChanged(target, note, set_aside)

        self._runner.submit(job, lambda changed: changed)

    def load_revisions(self, note_id: int) -> None:
        self._runner.submit(
            lambda store: RevisionsLoaded(note_id, store.note_revisions(note_id)),
            lambda loaded: loaded,
        )

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

        self._runner.submit(job, reply, lambda reason: NoteSaveFailed(target, reason, body))

    def save_before_exit(self, pending: tuple[NoteTarget, str] | None, *, patience: float) -> None:
        """Queue the last save before the app ends. The text goes to a draft file first
        (offered at the next start if the process dies); the save is retried, with
        backoff, for ``patience`` seconds while the database is locked, and removes the
        draft once it lands. ``kept`` names the draft, and why, if it never did."""
        store = self._runner.store
        if pending is None or store is None:
            return
        target, body = pending
        versions = self._versions
        try:
            draft: Draft | None = keep_draft(
                store.path, body, talk_id=target.talk_id, note_id=target.note_id
            )
        except OSError:
            log.exception("cannot write a draft; saving into the database only")
            draft = None

        def job(store: Store) -> None:
            deadline, pause = time.monotonic() + patience, 0.25
            while True:
                try:
                    store.write_note(
                        body,
                        talk_id=target.talk_id,
                        note_id=target.note_id,
                        base_version=versions.get(target),
                    )
                except StoreLockedError as error:
                    if time.monotonic() + pause < deadline:
                        time.sleep(pause)
                        pause = min(pause * 2, 4.0)
                        continue
                    reason = f"the database stayed locked ({error})"
                except ConfnoteError as error:  # read-only, full, the note gone…
                    reason = f"the database refused it ({error})"
                else:
                    if draft is not None:
                        draft.path.unlink(missing_ok=True)
                    return
                kept = draft or keep_draft(
                    store.path, body, talk_id=target.talk_id, note_id=target.note_id
                )
                self.kept = (kept.path, reason)
                return

        self._runner.submit(job)
