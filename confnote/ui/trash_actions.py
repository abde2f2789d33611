"""Moving the talk under the cursor or the open note to the trash (after asking), and what
the trash screen's requests do: list, restore (and reload what came back), empty."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from confnote.errors import ConfnoteError
from confnote.store.records import TrashItem

if TYPE_CHECKING:
    from confnote.store import Store
    from confnote.ui.screens.trash import TrashScreen


class TrashActions:
    def __init__(self, app: Any) -> None:
        # The running ConfnoteApp; typed loosely since nothing in ui/ imports ui/app.py.
        self._app = app

    def open(self) -> None:
        from confnote.ui.screens.trash import TrashScreen

        if not isinstance(self._app.screen, TrashScreen):
            self._app.push_screen(TrashScreen())

    def delete_talk(self) -> None:
        """Move the talk under the schedule's cursor to the trash, with its note."""
        app = self._app
        talk = app.schedule.table.current_talk
        if talk is None:
            app.notify("No talk selected", severity="warning")
            return
        talk_id = talk.id
        question = f"Move the talk “{talk.title}” and its note to the trash?"
        self._ask(question, lambda store: store.delete_talk(talk_id), talk_id=talk_id)

    def delete_note(self) -> None:
        """Move the open note (a talk's or the conference's) to the trash."""
        app = self._app
        target = app.note_pane.target
        if target is None:
            app.notify("No note is open", severity="warning")
            return

        def job(store: Store) -> TrashItem:
            if target.note_id is not None:
                return store.delete_note(target.note_id)
            note = store.note_for_talk(target.talk_id) if target.talk_id is not None else None
            if note is None:
                raise ConfnoteError("This talk has no saved note yet")
            return store.delete_note(note.id)

        self._ask("Move the open note to the trash?", job, talk_id=target.talk_id, note=True)

    def _ask(
        self,
        question: str,
        job: Callable[[Store], TrashItem],
        *,
        talk_id: int | None,
        note: bool = False,
    ) -> None:
        from confnote.ui.screens.confirm import ConfirmScreen

        app = self._app

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            pane = app.note_pane
            if note or (talk_id is not None and pane.talk is not None and pane.talk.id == talk_id):
                pane.close()  # saves what was typed first: the save runs before the delete
            app.runner.submit(job, lambda item: app.call_from_thread(self._moved, item))

        app.push_screen(ConfirmScreen(question, yes="Move to trash"), answered)

    def _moved(self, item: TrashItem) -> None:
        app = self._app
        app.notify(f"Moved {item.kind.label} “{item.title}” to the trash (palette: Trash)")
        if app.conference is not None:
            app.main.reload()

    def handle(self, event: TrashScreen.Request) -> None:
        app = self._app
        conference_id = app.conference.id if app.conference else None
        if event.what == "restore" and event.item_id is not None:
            item_id = event.item_id

            def restore(store: Store) -> tuple[str, list[TrashItem]]:
                item = store.restore_from_trash(item_id)
                return f"Restored {item.kind.label} “{item.title}”.", store.trash(conference_id)

            job = restore
        elif event.what == "empty":

            def empty(store: Store) -> tuple[str, list[TrashItem]]:
                count = store.empty_trash(conference_id)
                return f"Deleted {count} for good.", store.trash(conference_id)

            job = empty
        else:

            def load(store: Store) -> tuple[str, list[TrashItem]]:
                return "", store.trash(conference_id)

            job = load

        def shown(result: tuple[str, list[TrashItem]]) -> None:
            status, items = result
            app.call_from_thread(self._show, items, status, event.what == "restore")

        # A refused restore (its place is taken) comes back as StoreFailed: a notice.
        app.runner.submit(job, shown)

    def _show(self, items: list[TrashItem], status: str, restored: bool) -> None:
        from confnote.ui.screens.trash import TrashScreen

        if isinstance(self._app.screen, TrashScreen):
            self._app.screen.show(items, status)
        if restored and self._app.conference is not None:
            self._app.main.reload()
