"""Driving the app in Pilot tests: waiting on the store thread, reading what the panes show."""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from rich.text import Text
from textual.content import Content
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from confnote.config import Config
from confnote.store import Conference, Store
from confnote.store.records import ChecklistEntry, Talk, Todo, TodoKind
from confnote.ui.app import ConfnoteApp
from tests.helpers import talk_details

BRUSSELS = ZoneInfo("Europe/Brussels")
NEW_YORK = ZoneInfo("America/New_York")
# The `conference` fixture is in Brussels; the default talk starts 2025-05-17 09:00 there.
MORNING = datetime(2025, 5, 17, 9, 20, tzinfo=BRUSSELS)
SETTLE_TIMEOUT = 10.0


@dataclass(frozen=True)
class Programme:
    """Two days of ExampleConf 2025 (Brussels): 17 and 18 May."""

    conference: Conference
    opening: Talk  # 09:00–09:30 Main Hall, has a video
    parallel: Talk  # 09:15–09:45 Room B, overlaps the opening
    late: Talk  # 11:00–11:30 Main Hall
    tomorrow: Talk  # 18 May 10:00–10:30 Main Hall


def second_conference(store: Store) -> Conference:
    """Another conference beside the programme's, with one talk and one TODO."""
    other = store.create_conference("OtherConf 2025", time_zone="Europe/Brussels")
    store.add_talk(other.id, talk_details("other", "Other keynote", "2025-05-17T09:00:00+02:00"))
    store.add_todo(other.id, "Other conference's TODO", kind=TodoKind.ACTION)
    return other


def make_app(
    db_path: Path,
    *,
    now: datetime = MORNING,
    offer_demo: bool = False,
    config: Config | None = None,
) -> ConfnoteApp:
    """The app on its own store (opened in the store thread), a fixed clock and New York as
    home; the default settings unless ``config`` is given."""
    return ConfnoteApp(
        lambda: Store.open(db_path),
        clock=lambda: now,
        local_zone=NEW_YORK,
        offer_demo=offer_demo,
        config=config,
    )


def make_app_with_first_screen(db_path: Path, opened: threading.Event) -> ConfnoteApp:
    """The app as the command line starts it, showing the first screen read in plain sqlite3,
    with a store that opens only once ``opened`` is set."""
    from confnote.store.plain_reads import first_screen

    def slow_open() -> Store:
        opened.wait(timeout=30)
        return Store.open(db_path)

    return ConfnoteApp(
        slow_open,
        clock=lambda: MORNING,
        local_zone=NEW_YORK,
        offer_demo=False,
        first_screen=lambda: first_screen(db_path),
    )


def confnote(pilot: Pilot[Any]) -> ConfnoteApp:
    app = pilot.app
    assert isinstance(app, ConfnoteApp)
    return app


async def settle(
    pilot: Pilot[Any],
    condition: Callable[[], object] | None = None,
    *,
    what: str = "",
    timeout: float = SETTLE_TIMEOUT,
) -> None:
    """Let the app run until ``condition()`` holds; without one, until the store thread has
    finished every job submitted so far and the app has handled their replies."""
    if condition is None:
        await _store_idle(pilot, timeout)
        return
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout:g} s waiting for {what or condition}")
        await pilot.pause(0.05)
    await pilot.pause()


async def _store_idle(pilot: Pilot[Any], timeout: float) -> None:
    reached = threading.Event()
    confnote(pilot).runner.submit(lambda _store: reached.set())
    await settle(pilot, reached.is_set, what="the store thread to run its queue", timeout=timeout)
    await pilot.pause()


@asynccontextmanager
async def running(app: ConfnoteApp, size: tuple[int, int] = (120, 40)) -> AsyncIterator[Pilot[Any]]:
    """Run ``app`` until its conference, talks and TODOs are on screen."""
    async with app.run_test(size=size) as pilot:
        # The first screen can show the conference before the store is open: wait for both.
        await settle(
            pilot,
            lambda: app.conference is not None and app.store_ready_after is not None,
            what="the conference to load",
        )
        await settle(pilot)
        yield pilot


# What the store and the panes hold


def stored_body(store: Store, talk_id: int) -> str:
    """The talk's note as the store holds it; empty when there is none."""
    note = store.note_for_talk(talk_id)
    return note.body if note else ""


def row_cells(app: ConfnoteApp, talk_id: int) -> list[str]:
    """The plain text of a talk's row in the schedule table: marks, time, title, then room,
    track and speakers as far as they fit."""
    return [cell.plain for cell in app.schedule.table.get_row(str(talk_id))]


