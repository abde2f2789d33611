"""The config file at work in the app: theme, remapped keys, clock, zone and note template;
a theme picked in the palette is saved back to the file; mistakes are notices, never a stop."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table
from textual.command import CommandPalette
from textual.widgets import Footer, Static
from textual.widgets._footer import FooterKey

from confnote.config import Config, load_config
from confnote.store import Store
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.help import HelpScreen
from tests.ui.pilot_helpers import (
    Programme,
    make_app,
    open_talk,
    row_cells,
    running,
    schedule_title,
    select_talk,
    settle,
    type_text,
)


def config_from(tmp_path: Path, text: str) -> Config:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


def footer_keys(app: ConfnoteApp) -> dict[str, str]:
    """What the footer shows: description → key."""
    footer = app.screen.query_one(Footer)
    return {key.description: key.key_display for key in footer.query(FooterKey)}


def help_text(screen: HelpScreen) -> str:
    console = Console(width=100, record=True, color_system=None)
    for static in screen.query(Static):
        if isinstance(static.content, Table):
            console.print(static.content)
    return console.export_text()


async def test_the_configured_theme_and_a_remapped_key_apply_from_the_start(
    tmp_path: Path, db_path: Path, store: Store, programme: Programme
) -> None:
    config = config_from(tmp_path, 'theme = "catppuccin-latte"\n[keys]\n"schedule.star" = "S"\n')
    app = make_app(db_path, config=config)
    async with running(app) as pilot:
        assert app.theme == "catppuccin-latte"
        assert app.note_pane.editor.theme == "github_light"  # a light theme: light syntax

        await select_talk(pilot, programme.opening.id)
        assert footer_keys(app)["Star"] == "S"
        await pilot.press("s")
        await settle(pilot)
        assert store.talk(programme.opening.id).star == 0  # s is no longer the star key
        await pilot.press("S")
        await settle(pilot, lambda: store.talk(programme.opening.id).star == 1, what="a star")

        await pilot.press("f1")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen), what="the help")
        assert isinstance(app.screen, HelpScreen)
        shown = help_text(app.screen)
        [star_row] = [line.split() for line in shown.splitlines() if "Cycle the star" in line]
        assert star_row[0] == "S"


async def test_a_theme_picked_in_the_palette_is_saved_to_the_config_file(
    tmp_path: Path, db_path: Path, programme: Programme
) -> None:
    config = config_from(tmp_path, '# mine\ntheme = "textual-light"\n[time]\nclock = "24h"\n')
    app = make_app(db_path, config=config)
    async with running(app) as pilot:
        assert app.note_pane.editor.theme == "github_light"
        await pilot.press("ctrl+p")
        await settle(pilot, lambda: isinstance(app.screen, CommandPalette), what="the palette")
        await type_text(pilot, "theme")
        await pilot.pause(0.3)  # the palette searches in the background
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, CommandPalette), what="the themes")
        await type_text(pilot, "nord")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot, lambda: app.theme == "nord", what="the nord theme")
        assert app.note_pane.editor.theme == "monokai"  # a dark theme: dark syntax

        path = tmp_path / "config.toml"
        await settle(pilot, lambda: "nord" in path.read_text(encoding="utf-8"), what="the save")
        assert path.read_text(encoding="utf-8") == '# mine\ntheme = "nord"\n[time]\nclock = "24h"\n'


async def test_a_bad_config_becomes_notices_and_the_app_still_works(
    tmp_path: Path, db_path: Path, programme: Programme
) -> None:
    config = config_from(
        tmp_path, 'theme = "no-such-theme"\nautosave = 1\n[keys]\n"schedule.stra" = "S"\n'
    )
    path = tmp_path / "config.toml"
    app = make_app(db_path, config=config)
    async with running(app) as pilot:
        expected = {
            f"{path}: autosave: unknown setting (did you mean 'autosave_delay'?)",
            f"{path}: theme: no theme named 'no-such-theme'",
            f'{path}: keys."schedule.stra": no key binding has this id',
        }
        await settle(pilot, lambda: {n.message for n in app._notifications} >= expected)
        assert app.theme == "textual-dark"
        await open_talk(pilot, programme.opening.id)
        assert app.note_pane.target is not None


async def test_the_clock_zone_and_note_template_come_from_the_config(
    tmp_path: Path, db_path: Path, programme: Programme
) -> None:
    config = config_from(
        tmp_path,
        '[time]\nzone = "local"\nclock = "12h"\n'
        '[notes]\ntemplate = """\n## $title ($start to $end, $room)\n\n"""\n',
    )
    app = make_app(db_path, config=config)
    async with running(app) as pilot:
        # 09:00 in Brussels is 3:00am in New York, the test's home zone.
        assert row_cells(app, programme.opening.id)[1].strip() == "▶3:00am"  # running now
        assert "your time" in schedule_title(app)
        await open_talk(pilot, programme.opening.id)
        assert app.note_pane.editor.text == "## Opening keynote (3:00am to 3:30am, Main Hall)\n\n"
        await type_text(pilot, "x")
        await pilot.press("ctrl+t")
        assert app.note_pane.editor.text.endswith("x [3:20am] ")
