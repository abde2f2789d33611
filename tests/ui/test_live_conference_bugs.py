"""Things that went wrong while living in the app through a conference: stale note
headers, a ✎ for an untouched note, TODO edits and ticks, dialogs and their footers."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, Footer, Input, Static
from textual.widgets._footer import FooterKey

from confnote.store import Store
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.talk_form import TalkFormScreen
from confnote.ui.screens.todo_form import TodoFormScreen
from tests.helpers import talk_details
from tests.ui.pilot_helpers import (
    Programme,
    highlight_in_todo_pane,
    make_app,
    open_talk,
    row_cells,
    running,
    screen_text,
    select_talk,
    settle,
    static_text,
    stored_body,
    todo_named,
    type_text,
)


def note_header(app: ConfnoteApp) -> str:
    return static_text(app.note_pane.query_one("#note-header", Static))


async def test_the_note_header_follows_a_refresh_that_moves_the_open_talk(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    talk = programme.late
    async with running(app) as pilot:
        await open_talk(pilot, talk.id)
        assert "11:00" in note_header(app)
        details = talk_details(
            "late", talk.title, "2025-05-17T15:00:00+02:00", 30, room="Room B", track="Data"
        )
        store.update_talk(talk.id, details)
        app.main.load_conference(programme.conference.id)  # what a refresh does once written
        await settle(pilot, lambda: "15:00" in note_header(app), what="the new time")
        assert "Room B" in note_header(app) and "11:00" not in note_header(app)


async def test_undoing_a_note_back_to_its_template_clears_the_has_notes_mark(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    talk = programme.opening
    async with running(app) as pilot:
        await open_talk(pilot, talk.id)
        template = app.note_pane.editor.text
        await type_text(pilot, "x")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: "✎" in row_cells(app, talk.id)[0], what="the ✎ mark")

        await pilot.press("ctrl+z")
        assert app.note_pane.editor.text == template
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: "✎" not in row_cells(app, talk.id)[0], what="no ✎ mark")
        assert stored_body(store, talk.id) == ""

        await select_talk(pilot, programme.late.id)
        await open_talk(pilot, talk.id)
        assert app.note_pane.editor.text == template


async def test_editing_a_todo_puts_the_cursor_after_its_text_instead_of_selecting_it(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    todo = store.add_todo(programme.conference.id, "Email speaker")
    async with running(app) as pilot:
        await highlight_in_todo_pane(pilot, todo_named("Email speaker"))
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, TodoFormScreen), what="the form")
        await type_text(pilot, " today")
        await pilot.press("enter")
        await settle(pilot, lambda: store.list_todos(programme.conference.id)[0].text != todo.text)
        assert store.list_todos(programme.conference.id)[0].text == "Email speaker today"


async def test_ticking_a_todo_moves_the_highlight_to_the_next_one_not_the_first(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    for text in ("First", "Second", "Third"):
        store.add_todo(programme.conference.id, text)
    async with running(app) as pilot:
        await highlight_in_todo_pane(pilot, todo_named("Second"))
        await pilot.press("space")
        await settle(pilot, lambda: store.list_todos(programme.conference.id)[1].done)
        await settle(pilot)
        assert todo_named("Third")(app.todo_pane.current)

        await pilot.press("f")  # "done": ticking it back keeps it highlighted in "all"
        await pilot.press("f")
        await highlight_in_todo_pane(pilot, todo_named("Second"))
        await pilot.press("space")
        await settle(pilot, lambda: not store.list_todos(programme.conference.id)[1].done)
        await settle(pilot)
        assert todo_named("Second")(app.todo_pane.current)


async def test_the_link_label_of_a_new_todo_is_ellipsised_inside_the_dialog(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    long_title = "A very long talk title about " + "many interesting things " * 5
    talk = store.add_talk(
        programme.conference.id, talk_details("long", long_title, "2025-05-17T12:00:00+02:00")
    )
    async with running(app) as pilot:
        await open_talk(pilot, talk.id)
        await pilot.press("f4", "a")
        await settle(pilot, lambda: isinstance(app.screen, TodoFormScreen), what="the form")
        link = app.screen.query_one("#todo-link", Checkbox)
        dialog = app.screen.query_one(".dialog")
        assert "…" in str(link.label)
        assert link.region.right <= dialog.content_region.right
        assert link.region.height == dialog.query_one("#todo-text", Input).region.height


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_talk_form_opens_at_its_top_at_40_and_24_rows(
    db_path: Path, programme: Programme, size: tuple[int, int]
) -> None:
    app = make_app(db_path)
    async with running(app, size=size) as pilot:
        await select_talk(pilot, programme.opening.id)
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, TalkFormScreen), what="the form")
        await pilot.pause()
        form = app.screen.query_one(VerticalScroll)
        assert form.scroll_y == 0
        heading = app.screen.query_one(".dialog-text")
        assert heading.region.y >= form.region.y and heading.region.height > 0


LONG_TITLE = (
    "Beginning words first: a very long talk title about parsers, packaging, "
    "performance and the rest of the afternoon, ending here"
)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_talk_form_shows_the_start_of_a_long_title(
    db_path: Path, store: Store, programme: Programme, size: tuple[int, int]
) -> None:
    long = store.add_talk(
        programme.conference.id, talk_details("long", LONG_TITLE, "2025-05-17T10:00:00+02:00")
    )
    app = make_app(db_path)
    async with running(app, size=size) as pilot:
        await select_talk(pilot, long.id)
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, TalkFormScreen), what="the form")
        await pilot.pause()
        title = app.screen.query_one("#talk-title", Input)
        assert app.focused is title
        assert title.content_size.width < len(LONG_TITLE)
        assert title.scroll_x == 0
        line = title.render_line(0).text
        assert line.strip().startswith("Beginning words first")
        await pilot.press("end", "exclamation_mark")  # the rest is still there to edit
        assert title.value == LONG_TITLE + "!"


def footer_keys(app: ConfnoteApp) -> dict[str, FooterKey]:
    return {key.description: key for key in app.screen.query(FooterKey)}


async def test_a_dialog_shows_its_own_keys_in_the_footer_not_the_schedules(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        await pilot.press("f4", "a")
        await settle(pilot, lambda: isinstance(app.screen, TodoFormScreen), what="the form")
        await pilot.pause()
        assert app.screen.query(Footer)
        keys = footer_keys(app)
        assert "Cancel" in keys and "Save" in keys and "Star" not in keys


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_the_todo_pane_footer_shows_move_and_kind(
    app: ConfnoteApp, store: Store, programme: Programme, size: tuple[int, int]
) -> None:
    store.add_todo(programme.conference.id, "Something")
    async with running(app, size) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        keys = {key.key: key for key in app.screen.query(FooterKey)}
        for key in ("K", "J", "t"):
            assert key in keys, sorted(keys)
            assert keys[key].region.right <= size[0] - len("^p palette")
            assert keys[key].region.width > 0


async def test_the_preview_draws_check_boxes_and_wraps_long_code_lines(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    long_line = "call(" + ", ".join(f"argument_{n}" for n in range(30)) + ")  endmark"
    body = f"# Notes\n\n- [ ] try it\n- [x] done it\n\n```python\n{long_line}\n```\n"
    store.save_talk_note(programme.opening.id, body)
    async with running(app) as pilot:
        await open_talk(pilot, programme.opening.id)
        await pilot.press("ctrl+r")
        await settle(pilot, lambda: bool(app.note_pane.query("MarkdownFence")), what="preview")
        await pilot.pause()
        preview = app.note_pane.query_one("#note-preview")
        shown = screen_text(preview)
        assert "☐ try it" in shown and "☑ done it" in shown and "[ ]" not in shown
        await pilot.press("end")  # the wrapped code line is further down
        await pilot.pause()
        assert "endmark" in screen_text(preview)
        assert app.note_pane.editor.text == body  # the note itself keeps its brackets


async def test_the_footer_is_rebuilt_only_when_the_keys_it_lists_change(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        shown = list(app.screen.query(FooterKey))
        app.screen.refresh_bindings()  # asked to look again: the same keys apply
        await pilot.pause()
        await pilot.pause()
        assert list(app.screen.query(FooterKey)) == shown
        await pilot.press("f4")  # the TODO pane has keys of its own
        await pilot.pause()
        await pilot.pause()
        keys = {key.key for key in app.screen.query(FooterKey)}
        assert {"K", "J", "t"} <= keys
        assert list(app.screen.query(FooterKey)) != shown