def marks(app: ConfnoteApp, talk_id: int) -> str:
    """The talk's marks (stars, ✎, ✓, ◷, ! …) without the track colour bar or padding."""
    return row_cells(app, talk_id)[0].replace("▌", "").replace(" ", "")


def shown_column(app: ConfnoteApp, key: str) -> list[str]:
    table = app.schedule.table
    return [cell.plain for cell in table.get_column(key)]


def shown_titles(app: ConfnoteApp) -> list[str]:
    return shown_column(app, "title")


def static_text(static: Static) -> str:
    visual = static.visual
    assert isinstance(visual, Content), f"{static!r} shows a {type(visual).__name__}"
    return visual.plain


def screen_lines(widget: Widget) -> list[Strip]:
    """What ``widget`` shows on screen, a strip (its text and styles) per line."""
    region = widget.region
    strips = widget.screen._compositor.render_strips()
    return [strip.crop(region.x, region.right) for strip in strips[region.y : region.bottom]]


def screen_text(widget: Widget) -> str:
    """What ``widget`` shows on screen, line by line."""
    return "\n".join(strip.text for strip in screen_lines(widget))


def schedule_title(app: ConfnoteApp) -> str:
    return static_text(app.schedule.query_one("#schedule-title", Static))


def note_status(app: ConfnoteApp) -> str:
    return static_text(app.note_pane.query_one("#note-status", Static))


def todo_title(app: ConfnoteApp) -> str:
    return static_text(app.todo_pane.query_one("#todo-title", Static))


def todo_counts(app: ConfnoteApp) -> str:
    """The TODO pane's border title: how many TODOs and checklist lines are open."""
    return str(app.todo_pane.border_title)


def todo_rows(app: ConfnoteApp) -> list[str]:
    """The TODO pane's lines as shown, headings and separators included."""
    options = app.todo_pane.option_list
    rows = []
    for index in range(options.option_count):
        prompt = options.get_option_at_index(index).prompt
        rows.append(prompt.plain if isinstance(prompt, Text | Content) else str(prompt))
    return rows


def todo_row_with(app: ConfnoteApp, text: str) -> str:
    """The one TODO pane row (label and details) holding ``text``."""
    [row] = [row for row in todo_rows(app) if text in row]
    return row


def is_on_screen(widget: Widget) -> bool:
    return widget.region.area > 0


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` key by key; a newline is the Enter key."""
    await pilot.press(*("enter" if char == "\n" else char for char in text))


RowTest = Callable[[Todo | ChecklistEntry | None], bool]


def todo_named(text: str) -> RowTest:
    def wanted(item: Todo | ChecklistEntry | None) -> bool:
        return isinstance(item, Todo) and item.text == text

    return wanted


def checklist_line(text: str) -> RowTest:
    def wanted(item: Todo | ChecklistEntry | None) -> bool:
        return isinstance(item, ChecklistEntry) and item.text == text

    return wanted


async def highlight_in_todo_pane(pilot: Pilot[Any], wanted: RowTest) -> None:
    """Focus the TODO pane (F4) and move down from the top until ``wanted`` holds."""
    app = confnote(pilot)
    await pilot.press("f4", "home")
    for _ in range(app.todo_pane.option_list.option_count):
        if wanted(app.todo_pane.current):
            return
        await pilot.press("down")
    assert wanted(app.todo_pane.current), f"no such row in the TODO pane: {todo_rows(app)}"


async def select_talk(pilot: Pilot[Any], talk_id: int) -> None:
    """Focus the schedule (F2) and move its cursor with the arrow keys onto the talk's row."""
    app = confnote(pilot)
    table = app.schedule.table
    await pilot.press("f2")
    target = table.get_row_index(str(talk_id))
    while table.cursor_row != target:
        before = table.cursor_row
        await pilot.press("down" if table.cursor_row < target else "up")
        assert table.cursor_row != before, f"the cursor is stuck on row {before}"


async def open_talk(pilot: Pilot[Any], talk_id: int) -> None:
    """Select the talk in the schedule, press Enter, and wait until its note is in the editor."""
    app = confnote(pilot)
    await select_talk(pilot, talk_id)
    await pilot.press("enter")
    await settle(
        pilot,
        lambda: (
            app.note_pane.talk is not None
            and app.note_pane.talk.id == talk_id
            and app.focused is app.note_pane.editor
        ),
        what=f"the note of talk {talk_id} to open",
    )
