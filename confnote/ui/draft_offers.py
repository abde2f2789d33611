"""At start, offer each draft file left for this database (see confnote.drafts); a restored
draft's note opens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from confnote.drafts import Draft, drafts_of
from confnote.errors import ConfnoteError
from confnote.store.records import RevisionKind
from confnote.ui.messages import StoreReply
from confnote.ui.requests import OpenNote, OpenTalk

if TYPE_CHECKING:
    from textual.app import App

    from confnote.store import Store
    from confnote.ui.store_runner import StoreRunner


@dataclass
class DraftFound(StoreReply):
    """A draft whose text the note does not hold; ``title`` names the note."""

    draft: Draft
    title: str
    body: str


class DraftOffers:
    def __init__(self, app: App[Any], runner: StoreRunner) -> None:
        self._app = app
        self._runner = runner

    def look(self) -> None:
        """Find the drafts; one the note already holds is removed without a word."""

        def job(store: Store) -> list[DraftFound]:
            found = []
            for draft in drafts_of(store.path):
                try:
                    body = draft.read()
                    if draft.talk_id is not None:
                        note = store.note_for_talk(draft.talk_id)
                        title = store.talk(draft.talk_id).title
                    else:
                        assert draft.note_id is not None
                        note = store.note(draft.note_id)
                        title = note.title
                except (OSError, UnicodeError, ConfnoteError):
                    continue
                if note is not None and note.body == body:
                    draft.path.unlink(missing_ok=True)
                    continue
                found.append(DraftFound(draft, title, body))
            return found

        self._runner.submit(job, lambda found: found)

    def offer(self, found: DraftFound) -> None:
        from confnote.ui.screens.recovery import RecoveryScreen

        def chosen(choice: str | None) -> None:
            if choice == "restore":
                self._restore(found)
            elif choice == "discard":
                self._runner.submit(lambda _store: found.draft.path.unlink(missing_ok=True))

        where = f"{found.draft.path} (kept {found.draft.saved_at.astimezone():%a %d %b %H:%M})"
        self._app.push_screen(RecoveryScreen(found.title, where, found.body), chosen)

    def _restore(self, found: DraftFound) -> None:
        draft = found.draft

        def job(store: Store) -> OpenTalk | OpenNote:
            store.write_note(
                found.body,
                talk_id=draft.talk_id,
                note_id=draft.note_id,
                keep_current_as=RevisionKind.RESTORE,
            )
            draft.path.unlink(missing_ok=True)
            if draft.talk_id is not None:
                return OpenTalk(draft.talk_id)
            assert draft.note_id is not None
            return OpenNote(draft.note_id)

        self._runner.submit(job, lambda restored: restored)
