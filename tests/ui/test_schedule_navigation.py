"""Moving around the schedule: Home/End, clicking ◀ ▶, and landing on a talk added with +."""

from __future__ import annotations

from textual.widgets import Input

from confnote.store import Store
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.talk_form import TalkFormScreen
from tests.ui.pilot_helpers import Programme, running, settle, shown_titles

DAY_ONE = ["Opening keynote", "Parsing with parsers", "Late morning databases"]


async def test_home_and_end_go_to_the_first_and_last_talk(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        table = app.schedule.table
        await pilot.press("f2", "end")
        assert table.current_talk_id == programme.late.id
        await pilot.press("home")
        assert table.current_talk_id == programme.opening.id


async def test_clicking_the_arrows_in_the_title_changes_day(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        assert shown_titles(app) == DAY_ONE
        title = app.schedule.query_one("#schedule-title")
        text = str(title.render())
        forward = text.index("▶")
        await pilot.click(title, offset=(1 + forward, 0))  # one cell of padding
        await settle(pilot, lambda: shown_titles(app) == ["Second day sprints"], what="day 2")
        await pilot.click(title, offset=(1, 0))  # ◀
        await settle(pilot, lambda: shown_titles(app) == DAY_ONE, what="day 1 again")


async def test_after_adding_a_talk_the_cursor_is_on_it(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    async with running(app) as pilot:
        await pilot.press("f2", "home", "plus")
        await settle(pilot, lambda: isinstance(app.screen, TalkFormScreen), what="the form")
        app.screen.query_one("#talk-title", Input).value = "Hallway sprint planning"
        app.screen.query_one("#talk-start", Input).value = "10:00"
        await pilot.press("ctrl+s")
        await settle(
            pilot,
            lambda: "Hallway sprint planning" in shown_titles(app),
            what="the new talk in the list",
        )
        current = app.schedule.table.current_talk
        assert current is not None and current.title == "Hallway sprint planning"
        assert app.focused is app.schedule.table
