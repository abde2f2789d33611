"""The import dialog's time zone: prefilled with the zone the file declares, checked, and
used for the import; a zone typed by hand is never overwritten."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Label, Static

from confnote.store import Store
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.import_report import ImportReportScreen
from confnote.ui.screens.import_schedule import ImportScheduleScreen
from tests.schedule.test_declared_zone import CSV
from tests.schedule_files import Event, frab_xml
from tests.ui.pilot_helpers import Programme, running, settle, static_text, type_text


async def open_dialog(pilot: Pilot[Any], app: ConfnoteApp) -> tuple[Input, Input]:
    await pilot.press("ctrl+o")
    await settle(pilot, lambda: isinstance(app.screen, ImportScheduleScreen), what="dialog")
    return (
        app.screen.query_one("#import-source", Input),
        app.screen.query_one("#import-zone", Input),
    )


def zone_label(app: ConfnoteApp) -> str:
    label = app.screen.query_one("#import-zone-label", Label)
    return static_text(label)


async def imported(pilot: Pilot[Any], app: ConfnoteApp, store: Store, name: str) -> str:
    """Wait for the conference ``name`` to be imported and opened; return its zone."""
    await settle(
        pilot, lambda: app.conference is not None and app.conference.name == name, what=name
    )
    await settle(pilot)
    if isinstance(app.screen, ImportReportScreen):
        await pilot.press("escape")
    conference = store.find_conference(name)
    assert conference is not None
    return conference.time_zone


async def test_the_zone_the_file_declares_is_prefilled_and_used(
    app: ConfnoteApp, store: Store, programme: Programme, tmp_path: Path
) -> None:
    schedule = tmp_path / "tokyo.xml"
    schedule.write_bytes(frab_xml([Event("a", "Opening")], title="Tokyo Conf", zone="Asia/Tokyo"))
    async with running(app) as pilot:
        source, zone = await open_dialog(pilot, app)
        assert zone.value == "" and "blank: the file's" in zone_label(app)
        source.value = str(schedule)
        await settle(pilot, lambda: zone.value == "Asia/Tokyo", what="the declared zone")
        assert zone_label(app) == "Time zone: Asia/Tokyo, as the file declares"
        await pilot.press("enter")
        assert await imported(pilot, app, store, "Tokyo Conf") == "Asia/Tokyo"


async def test_a_zone_typed_for_a_file_without_one_reads_its_times(
    app: ConfnoteApp, store: Store, programme: Programme, tmp_path: Path
) -> None:
    table = tmp_path / "meetup.csv"
    table.write_bytes(CSV)
    async with running(app) as pilot:
        source, zone = await open_dialog(pilot, app)
        source.value = str(table)
        await settle(pilot)
        assert zone.value == ""
        zone.focus()
        await type_text(pilot, "Europe/Brussels")
        await pilot.press("enter")
        assert await imported(pilot, app, store, "meetup") == "Europe/Brussels"
    conference = store.find_conference("meetup")
    assert conference is not None
    (talk,) = store.list_talks(conference.id)
    assert talk.starts_at == datetime(2025, 5, 17, 8, 0, tzinfo=UTC)  # 10:00 in Brussels


async def test_a_typed_zone_is_not_overwritten_by_the_files(
    app: ConfnoteApp, store: Store, programme: Programme, tmp_path: Path
) -> None:
    schedule = tmp_path / "tokyo.xml"
    schedule.write_bytes(frab_xml([Event("a", "Opening")], title="Tokyo Conf", zone="Asia/Tokyo"))
    async with running(app) as pilot:
        source, zone = await open_dialog(pilot, app)
        zone.focus()
        await type_text(pilot, "Europe/Paris")
        source.value = str(schedule)
        await settle(pilot)
        await pilot.pause(0.2)
        assert zone.value == "Europe/Paris"
        await pilot.press("enter")
        assert await imported(pilot, app, store, "Tokyo Conf") == "Europe/Paris"


async def test_an_unknown_zone_is_refused_in_one_line_and_cancel_imports_nothing(
    app: ConfnoteApp, store: Store, programme: Programme, tmp_path: Path
) -> None:
    table = tmp_path / "meetup.csv"
    table.write_bytes(CSV)
    async with running(app) as pilot:
        source, zone = await open_dialog(pilot, app)
        source.value = str(table)
        zone.focus()
        await type_text(pilot, "Europe/Brusels")
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ImportScheduleScreen)
        error = static_text(dialog.query_one("#form-error", Static))
        assert error == "unknown time zone 'Europe/Brusels'; use an IANA name like Europe/Brussels"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.main
    assert [c.name for c in store.list_conferences()] == [programme.conference.name]
