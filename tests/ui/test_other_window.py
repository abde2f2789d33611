"""Another window (here: the test's own store connection) writes what this app shows."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from confnote.note_merge import MINE_MARKER, THEIRS_MARKER
from confnote.store import RevisionKind, Store
from confnote.ui import store_runner
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.note_conflict import NoteConflictScreen
from confnote.ui.screens.todo_form import TodoFormScreen
from tests.ui.pilot_helpers import (
    Programme,
    highlight_in_todo_pane,
    note_status,
    open_talk,
    row_cells,
    running,
    select_talk,
    settle,
    stored_body,
    todo_named,
    todo_rows,
    type_text,
)


@pytest.mark.usefixtures("no_autosave")
@pytest.mark.parametrize(
    ("key", "kept", "lost_from_body"),
    [("m", ["BBB"], "AAA"), ("t", ["AAA"], "BBB"), ("b", ["AAA", "BBB", MINE_MARKER], None)],
    ids=["keep-mine", "take-theirs", "both-merged"],
)
async def test_a_save_over_another_windows_note_keeps_both_and_offers_the_choice(
    app: ConfnoteApp,
    store: Store,
    programme: Programme,
    key: str,
    kept: list[str],
    lost_from_body: str | None,
) -> None:
    talk_id = programme.opening.id
    async with running(app) as pilot:
        await open_talk(pilot, talk_id)
        loaded = app.note_pane.editor.text
        await type_text(pilot, " BBB")
        store.save_talk_note(talk_id, loaded + " AAA")
        await pilot.press("ctrl+s")
        await settle(
            pilot, lambda: isinstance(app.screen, NoteConflictScreen), what="the conflict choice"
        )
        await pilot.press(key)
        await settle(pilot)

        body = stored_body(store, talk_id)
        for text in kept:
            assert text in body
        if lost_from_body:
            assert lost_from_body not in body
        assert app.note_pane.editor.text == body
        note = store.note_for_talk(talk_id)
        assert note is not None
        revisions = store.note_revisions(note.id)
        everything = "\n".join([body, *(r.body for r in revisions)])
        assert "AAA" in everything and "BBB" in everything
        assert all(r.kind is RevisionKind.CONFLICT for r in revisions)
        if key == "b":
            assert body.rstrip().endswith(THEIRS_MARKER)


async def test_an_idle_open_note_shows_what_another_window_saved(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    talk_id = programme.opening.id
    async with running(app) as pilot:
        await open_talk(pilot, talk_id)
        await type_text(pilot, " mine")
        await settle(pilot, lambda: " mine" in stored_body(store, talk_id))
        await settle(pilot)

        store.save_talk_note(talk_id, stored_body(store, talk_id) + "\ntheirs")
        await settle(
            pilot,
            lambda: app.note_pane.editor.text.endswith("\ntheirs"),
            what="the other window's text",
            timeout=3,
        )
        assert note_status(app).startswith("updated from another window")
        await type_text(pilot, "!")  # where the cursor was: after " mine"
        await settle(pilot, lambda: " mine!" in stored_body(store, talk_id))
        await settle(pilot)
        assert stored_body(store, talk_id).endswith("\ntheirs")
        note = store.note_for_talk(talk_id)
        assert note is not None
        assert not any(r.kind is RevisionKind.CONFLICT for r in store.note_revisions(note.id))


async def test_unsaved_typing_under_another_windows_save_goes_through_the_conflict_choice(
    app: ConfnoteApp, store: Store, programme: Programme, no_autosave: None
) -> None:
    talk_id = programme.opening.id
    async with running(app) as pilot:
        await open_talk(pilot, talk_id)
        await type_text(pilot, " unsaved here")
        store.save_talk_note(talk_id, "written elsewhere")
        await settle(
            pilot,
            lambda: isinstance(app.screen, NoteConflictScreen),
            what="the conflict choice",
            timeout=3,
        )
        assert " unsaved here" in stored_body(store, talk_id)


async def test_stars_and_todos_from_another_window_show_within_two_seconds(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    talk = programme.late
    async with running(app) as pilot:
        store.set_star(talk.id, 2)
        store.add_todo(programme.conference.id, "Email the speaker", talk_id=talk.id)
        await settle(
            pilot,
            lambda: (
                "★★" in row_cells(app, talk.id)[0]
                and any("Email the speaker" in row for row in todo_rows(app))
            ),
            what="the star and the TODO",
            timeout=3,
        )


async def test_a_star_pressed_here_steps_from_the_level_shown_here(
    app: ConfnoteApp, store: Store, programme: Programme, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_runner, "WATCH_INTERVAL", 3600.0)  # this window has not looked
    talk = programme.late
    async with running(app) as pilot:
        await select_talk(pilot, talk.id)
        store.cycle_star(talk.id, shown=0)  # the other window, on the same 0-star screen
        await pilot.press("s")
        await settle(pilot)

        assert store.talk(talk.id).star == 1
        assert "★" in row_cells(app, talk.id)[0]
        assert "★★" not in row_cells(app, talk.id)[0]


async def test_a_todo_edit_over_another_windows_edit_asks_again_and_keeps_what_was_typed(
    app: ConfnoteApp, store: Store, programme: Programme, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_runner, "WATCH_INTERVAL", 3600.0)
    todo = store.add_todo(programme.conference.id, "Email speaker")
    async with running(app) as pilot:
        await highlight_in_todo_pane(pilot, todo_named("Email speaker"))
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, TodoFormScreen), what="the form")
        await pilot.press("home", "ctrl+k")
        await type_text(pilot, "Thank Ada")
        store.update_todo(todo.id, text="Email Grace")  # the other window, meanwhile
        await pilot.press("enter")

        await settle(
            pilot,
            lambda: (
                isinstance(app.screen, TodoFormScreen) and "Email Grace" in app.screen.title_text
            ),
            what="the form again",
        )
        assert store.todo(todo.id).text == "Email Grace"
        assert app.screen.query_one("#todo-text", Input).value == "Thank Ada"
        await pilot.press("enter")
        await settle(pilot, lambda: store.todo(todo.id).text == "Thank Ada", what="the edit")


async def test_a_window_whose_saved_text_another_window_set_aside_is_told(
    app: ConfnoteApp, store: Store, programme: Programme, monkeypatch: pytest.MonkeyPatch
) -> None:
    talk_id = programme.opening.id
    told: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **_: told.append(message))
    async with running(app) as pilot:
        await open_talk(pilot, talk_id)
        await type_text(pilot, " mine")
        await settle(pilot, lambda: " mine" in stored_body(store, talk_id))
        # The other window opened the talk before this one saved, then saved its own text.
        store.write_note("theirs", talk_id=talk_id, base_version=0)

        await settle(pilot, lambda: app.note_pane.editor.text == "theirs", timeout=3)
        assert any("your text is kept as a revision" in message for message in told)
