"""SVG snapshots of the demo conference at 10:10 on its first day, seen from New York.

Regenerate after a deliberate UI change with ``pytest tests/ui --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from confnote.config import load_config
from confnote.demo import load_demo
from confnote.store import Store
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.help import HelpScreen
from confnote.ui.screens.talk_details import TalkDetailsScreen
from tests.ui.pilot_helpers import BRUSSELS, confnote, make_app, settle

SnapCompare = Callable[..., bool]
Step = Callable[[Pilot[Any]], Awaitable[None]]

DEMO_DAY = date(2025, 5, 17)
# Two starred talks run at once at 10:10, so the conflict and running marks both show.
DEMO_NOW = datetime(2025, 5, 17, 10, 10, tzinfo=BRUSSELS)


@pytest.fixture
def demo_app(db_path: Path) -> ConfnoteApp:
    # The store's own clock stamps the demo notes, whose save time the note pane shows.
    with Store.open(db_path, clock=DEMO_NOW.timestamp) as store:
        load_demo(store, DEMO_DAY)
    return make_app(db_path, now=DEMO_NOW)


async def demo_loaded(pilot: Pilot[Any]) -> None:
    app = confnote(pilot)
    await settle(pilot, lambda: app.conference is not None, what="the demo conference")
    await settle(pilot)


def then(*steps: Step) -> Step:
    """One ``run_before`` made of several steps, run in order."""

    async def run(pilot: Pilot[Any]) -> None:
        for step in steps:
            await step(pilot)

    return run


async def open_keynote_note(pilot: Pilot[Any]) -> None:
    app = confnote(pilot)
    app.note_pane.editor.cursor_blink = False
    await pilot.press("home", "enter")
    await settle(pilot, lambda: app.note_pane.talk is not None, what="the keynote's note")


async def open_help(pilot: Pilot[Any]) -> None:
    await pilot.press("question_mark")
    await settle(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), what="the help")


def test_main_screen_at_120_columns(demo_app: ConfnoteApp, snap_compare: SnapCompare) -> None:
    """Three panes: the first day with stars, marks, conflicts (!), running talks (▶), whole
    titles and the track column."""
    assert snap_compare(demo_app, terminal_size=(120, 40), run_before=demo_loaded)


def test_main_screen_at_80_columns(demo_app: ConfnoteApp, snap_compare: SnapCompare) -> None:
    """Only the schedule shows; the columns still fit."""
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=demo_loaded)


def test_main_screen_with_a_note_open(demo_app: ConfnoteApp, snap_compare: SnapCompare) -> None:
    """The keynote's note: header with links, highlighted Markdown, save status."""
    assert snap_compare(
        demo_app, terminal_size=(120, 40), run_before=then(demo_loaded, open_keynote_note)
    )


def test_help_screen(demo_app: ConfnoteApp, snap_compare: SnapCompare) -> None:
    """Every key, pane by pane."""
    assert snap_compare(demo_app, terminal_size=(120, 40), run_before=then(demo_loaded, open_help))


def demo_with_config(db_path: Path, tmp_path: Path, text: str) -> ConfnoteApp:
    """The demo app with settings read from a config file holding ``text``."""
    (tmp_path / "config.toml").write_text(text, encoding="utf-8")
    with Store.open(db_path, clock=DEMO_NOW.timestamp) as store:
        load_demo(store, DEMO_DAY)
    return make_app(db_path, now=DEMO_NOW, config=load_config(tmp_path / "config.toml"))


def test_light_theme_with_a_note_open(
    db_path: Path, tmp_path: Path, snap_compare: SnapCompare
) -> None:
    """A light theme: light panes and light Markdown highlighting in the note."""
    app = demo_with_config(db_path, tmp_path, 'theme = "textual-light"\n')
    assert snap_compare(
        app, terminal_size=(120, 40), run_before=then(demo_loaded, open_keynote_note)
    )


def test_dark_theme_with_a_12_hour_clock_and_a_remapped_key(
    db_path: Path, tmp_path: Path, snap_compare: SnapCompare
) -> None:
    """Nord, times on a 12-hour clock, and the star key moved to S in the footer."""
    app = demo_with_config(
        db_path, tmp_path, 'theme = "nord"\ntime.clock = "12h"\n[keys]\n"schedule.star" = "S"\n'
    )
    assert snap_compare(app, terminal_size=(120, 40), run_before=demo_loaded)


async def open_keynote_details(pilot: Pilot[Any]) -> None:
    await pilot.press("home", "i")
    await settle(pilot, lambda: isinstance(pilot.app.screen, TalkDetailsScreen), what="details")


async def focus_mode(pilot: Pilot[Any]) -> None:
    app = confnote(pilot)
    await pilot.press("f8")
    await settle(pilot, lambda: app.screen.maximized is app.note_pane, what="focus mode")


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_talk_details(
    demo_app: ConfnoteApp, snap_compare: SnapCompare, size: tuple[int, int]
) -> None:
    """`i`: the keynote's times in Brussels and New York, room, track, abstract and links."""
    assert snap_compare(
        demo_app, terminal_size=size, run_before=then(demo_loaded, open_keynote_details)
    )


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_focus_mode(
    demo_app: ConfnoteApp, snap_compare: SnapCompare, size: tuple[int, int]
) -> None:
    """F8: the keynote's note fills the screen under its header."""
    assert snap_compare(
        demo_app, terminal_size=size, run_before=then(demo_loaded, open_keynote_note, focus_mode)
    )


async def focus_todos(pilot: Pilot[Any]) -> None:
    app = confnote(pilot)
    await pilot.press("f4")
    await settle(pilot, lambda: app.focused is app.todo_pane.option_list, what="the TODO pane")


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_todo_pane(demo_app: ConfnoteApp, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """F4: a line per TODO with its talk dimmed and cut with "…", the notes' checklist lines
    under their talks, and the open counts in the pane's title."""
    assert snap_compare(demo_app, terminal_size=size, run_before=then(demo_loaded, focus_todos))


async def ask_to_delete_the_conference(pilot: Pilot[Any]) -> None:
    from confnote.ui.screens.conferences import ConferencesScreen
    from confnote.ui.screens.confirm import ConfirmScreen

    await pilot.press("f5")
    await settle(pilot, lambda: isinstance(pilot.app.screen, ConferencesScreen), what="list")
    await pilot.press("D")
    await settle(pilot, lambda: isinstance(pilot.app.screen, ConfirmScreen), what="confirm")


def test_confirm_deleting_a_conference(demo_app: ConfnoteApp, snap_compare: SnapCompare) -> None:
    """The confirm says what goes to the trash with the conference, and that it comes back."""
    assert snap_compare(
        demo_app, terminal_size=(80, 24), run_before=then(demo_loaded, ask_to_delete_the_conference)
    )
