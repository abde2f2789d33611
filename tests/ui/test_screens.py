"""Search (ctrl+f), help (? and F1), and the first run on an empty store."""

from __future__ import annotations

import io
import threading
from pathlib import Path

from rich.console import Console
from textual.binding import Binding, BindingType
from textual.widgets import OptionList, Static

from confnote.store import Store
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.conference_form import ConferenceFormScreen
from confnote.ui.screens.conferences import ConferencesScreen
from confnote.ui.screens.confirm import ConfirmScreen
from confnote.ui.screens.help import HelpScreen
from confnote.ui.screens.search import SearchScreen
from confnote.ui.widgets.note_editor import NoteEditor
from confnote.ui.widgets.note_pane import NotePane
from confnote.ui.widgets.schedule_pane import SchedulePane
from confnote.ui.widgets.todo_pane import TodoPane
from tests.ui.pilot_helpers import (
    MORNING,
    Programme,
    make_app,
    open_talk,
    running,
    schedule_title,
    settle,
    shown_titles,
    static_text,
    todo_row_with,
    todo_rows,
    type_text,
)


def search_count(app: ConfnoteApp) -> str:
    return static_text(app.screen.query_one("#search-count", Static))


async def test_ctrl_f_finds_a_talk_and_enter_opens_its_note(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        await pilot.press("ctrl+f")
        await settle(pilot, lambda: isinstance(app.screen, SearchScreen), what="the search")
        await type_text(pilot, "parsers")
        await settle(pilot, lambda: search_count(app) == "1 result", what="one result")
        result = app.screen.query_one(OptionList).get_option_at_index(0).prompt
        assert "Sat 17 May 09:15 · Room B" in str(result)

        await pilot.press("enter")
        await settle(
            pilot,
            lambda: (
                app.note_pane.talk is not None and app.note_pane.talk.id == programme.parallel.id
            ),
            what="the talk's note",
        )
        assert app.screen is app.main
        assert app.schedule.table.current_talk_id == programme.parallel.id
        assert app.note_pane.talk is not None
        assert app.note_pane.talk.title == "Parsing with parsers"


async def test_search_finds_words_in_notes_and_a_chosen_result_opens_that_note(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    store.save_talk_note(programme.tomorrow.id, "Ask about zeppelins at the sprint.\n")
    async with running(app) as pilot:
        await pilot.press("ctrl+f")
        await settle(pilot, lambda: isinstance(app.screen, SearchScreen), what="the search")
        await type_text(pilot, "zeppelins")
        await settle(pilot, lambda: search_count(app) == "1 result", what="one result")

        await pilot.press("down", "enter")  # into the results, then choose the first
        await settle(
            pilot,
            lambda: app.note_pane.editor.text == "Ask about zeppelins at the sprint.\n",
            what="the note",
        )
        assert shown_titles(app) == ["Second day sprints"]  # the schedule went to its day
        assert app.schedule.table.current_talk_id == programme.tomorrow.id


async def test_escape_closes_the_search_and_opens_nothing(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        await pilot.press("ctrl+f")
        await settle(pilot, lambda: isinstance(app.screen, SearchScreen), what="the search")
        await type_text(pilot, "keynote")
        await settle(pilot, lambda: search_count(app) == "1 result", what="one result")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.main
        assert app.note_pane.target is None


def help_text(screen: HelpScreen) -> str:
    """Every table on the help screen as plain text, wide enough that nothing wraps."""
    console = Console(width=200, file=io.StringIO(), record=True, color_system=None)
    for static in screen.query(Static):
        console.print(static.content)
    return console.export_text()


async def test_question_mark_lists_the_keys_of_every_pane_and_escape_closes_it(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        await pilot.press("question_mark")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen), what="the help")
        assert isinstance(app.screen, HelpScreen)
        text = help_text(app.screen)

        for section in ("Everywhere", "Schedule", "Note editor", "TODOs", "Conferences list"):
            assert section in text
        panes: list[BindingType] = [
            *ConfnoteApp.BINDINGS,
            *SchedulePane.BINDINGS,
            *NotePane.BINDINGS,
            *NoteEditor.BINDINGS,
            *TodoPane.BINDINGS,
            *ConferencesScreen.BINDINGS,
        ]
        for binding in panes:
            assert isinstance(binding, Binding) and binding.tooltip
            assert binding.tooltip in text, f"{binding.key} is missing from the help"

        await pilot.press("escape")
        await settle(pilot, lambda: app.screen is app.main, what="the help to close")


async def test_f1_opens_the_help_even_while_typing_a_note(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        await open_talk(pilot, programme.opening.id)
        await pilot.press("f1")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen), what="the help")
        await pilot.press("f1")
        await settle(pilot, lambda: app.screen is app.main, what="the help to close")
        assert app.focused is app.note_pane.editor
        assert not app.note_pane.editor.text.endswith("?")


async def test_first_run_offers_the_demo_and_accepting_loads_it(db_path: Path) -> None:
    app = make_app(db_path, offer_demo=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the demo offer")
        assert "Welcome to confnote" in static_text(app.screen.query_one(".dialog-text", Static))

        await pilot.press("y")
        await settle(pilot, lambda: app.conference is not None, what="the demo conference")
        await settle(pilot)
        assert app.screen is app.main
        assert "Sat 17 May (day 1/2)" in schedule_title(app)  # placed on the clock's day
        assert "Welcome, and why we take notes" in shown_titles(app)
        assert len(shown_titles(app)) == 9
        rows = todo_rows(app)
        ask_ben = todo_row_with(app, "Ask Ben for his backup script")
        assert ask_ben.startswith("☐ ↪ ")
        assert "SQLite is enough (most of the time)" in ask_ben
        assert any("◷ Watch “Terminal apps people enjoy”" in row for row in rows)
        assert "  ☐ Block 15 minutes tonight for a write-up" in rows


async def test_declining_the_demo_leaves_an_empty_store_and_f5_creates_a_conference(
    db_path: Path, store: Store
) -> None:
    app = make_app(db_path, offer_demo=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the demo offer")
        await pilot.press("n")
        await settle(pilot, lambda: app.screen is app.main, what="the main screen")
        await settle(pilot)
        assert store.list_conferences() == []
        assert app.schedule.has_class("-empty")
        empty = static_text(app.schedule.query_one("#schedule-empty", Static))
        assert empty.startswith("No conference yet.")
        assert "ctrl+o imports a schedule" in empty and "or a write-up" in empty

        await pilot.press("f5")
        await settle(
            pilot, lambda: isinstance(app.screen, ConferencesScreen), what="the conferences"
        )
        await pilot.press("enter")  # the only choice: a new conference
        await settle(
            pilot, lambda: isinstance(app.screen, ConferenceFormScreen), what="the new form"
        )
        await type_text(pilot, "MeetupConf")
        await pilot.press("enter")

        await settle(pilot, lambda: app.conference is not None, what="the new conference")
        assert [c.name for c in store.list_conferences()] == ["MeetupConf"]
        assert app.screen is app.main
        assert "MeetupConf" in str(app.schedule.border_title)


async def test_an_empty_store_that_opened_slowly_says_so_once_open(db_path: Path) -> None:
    opened = threading.Event()

    def slow_open() -> Store:
        opened.wait(timeout=30)
        return Store.open(db_path)

    app = ConfnoteApp(slow_open, clock=lambda: MORNING, offer_demo=True)
    async with app.run_test(size=(120, 40)) as pilot:
        empty = app.schedule.query_one("#schedule-empty", Static)
        await settle(pilot, lambda: "Opening the database" in static_text(empty), what="a wait")
        opened.set()
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the demo offer")
        await pilot.press("n")
        await settle(pilot, lambda: app.screen is app.main, what="the main screen")
        assert static_text(empty).startswith("No conference yet.")
