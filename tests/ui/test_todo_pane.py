"""The TODO pane: watch later from the schedule, add, edit, done, delete, order, filter, jump."""

from __future__ import annotations

import pytest
from textual.strip import Strip

from confnote.store import Store
from confnote.store.records import TodoKind
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.confirm import ConfirmScreen
from confnote.ui.screens.todo_form import TodoFormScreen
from tests.helpers import talk_details
from tests.ui.pilot_helpers import (
    Programme,
    checklist_line,
    highlight_in_todo_pane,
    marks,
    open_talk,
    running,
    screen_lines,
    screen_text,
    select_talk,
    settle,
    todo_counts,
    todo_named,
    todo_row_with,
    todo_rows,
    todo_title,
    type_text,
)


def shows(app: ConfnoteApp, text: str) -> bool:
    return any(text in row for row in todo_rows(app))


def todo_texts(store: Store, programme: Programme) -> list[str]:
    return [todo.text for todo in store.list_todos(programme.conference.id)]


async def test_w_adds_a_watch_later_todo_with_the_video_link_and_w_again_removes_it(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    talk = programme.opening
    async with running(app) as pilot:
        await select_talk(pilot, talk.id)
        await pilot.press("w")
        await settle(pilot, lambda: shows(app, "Watch “Opening keynote”"), what="the TODO")
        [todo] = store.list_todos(programme.conference.id)
        assert (todo.kind, todo.talk_id, todo.url) == (
            TodoKind.WATCH_LATER,
            talk.id,
            "https://video.example.org/opening",
        )
        row = todo_row_with(app, "Watch “Opening keynote”")
        assert row.startswith("☐ ◷ ")
        assert "https://video.example.org/opening" in row
        assert "◷" in marks(app, talk.id)

        await pilot.press("w")
        await settle(pilot, lambda: not shows(app, "Watch"), what="the TODO to go")
        assert store.list_todos(programme.conference.id) == []
        assert "◷" not in marks(app, talk.id)


async def test_a_opens_a_form_whose_text_becomes_a_new_todo(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    async with running(app) as pilot:
        await pilot.press("f4", "a")
        await settle(pilot, lambda: isinstance(app.screen, TodoFormScreen), what="the form")
        await type_text(pilot, "Thank the team")
        await pilot.press("enter")

        await settle(pilot, lambda: shows(app, "☐ • Thank the team"), what="the TODO")
        [todo] = store.list_todos(programme.conference.id)
        assert (todo.text, todo.kind, todo.talk_id) == (
            "Thank the team",
            TodoKind.ACTION,
            None,
        )


async def test_a_todo_added_while_a_note_is_open_is_linked_to_that_talk(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    async with running(app) as pilot:
        await open_talk(pilot, programme.late.id)
        await pilot.press("f4", "a")
        await settle(pilot, lambda: isinstance(app.screen, TodoFormScreen), what="the form")
        await type_text(pilot, "Get slides")
        await pilot.press("enter")

        await settle(pilot, lambda: shows(app, "Get slides"), what="the TODO")
        [todo] = store.list_todos(programme.conference.id)
        assert todo.talk_id == programme.late.id
        assert "Late morning databases" in todo_row_with(app, "Get slides")


async def test_e_edits_the_highlighted_todo(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    store.add_todo(programme.conference.id, "Email speaker")
    async with running(app) as pilot:
        await highlight_in_todo_pane(pilot, todo_named("Email speaker"))
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, TodoFormScreen), what="the form")
        await pilot.press("home", "ctrl+k")
        await type_text(pilot, "Thank Ada")
        await pilot.press("enter")

        await settle(pilot, lambda: shows(app, "Thank Ada"), what="the edit")
        assert todo_texts(store, programme) == ["Thank Ada"]
        assert not shows(app, "Email speaker")


async def test_space_marks_a_todo_done_and_f_cycles_open_done_and_all(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    store.add_todo(programme.conference.id, "Buy stickers")
    store.add_todo(programme.conference.id, "Find lunch")
    async with running(app) as pilot:
        await highlight_in_todo_pane(pilot, todo_named("Buy stickers"))
        await pilot.press("space")
        await settle(pilot, lambda: not shows(app, "Buy stickers"), what="done to leave 'open'")
        assert [t.done for t in store.list_todos(programme.conference.id)] == [True, False]
        assert shows(app, "☐ • Find lunch")
        assert todo_title(app) == "open · all kinds"
        assert todo_counts(app) == "TODO · 1 open"

        await pilot.press("f")
        assert todo_rows(app) == ["☑ • Buy stickers"]
        assert todo_title(app).startswith("done ·")
        await pilot.press("f")
        assert todo_rows(app) == ["☑ • Buy stickers", "☐ • Find lunch"]
        assert todo_title(app).startswith("all ·")
        await pilot.press("f")
        assert todo_rows(app) == ["☐ • Find lunch"]

        await pilot.press("f")  # done again, to take it back
        await highlight_in_todo_pane(pilot, todo_named("Buy stickers"))
        await pilot.press("space")
        await settle(pilot, lambda: todo_rows(app) != ["☑ • Buy stickers"], what="undone")
        assert [t.done for t in store.list_todos(programme.conference.id)] == [False, False]


async def test_d_deletes_a_todo_only_once_confirmed(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    store.add_todo(programme.conference.id, "Throw away")
    async with running(app) as pilot:
        await highlight_in_todo_pane(pilot, todo_named("Throw away"))
        await pilot.press("d")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question")
        await pilot.press("n")
        await settle(pilot)
        assert todo_texts(store, programme) == ["Throw away"]
        assert shows(app, "Throw away")

        await pilot.press("d")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question")
        await pilot.press("y")
        await settle(pilot, lambda: not shows(app, "Throw away"), what="the TODO to go")
        assert todo_texts(store, programme) == []


async def test_shift_arrows_move_a_todo_and_it_stays_highlighted(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    for text in ("First", "Second", "Third"):
        store.add_todo(programme.conference.id, text)
    async with running(app) as pilot:
        await highlight_in_todo_pane(pilot, todo_named("First"))
        await pilot.press("shift+down")
        await settle(
            pilot, lambda: todo_rows(app) == ["☐ • Second", "☐ • First", "☐ • Third"], what="moved"
        )
        assert todo_texts(store, programme) == ["Second", "First", "Third"]
        assert todo_named("First")(app.todo_pane.current)

        await pilot.press("shift+down")
        await settle(pilot, lambda: todo_texts(store, programme)[-1] == "First", what="moved")
        await pilot.press("shift+up", "shift+up")
        await settle(
            pilot, lambda: todo_rows(app) == ["☐ • First", "☐ • Second", "☐ • Third"], what="back"
        )
        assert todo_texts(store, programme) == ["First", "Second", "Third"]


async def test_enter_on_a_linked_todo_shows_its_talk_and_opens_its_note(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    store.add_todo(programme.conference.id, "Read the paper", talk_id=programme.late.id)
    async with running(app) as pilot:
        await highlight_in_todo_pane(pilot, todo_named("Read the paper"))
        await pilot.press("enter")

        await settle(
            pilot,
            lambda: app.note_pane.talk is not None and app.note_pane.talk.id == programme.late.id,
            what="the talk's note",
        )
        assert app.schedule.table.current_talk_id == programme.late.id
        await settle(pilot, lambda: app.focused is app.note_pane.editor, what="the editor")


async def test_keys_act_on_the_first_todo_as_soon_as_the_pane_has_focus(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    store.add_todo(programme.conference.id, "Top of the list")
    store.add_todo(programme.conference.id, "Below it")
    async with running(app) as pilot:
        await pilot.press("f4", "space")
        await settle(pilot, lambda: not shows(app, "Top of the list"), what="the first TODO done")
        assert [t.done for t in store.list_todos(programme.conference.id)] == [True, False]


LONG_TITLE = (
    "Reproducible builds for everyone: how the whole ecosystem got there, "
    "and what remains to be done"
)


def contrast(line: Strip, text: str) -> int:
    """How far the colour of ``text`` on ``line`` stands from its background."""
    [style] = [segment.style for segment in line if text in segment.text and segment.style]
    assert style.color is not None and style.bgcolor is not None
    ink, paper = style.color.get_truecolor(), style.bgcolor.get_truecolor()
    return sum(abs(a - b) for a, b in zip(ink, paper, strict=True))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_a_todo_takes_one_line_with_its_talk_dimmed_after_it_and_cut_to_fit(
    app: ConfnoteApp, store: Store, programme: Programme, size: tuple[int, int]
) -> None:
    conference_id = programme.conference.id
    talk = store.add_talk(
        conference_id, talk_details("long", LONG_TITLE, "2025-05-17T14:00:00+02:00")
    )
    store.add_todo(conference_id, "Buy stickers")
    store.add_todo(conference_id, "Ask about the build farm", talk_id=talk.id)
    store.save_talk_note(
        talk.id,
        "# Notes\n\n- [ ] Try each reproducible build tool the slides name, compare what "
        "they find, then write it up for the team\n",
    )
    async with running(app, size) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        lines = screen_lines(app.todo_pane.option_list)
        shown = [line.text.strip() for line in lines]
        assert shown[0] == "☐ • Buy stickers"
        assert shown[1].startswith("☐ • Ask about the build farm  ↳ Repro")
        assert shown[1].endswith("…")
        assert contrast(lines[1], "Repro") < contrast(lines[1], "Ask about")  # dimmed
        assert shown[2].strip("─") == ""  # the rule above the notes' checklist lines
        assert shown[3].startswith("✎ Reproducible builds") and shown[3].endswith("…")
        assert shown[4].startswith("☐ Try each reproducible") and shown[4].endswith("…")
        assert not any(shown[5:])  # nothing wrapped onto a line of its own


async def test_the_pane_title_counts_open_todos_and_the_open_checklist_lines_of_notes(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    conference_id = programme.conference.id
    store.add_todo(conference_id, "Buy stickers")
    lunch = store.add_todo(conference_id, "Find lunch")
    store.set_todo_done(lunch.id, True)
    store.save_talk_note(
        programme.late.id, "# Late\n\n- [ ] Read the paper\n- [ ] Email Ada\n- [x] Find the room\n"
    )
    async with running(app) as pilot:
        assert "TODO · 1 open · 2 in notes" in screen_text(app.todo_pane).splitlines()[0]

        await highlight_in_todo_pane(pilot, checklist_line("Read the paper"))
        await pilot.press("space")
        await settle(pilot, lambda: todo_counts(app) == "TODO · 1 open · 1 in notes", what="ticked")
        await pilot.press("f")  # showing the done ones leaves the counts alone
        assert todo_title(app) == "done · all kinds"
        assert todo_counts(app) == "TODO · 1 open · 1 in notes"

        await open_talk(pilot, programme.opening.id)
        await type_text(pilot, "- [ ] Say hi")
        await settle(pilot, lambda: todo_counts(app) == "TODO · 1 open · 2 in notes", what="typed")
