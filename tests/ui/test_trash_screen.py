"""The trash screen: what was deleted is listed, comes back with r or Enter, and E empties
the trash after asking."""

from __future__ import annotations

from confnote.store import Store
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.confirm import ConfirmScreen
from confnote.ui.screens.trash import TrashScreen
from tests.ui.pilot_helpers import (
    Programme,
    open_talk,
    running,
    select_talk,
    settle,
    shown_titles,
    todo_rows,
    type_text,
)


def trash_titles(app: ConfnoteApp) -> list[str]:
    screen = app.screen
    return [item.title for item in screen.items] if isinstance(screen, TrashScreen) else []


async def test_a_deleted_todo_is_listed_and_r_puts_it_back_in_the_pane(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    todo = store.add_todo(programme.conference.id, "email the speaker")
    store.delete_todo(todo.id)
    async with running(app) as pilot:
        assert not any("email the speaker" in row for row in todo_rows(app))
        app.action_trash()
        await settle(pilot, lambda: trash_titles(app) == ["email the speaker"], what="the list")
        await pilot.press("r")
        await settle(pilot, lambda: trash_titles(app) == [] and isinstance(app.screen, TrashScreen))
        await settle(
            pilot,
            lambda: any("email the speaker" in row for row in todo_rows(app)),
            what="the TODO back in the pane",
        )
        assert [t.text for t in store.list_todos(programme.conference.id)] == ["email the speaker"]
        assert store.trash() == []


async def test_enter_restores_a_deleted_talk_into_the_schedule(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    store.save_talk_note(programme.late.id, "kept in the trash")
    store.delete_talk(programme.late.id)
    async with running(app) as pilot:
        assert "Late morning databases" not in shown_titles(app)
        app.action_trash()
        await settle(pilot, lambda: trash_titles(app) == ["Late morning databases"])
        await pilot.press("enter")
        await settle(
            pilot,
            lambda: "Late morning databases" in shown_titles(app),
            what="the talk back in the schedule",
        )
        (back,) = [t for t in store.list_talks(programme.conference.id) if t.key == "late"]
        note = store.note_for_talk(back.id)
        assert note is not None and note.body == "kept in the trash"


async def test_e_empties_the_trash_only_after_a_yes(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    for text in ("first", "second"):
        store.delete_todo(store.add_todo(programme.conference.id, text).id)
    async with running(app) as pilot:
        app.action_trash()
        await settle(pilot, lambda: sorted(trash_titles(app)) == ["first", "second"])
        await pilot.press("E")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question")
        await pilot.press("n")
        await settle(pilot, lambda: isinstance(app.screen, TrashScreen))
        await settle(pilot)
        assert len(store.trash()) == 2
        await pilot.press("E")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question")
        await pilot.press("y")
        await settle(pilot, lambda: trash_titles(app) == [] and isinstance(app.screen, TrashScreen))
        assert store.trash() == []
        await pilot.press("escape")
        await settle(pilot, lambda: not isinstance(app.screen, TrashScreen))


async def test_deleting_the_talk_being_typed_in_keeps_every_key_in_the_trash(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    async with running(app) as pilot:
        await open_talk(pilot, programme.late.id)
        await type_text(pilot, "typed just now")
        app.main.action_delete_talk()
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question")
        await pilot.press("y")
        await settle(
            pilot,
            lambda: "Late morning databases" not in shown_titles(app),
            what="the talk to leave the schedule",
        )
        assert app.note_pane.target is None
        (item,) = store.trash()
        store.restore_from_trash(item.id)
        (back,) = [t for t in store.list_talks(programme.conference.id) if t.key == "late"]
        note = store.note_for_talk(back.id)
        assert note is not None and "typed just now" in note.body


async def test_answering_no_keeps_the_talk(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    async with running(app) as pilot:
        await select_talk(pilot, programme.late.id)
        app.main.action_delete_talk()
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question")
        await pilot.press("n")
        await settle(pilot)
        assert "Late morning databases" in shown_titles(app)
        assert store.trash() == []


async def test_the_open_note_can_be_moved_to_the_trash(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    store.save_talk_note(programme.opening.id, "to be thrown away")
    async with running(app) as pilot:
        await open_talk(pilot, programme.opening.id)
        app.main.action_delete_note()
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question")
        await pilot.press("y")
        await settle(pilot, lambda: len(store.trash()) == 1, what="the note in the trash")
        assert store.note_for_talk(programme.opening.id) is None
        assert [i.kind.label for i in store.trash()] == ["note"]
