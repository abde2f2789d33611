"""The schedule pane: conflicts, now/next, time zones, days and filters."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from confnote.schedule_filter import starred_conflicts
from confnote.store import Store
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.schedule_filters import ScheduleFiltersScreen
from confnote.ui.widgets.schedule_table import ScheduleTable
from tests.helpers import talk_details
from tests.ui.pilot_helpers import (
    Programme,
    make_app_with_first_screen,
    marks,
    row_cells,
    running,
    schedule_title,
    select_talk,
    settle,
    shown_titles,
    type_text,
)

DAY_ONE = ["Opening keynote", "Parsing with parsers", "Late morning databases"]
DAY_TWO = ["Second day sprints"]


def conflict_mark(app: ConfnoteApp, talk_id: int) -> bool:
    return marks(app, talk_id).endswith("!")


async def test_overlapping_starred_talks_both_carry_the_conflict_mark(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    for talk in (programme.opening, programme.parallel, programme.late):
        store.set_star(talk.id, 1)
    async with running(app) as pilot:
        await settle(pilot)
        assert starred_conflicts(app.schedule.talks) == {
            programme.opening.id,
            programme.parallel.id,
        }
        assert conflict_mark(app, programme.opening.id)
        assert conflict_mark(app, programme.parallel.id)
        assert not conflict_mark(app, programme.late.id)


async def test_starring_and_unstarring_a_talk_updates_the_conflict_marks(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    store.set_star(programme.opening.id, 1)
    opening, parallel = programme.opening.id, programme.parallel.id
    async with running(app) as pilot:
        assert not conflict_mark(app, opening)

        await select_talk(pilot, parallel)
        await pilot.press("s")
        await settle(
            pilot,
            lambda: conflict_mark(app, opening) and conflict_mark(app, parallel),
            what="both talks to show the conflict mark",
        )
        assert marks(app, parallel).startswith("★!")
        assert store.talk(parallel).star == 1

        await pilot.press("s")  # two stars: still a clash
        await settle(pilot, lambda: marks(app, parallel).startswith("★★"), what="★★")
        assert conflict_mark(app, opening)

        await pilot.press("s")  # back to none
        await settle(
            pilot,
            lambda: not conflict_mark(app, opening) and not conflict_mark(app, parallel),
            what="the conflict marks to go",
        )
        assert store.talk(parallel).star == 0


async def test_talks_running_now_are_marked_and_full_stop_jumps_to_them(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        # The clock says 09:20 on 17 May in Brussels.
        assert row_cells(app, programme.opening.id)[1] == "▶09:00"
        assert row_cells(app, programme.parallel.id)[1] == "▶09:15"
        assert row_cells(app, programme.late.id)[1] == " 11:00"

        await select_talk(pilot, programme.late.id)
        await pilot.press("full_stop")  # the talk that started last of the two running
        assert app.schedule.table.current_talk_id == programme.parallel.id

        await pilot.press("right_square_bracket")
        await settle(pilot, lambda: shown_titles(app) == DAY_TWO, what="day two")
        await pilot.press("full_stop")
        await settle(pilot, lambda: shown_titles(app) == DAY_ONE, what="back to day one")
        assert app.schedule.table.current_talk_id == programme.parallel.id


async def test_n_walks_through_the_starred_talks_still_to_come(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    for talk in (programme.parallel, programme.late, programme.tomorrow):
        store.set_star(talk.id, 1)
    async with running(app) as pilot:
        await select_talk(pilot, programme.opening.id)
        table = app.schedule.table

        await pilot.press("n")
        assert table.current_talk_id == programme.parallel.id  # still running, so still to come
        await pilot.press("n")
        assert table.current_talk_id == programme.late.id
        await pilot.press("n")
        await settle(pilot, lambda: shown_titles(app) == DAY_TWO, what="day two")
        assert table.current_talk_id == programme.tomorrow.id


async def test_z_switches_times_between_the_conference_zone_and_the_local_one(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        assert row_cells(app, programme.late.id)[1] == " 11:00"
        assert "Europe/Brussels (UTC+02:00)" in schedule_title(app)

        await pilot.press("z")  # New York is six hours behind Brussels in May
        assert row_cells(app, programme.late.id)[1] == " 05:00"
        assert row_cells(app, programme.opening.id)[1] == "▶03:00"
        assert "your time (UTC-04:00)" in schedule_title(app)

        await pilot.press("z")
        assert row_cells(app, programme.late.id)[1] == " 11:00"


async def test_square_brackets_and_arrows_step_through_the_days(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        assert shown_titles(app) == DAY_ONE
        assert "Sat 17 May (day 1/2)" in schedule_title(app)

        await pilot.press("right_square_bracket")
        assert shown_titles(app) == DAY_TWO
        assert "Sun 18 May (day 2/2)" in schedule_title(app)

        await pilot.press("right_square_bracket")  # wraps round
        assert shown_titles(app) == DAY_ONE

        await pilot.press("left_square_bracket")
        assert shown_titles(app) == DAY_TWO

        await pilot.press("left")
        assert shown_titles(app) == DAY_ONE
        await pilot.press("right")
        assert shown_titles(app) == DAY_TWO


async def test_asterisk_shows_only_starred_talks(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    store.set_star(programme.late.id, 2)
    async with running(app) as pilot:
        await pilot.press("asterisk")
        assert shown_titles(app) == ["Late morning databases"]
        assert "starred" in schedule_title(app)

        await pilot.press("asterisk")
        assert shown_titles(app) == DAY_ONE


async def test_slash_filters_by_text_as_you_type_and_escape_clears_it(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        await pilot.press("slash")
        assert app.focused is app.schedule.query_one("#schedule-filter")

        await type_text(pilot, "grace")  # a speaker
        assert shown_titles(app) == ["Parsing with parsers"]
        assert "“grace”" in schedule_title(app)

        await pilot.press("enter")
        assert app.focused is app.schedule.table
        assert shown_titles(app) == ["Parsing with parsers"]

        await pilot.press("escape")
        assert shown_titles(app) == DAY_ONE
        assert not app.schedule.has_class("-filtering")
        assert "“grace”" not in schedule_title(app)


async def test_escape_in_the_filter_box_clears_it(app: ConfnoteApp, programme: Programme) -> None:
    async with running(app) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "databases")
        assert shown_titles(app) == ["Late morning databases"]

        await pilot.press("escape")
        assert shown_titles(app) == DAY_ONE
        assert app.focused is app.schedule.table


async def test_the_filters_dialog_narrows_the_schedule_and_escape_clears_it(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    store.set_star(programme.late.id, 1)
    store.set_star(programme.parallel.id, 1)
    async with running(app) as pilot:
        await pilot.press("f")
        await settle(
            pilot, lambda: isinstance(app.screen, ScheduleFiltersScreen), what="the filters"
        )
        # The track list opens on "any track"; the tracks follow, sorted: Data, Keynotes, Python.
        await pilot.press("enter", "down", "down", "down", "enter")
        await pilot.click("#filter-starred")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: app.screen is app.main, what="the dialog to close")

        assert app.schedule.rule.track == "Python"
        assert app.schedule.rule.starred_only
        assert shown_titles(app) == ["Parsing with parsers"]
        assert "track: Python, starred" in schedule_title(app)

        await pilot.press("escape")
        assert shown_titles(app) == DAY_ONE
        assert app.schedule.rule.day is not None
        assert "track" not in schedule_title(app)


async def test_closing_the_filters_dialog_with_escape_changes_nothing(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        await pilot.press("f")
        await settle(
            pilot, lambda: isinstance(app.screen, ScheduleFiltersScreen), what="the filters"
        )
        await pilot.click("#filter-starred")
        await pilot.press("escape")
        await settle(pilot, lambda: app.screen is app.main, what="the dialog to close")
        assert not app.schedule.rule.starred_only
        assert shown_titles(app) == DAY_ONE


async def test_a_long_day_coming_back_from_an_empty_filter_is_filled_once(
    app: ConfnoteApp, store: Store, programme: Programme, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(60):  # more than fit: the table gets a scrollbar
        start = f"2025-05-17T{10 + n // 12:02d}:{n % 12 * 5:02d}:00+02:00"
        store.add_talk(programme.conference.id, talk_details(f"extra-{n}", f"Extra {n}", start))
    added: list[object] = []
    add_row = ScheduleTable.add_row

    def counted(table: ScheduleTable, *cells: Any, **options: Any) -> Any:
        added.append(options.get("key"))
        return add_row(table, *cells, **options)

    async with running(app) as pilot:
        day = len(shown_titles(app))
        assert day == len(DAY_ONE) + 60
        rule = app.schedule.rule
        app.schedule.rule = rule.with_(text="no talk has this")  # the table hides
        await settle(pilot, lambda: app.schedule.has_class("-empty"), what="an empty day")

        monkeypatch.setattr(ScheduleTable, "add_row", counted)
        app.schedule.rule = rule
        await settle(pilot, lambda: len(shown_titles(app)) == day, what="the day again")
        await pilot.pause()
        assert len(added) == day

        await pilot.resize_terminal(150, 40)
        await settle(pilot, lambda: len(added) == 2 * day, what="a refill at the new width")
        assert len(shown_titles(app)) == day


async def test_the_days_rows_show_before_the_store_has_opened(
    store: Store, programme: Programme, db_path: Path
) -> None:
    opened = threading.Event()
    app = make_app_with_first_screen(db_path, opened)
    async with app.run_test(size=(120, 40)) as pilot:
        try:
            rows = app.schedule.table
            await settle(pilot, lambda: rows.row_count == len(DAY_ONE), what="the first rows")
            assert shown_titles(app) == DAY_ONE
            assert app.runner.store is None
        finally:
            opened.set()
        await settle(pilot, lambda: app.runner.store is not None, what="the store")
        await settle(pilot)
        assert shown_titles(app) == DAY_ONE
        assert app.schedule.conference == programme.conference
