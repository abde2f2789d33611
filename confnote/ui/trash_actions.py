"""What the trash screen's requests do: list, restore (and reload what came back), empty."""

from __future__ import annotations

from typing import TYPE_CHECKING

from confnote.store.records import TrashItem

if TYPE_CHECKING:
    from confnote.store import Store
    from confnote.ui.app import ConfnoteApp
    from confnote.ui.screens.trash import TrashScreen


class TrashActions:
    def __init__(self, app: ConfnoteApp) -> None:
        self._app = app

    def open(self) -> None:
        from confnote.ui.screens.trash import TrashScreen

        if not isinstance(self._app.screen, TrashScreen):
            self._app.push_screen(TrashScreen())

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
            self._app.load_conference(self._app.conference.id)
