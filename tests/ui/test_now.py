"""`.` and startup: the talk to be in now, with the talks running now on screen."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from confnote.store import Conference, Store
from tests.helpers import talk_details
from tests.ui.pilot_helpers import BRUSSELS, make_app, running, select_talk

DAY = date(2025, 5, 17)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(DAY.year, DAY.month, DAY.day, hour, minute, tzinfo=BRUSSELS)


def add(store: Store, conference: Conference, key: str, start: datetime, minutes: int) -> int:
    details = talk_details(key, f"Talk {key}", start.isoformat(), minutes, room=f"Room {key}")
    return store.add_talk(conference.id, details).id


async def test_full_stop_prefers_a_talk_that_just_began_over_a_long_workshop(
    store: Store, conference: Conference, db_path: Path
) -> None:
    workshop = add(store, conference, "workshop", at(12), 240)
    just_began = add(store, conference, "talk", at(14, 30), 30)
    first = add(store, conference, "early", at(9), 30)
    app = make_app(db_path, now=at(14, 40))
    async with running(app) as pilot:
        assert app.schedule.table.current_talk_id == just_began  # where the app starts
        await select_talk(pilot, first)
        await pilot.press("full_stop")
        assert app.schedule.table.current_talk_id == just_began
        assert workshop != just_began


async def test_full_stop_prefers_a_starred_talk_running_now(
    store: Store, conference: Conference, db_path: Path
) -> None:
    starred = add(store, conference, "starred", at(14), 60)
    add(store, conference, "newer", at(14, 30), 30)
    store.set_star(starred, 1)
    app = make_app(db_path, now=at(14, 40))
    async with running(app) as pilot:
        await pilot.press("home", "full_stop")
        assert app.schedule.table.current_talk_id == starred


async def test_the_talks_running_now_stay_on_screen_around_the_cursor(
    store: Store, conference: Conference, db_path: Path
) -> None:
    # A full morning of short talks, then eight talks in parallel from 14:00.
    for index in range(40):
        add(store, conference, f"m{index:02}", at(9) + timedelta(minutes=5 * index), 5)
    parallel = [add(store, conference, f"p{index}", at(14), 45) for index in range(8)]
    app = make_app(db_path, now=at(14, 20))
    async with running(app, size=(120, 30)) as pilot:
        await pilot.press("home", "full_stop")
        await pilot.pause()
        table = app.schedule.table
        assert table.current_talk_id in parallel
        rows = [table.get_row_index(str(talk_id)) for talk_id in parallel]
        visible = range(round(table.scroll_y), round(table.scroll_y) + table.size.height - 1)
        assert all(row in visible for row in rows), (rows, visible)


async def test_before_the_conference_the_schedule_starts_at_its_first_talk(
    store: Store, conference: Conference, db_path: Path
) -> None:
    first = add(store, conference, "a", at(9), 30)
    add(store, conference, "b", at(10), 30)
    app = make_app(db_path, now=at(9) - timedelta(days=30))
    async with running(app):
        assert app.schedule.table.current_talk_id == first


async def test_after_the_conference_the_schedule_starts_on_its_first_day(
    store: Store, conference: Conference, db_path: Path
) -> None:
    first = add(store, conference, "a", at(9), 30)
    add(store, conference, "b", at(10) + timedelta(days=1), 30)
    app = make_app(db_path, now=at(9) + timedelta(days=30))
    async with running(app):
        assert app.schedule.rule.day == DAY
        assert app.schedule.table.current_talk_id == first
