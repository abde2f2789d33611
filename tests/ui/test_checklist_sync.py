"""``- [ ]`` lines in notes show in the TODO pane, and ticking them there rewrites the note."""

from __future__ import annotations

from confnote.store import Store
from confnote.ui.app import ConfnoteApp
from tests.ui.pilot_helpers import (
    Programme,
    checklist_line,
    highlight_in_todo_pane,
    open_talk,
    running,
    settle,
    stored_body,
    todo_rows,
    type_text,
)


async def test_a_checklist_line_typed_in_a_note_shows_under_its_talk_in_the_todo_pane(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        await open_talk(pilot, programme.opening.id)
        await type_text(pilot, "- [ ] Email Ada")

        await settle(pilot, lambda: "  ☐ Email Ada" in todo_rows(app), what="the checklist line")
        rows = todo_rows(app)
        assert rows.index("✎ Opening keynote") == rows.index("  ☐ Email Ada") - 1


async def test_ticking_a_line_of_the_open_note_rewrites_it_in_the_editor_and_the_store(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    talk_id = programme.opening.id
    async with running(app) as pilot:
        await open_talk(pilot, talk_id)
        await type_text(pilot, "- [ ] Email Ada\n- [ ] Say hi")
        await settle(pilot, lambda: "  ☐ Email Ada" in todo_rows(app), what="the checklist line")

        await highlight_in_todo_pane(pilot, checklist_line("Email Ada"))
        await pilot.press("space")

        await settle(
            pilot,
            lambda: "- [x] Email Ada\n- [ ] Say hi" in stored_body(store, talk_id),
            what="the ticked line in the store",
        )
        assert "- [x] Email Ada\n- [ ] Say hi" in app.note_pane.editor.text
        assert "  ☐ Email Ada" not in todo_rows(app)  # the pane shows open items
        assert "  ☐ Say hi" in todo_rows(app)


async def test_ticking_a_line_of_a_note_that_is_not_open_rewrites_it_in_the_store(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    talk_id = programme.late.id
    store.save_talk_note(talk_id, "# Late\n\n- [ ] Read the paper\n- [x] Find the room\n")
    async with running(app) as pilot:
        assert "✎ Late morning databases" in todo_rows(app)
        assert "  ☐ Read the paper" in todo_rows(app)
        assert app.note_pane.target is None

        await highlight_in_todo_pane(pilot, checklist_line("Read the paper"))
        await pilot.press("space")
        await settle(
            pilot,
            lambda: "- [x] Read the paper" in stored_body(store, talk_id),
            what="the ticked line in the store",
        )
        await settle(pilot, lambda: "  ☐ Read the paper" not in todo_rows(app), what="ticked")

        await pilot.press("f")  # done items
        assert todo_rows(app) == [
            "✎ Late morning databases",
            "  ☑ Read the paper",
            "  ☑ Find the room",
        ]
        await highlight_in_todo_pane(pilot, checklist_line("Find the room"))
        await pilot.press("space")
        await settle(
            pilot,
            lambda: (
                stored_body(store, talk_id)
                == "# Late\n\n- [x] Read the paper\n- [ ] Find the room\n"
            ),
            what="the unticked line in the store",
        )

        await open_talk(pilot, talk_id)
        assert "- [x] Read the paper\n- [ ] Find the room" in app.note_pane.editor.text


async def test_typing_in_a_checklist_line_updates_its_row_in_place_and_leaves_other_rows(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    todo = store.add_todo(programme.conference.id, "Buy stickers")
    async with running(app) as pilot:
        await open_talk(pilot, programme.opening.id)
        await type_text(pilot, "- [ ] Email Ada")
        await settle(pilot, lambda: "  ☐ Email Ada" in todo_rows(app), what="the checklist line")
        options = app.todo_pane.option_list
        todo_row = options.get_option(f"todo-{todo.id}")

        await type_text(pilot, " and Bob\nmore notes")
        await settle(
            pilot, lambda: "  ☐ Email Ada and Bob" in todo_rows(app), what="the edited line"
        )
        await settle(pilot)
        assert options.get_option(f"todo-{todo.id}") is todo_row  # not rebuilt
        assert "  ☐ Email Ada" not in todo_rows(app)
