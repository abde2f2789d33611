"""The schedule keeps the attendee's place: cursor and view survive every action, focus
survives an empty day, and the header shows every filter in force."""

from __future__ import annotations

from textual.geometry import Region
from textual.widgets import Input, Static

from confnote.store import Store
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.talk_form import TalkFormScreen
from tests.helpers import talk_details
from tests.ui.pilot_helpers import (
    Programme,
    running,
    select_talk,
    settle,
    shown_titles,
    type_text,
)

DAY_ONE = ["Opening keynote", "Parsing with parsers", "Late morning databases"]
DAY_TWO = ["Second day sprints"]


async def test_hiding_a_talk_far_down_keeps_the_view_and_moves_the_cursor_to_the_next_talk(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    talks = [
        store.add_talk(
            programme.conference.id,
            talk_details(
                f"k{n}", f"Short talk {n:02d}", f"2025-05-17T{12 + n // 6}:{n % 6}0:00+02:00"
            ),
        )
        for n in range(60)
    ]
    async with running(app) as pilot:
        table = app.schedule.table
        await select_talk(pilot, talks[50].id)
        await pilot.pause()
        view = table.scroll_y
        assert view > 0

        await pilot.press("x")
        await settle(pilot, lambda: talks[50].id not in {t.id for t in table.talks})
        await settle(pilot)
        assert table.current_talk_id == talks[51].id
        assert table.scroll_y == view

        await pilot.press("s")  # a star that changes nothing else keeps the place too
        await settle(pilot, lambda: store.talk(talks[51].id).star == 1)
        await settle(pilot)
        assert table.current_talk_id == talks[51].id
        assert table.scroll_y == view


async def test_a_filter_that_empties_the_day_keeps_the_focus_so_escape_and_days_still_work(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "nothing matches this")
        await pilot.press("enter")
        await settle(pilot)
        assert shown_titles(app) == [] or app.schedule.has_class("-empty")
        assert app.focused is not None and app.schedule in app.focused.ancestors_with_self
        await pilot.press("escape")
        await settle(pilot, lambda: shown_titles(app) == DAY_ONE, what="the filter to clear")
        assert app.focused is app.schedule.table

        await pilot.press("asterisk")  # nothing starred: the day is empty again
        await settle(pilot, lambda: app.schedule.has_class("-empty"), what="an empty day")
        await pilot.press("right_square_bracket")
        await settle(
            pilot, lambda: app.schedule.rule.day is not None and app.schedule.rule.day.day == 18
        )
        await pilot.press("d")
        await settle(pilot, lambda: app.schedule.rule.day is None, what="all days")


async def edit_start(pilot: object, app: ConfnoteApp, day: str, start: str) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("e")
    await settle(pilot, lambda: isinstance(app.screen, TalkFormScreen), what="the talk form")
    app.screen.query_one("#talk-day", Input).value = day
    app.screen.query_one("#talk-start", Input).value = start
    await pilot.press("ctrl+s")
    await settle(pilot, lambda: app.screen is app.main, what="the form to close")
    await settle(pilot)


async def test_editing_a_talks_start_re_sorts_the_day_and_a_new_day_follows_the_talk(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    late = programme.late
    async with running(app) as pilot:
        await select_talk(pilot, late.id)
        await edit_start(pilot, app, "2025-05-17", "08:00")
        assert shown_titles(app)[0] == "Late morning databases"
        assert app.schedule.table.current_talk_id == late.id

        await edit_start(pilot, app, "2025-05-18", "12:00")
        assert shown_titles(app) == [*DAY_TWO, "Late morning databases"]
        assert app.schedule.table.current_talk_id == late.id


async def test_n_goes_to_a_starred_talk_starting_at_the_same_time_as_the_current_one(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    twin = store.add_talk(
        programme.conference.id,
        talk_details("twin", "Same slot", "2025-05-17T09:00:00+02:00", room="Room C"),
    )
    for talk_id in (programme.opening.id, twin.id, programme.late.id):
        store.set_star(talk_id, 1)
    async with running(app) as pilot:
        await select_talk(pilot, programme.opening.id)
        await pilot.press("n")
        assert app.schedule.table.current_talk_id == twin.id
        await pilot.press("n")
        assert app.schedule.table.current_talk_id == programme.late.id


async def test_the_header_shows_the_whole_filter_at_120_columns(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        schedule = app.schedule
        schedule.rule = schedule.rule.with_(
            track="Python", room="Main Hall", starred_only=True, text="parsers"
        )
        await settle(pilot)
        title = schedule.query_one("#schedule-title", Static)
        width, height = title.size
        lines = title.render_lines(Region(0, 0, width, height))
        shown = " ".join("".join(segment.text for segment in line).strip() for line in lines)
        assert schedule.rule.summary in " ".join(shown.split())
