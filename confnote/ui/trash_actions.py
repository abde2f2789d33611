"""Moving the talk under the schedule's cursor, or the open note, to the trash (after asking).
The trash itself, and restoring from it, is the trash screen's (screens/trash.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from confnote.errors import ConfnoteError
from confnote.store.records import TrashItem
from confnote.ui.messages import MovedToTrash
from confnote.ui.requests import StoreRequest

if TYPE_CHECKING:
    from confnote.store import Store
    from confnote.ui.screens.main import MainScreen


def delete_talk(main: MainScreen) -> None:
    """Move the talk under the schedule's cursor to the trash, with its note."""
    talk = main.schedule.table.current_talk
    if talk is None:
        main.notify("No talk selected", severity="warning")
        return
    talk_id = talk.id
    question = f"Move the talk “{talk.title}” and its note to the trash?"
    _ask(main, question, lambda store: store.delete_talk(talk_id), talk_id=talk_id)


def delete_note(main: MainScreen) -> None:
    """Move the open note (a talk's or the conference's) to the trash."""
    target = main.note_pane.target
    if target is None:
        main.notify("No note is open", severity="warning")
        return

    def job(store: Store) -> TrashItem:
        if target.note_id is not None:
            return store.delete_note(target.note_id)
        note = store.note_for_talk(target.talk_id) if target.talk_id is not None else None
        if note is None:
            raise ConfnoteError("This talk has no saved note yet")
        return store.delete_note(note.id)

    _ask(main, "Move the open note to the trash?", job, talk_id=target.talk_id, note=True)


def _ask(
    main: MainScreen,
    question: str,
    job: Callable[[Store], TrashItem],
    *,
    talk_id: int | None,
    note: bool = False,
) -> None:
    from confnote.ui.screens.confirm import ConfirmScreen

    def answered(yes: bool | None) -> None:
        if not yes:
            return
        pane = main.note_pane
        if note or (talk_id is not None and pane.talk is not None and pane.talk.id == talk_id):
            pane.close()  # saves what was typed first: the save runs before the delete
        main.post_message(StoreRequest(job, MovedToTrash))

    main.app.push_screen(ConfirmScreen(question, yes="Move to trash"), answered)
