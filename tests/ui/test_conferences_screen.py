"""The conferences list (F5): rename, change the time zone, delete into the trash (after a
confirm that says what goes), each with its cancel; and the palette's conference commands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from confnote.store import Store, TrashKind
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.conference_edit import ConferenceZoneScreen, RenameConferenceScreen
from confnote.ui.screens.conferences import ConferencesScreen
from confnote.ui.screens.confirm import ConfirmScreen
from confnote.ui.screens.trash import TrashScreen
from tests.ui.pilot_helpers import (
    Programme,
    confnote,
    make_app,
    open_talk,
    row_cells,
    running,
    schedule_title,
    second_conference,
    settle,
    shown_titles,
    static_text,
    todo_rows,
    type_text,
)


async def open_list(pilot: Pilot[Any]) -> ConferencesScreen:
    app = confnote(pilot)
    await pilot.press("f5")
    await settle(pilot, lambda: isinstance(app.screen, ConferencesScreen), what="the list")
    screen = app.screen
    assert isinstance(screen, ConferencesScreen)
    return screen


def listed_names(screen: ConferencesScreen) -> list[str]:
    return [entry.conference.name for entry in screen.entries]


def list_text(screen: ConferencesScreen) -> str:
    options = screen.query_one(OptionList)
    return "\n".join(
        str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
    )


def confirm_text(app: ConfnoteApp) -> str:
    return static_text(app.screen.query(".dialog-text").first(Static))


async def clear_and_type(pilot: Pilot[Any], field: Input, text: str) -> None:
    field.value = ""
    await type_text(pilot, text)


async def test_rename_shows_the_new_name_in_the_list_and_the_schedule(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    async with running(app) as pilot:
        screen = await open_list(pilot)
        assert "(open)" in list_text(screen) and "1 talk" not in list_text(screen)
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, RenameConferenceScreen))
        field = app.screen.query_one("#conf-name", Input)
        assert field.value == "ExampleConf 2025"
        await clear_and_type(pilot, field, "Example Conference")
        await pilot.press("enter")
        await settle(pilot, lambda: listed_names(screen) == ["Example Conference"])
        assert app.screen is screen
        await pilot.press("escape")
        await settle(pilot)
        assert store.conference(programme.conference.id).name == "Example Conference"
        assert app.sub_title == "Example Conference"
        assert app.schedule.border_title == "Example Conference"


async def test_cancelling_a_rename_or_a_blank_name_changes_nothing(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    async with running(app) as pilot:
        await open_list(pilot)
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, RenameConferenceScreen))
        await clear_and_type(pilot, app.screen.query_one("#conf-name", Input), " ")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RenameConferenceScreen)
        error = static_text(app.screen.query_one("#form-error", Static))
        assert error == "a conference needs a name"
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ConferencesScreen))
        await settle(pilot)
    assert store.conference(programme.conference.id).name == "ExampleConf 2025"


async def test_a_new_zone_redraws_the_schedule_and_an_unknown_one_is_refused(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    async with running(app) as pilot:
        assert "09:00" in row_cells(app, programme.opening.id)[1]
        cursor = app.schedule.table.current_talk_id
        assert cursor in (programme.opening.id, programme.parallel.id)
        await open_list(pilot)
        await pilot.press("z")
        await settle(pilot, lambda: isinstance(app.screen, ConferenceZoneScreen))
        field = app.screen.query_one("#conf-zone", Input)
        assert field.value == "Europe/Brussels"
        await clear_and_type(pilot, field, "Europe/Brusels")
        await pilot.press("enter")
        await settle(pilot)
        error = static_text(app.screen.query_one("#form-error", Static))
        assert error == "unknown time zone 'Europe/Brusels'; use an IANA name like Europe/Brussels"
        assert "\n" not in error

        await clear_and_type(pilot, field, "america/new_york")  # any case
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ConferencesScreen))
        await settle(pilot)
        listed = app.screen
        assert isinstance(listed, ConferencesScreen)
        assert "America/New_York" in list_text(listed)
        await pilot.press("escape")
        await settle(pilot)
        assert store.conference(programme.conference.id).time_zone == "America/New_York"
        assert "America/New_York" in schedule_title(app)
        # The cursor's talk, 09:00 in Brussels, is 03:00 in New York: the night of the 16th
        # there. The schedule follows it to that day.
        assert app.schedule.table.current_talk_id == cursor
        assert shown_titles(app) == [
            "Opening keynote",
            "Parsing with parsers",
            "Late morning databases",
        ]
        assert "03:00" in row_cells(app, programme.opening.id)[1]


async def test_the_zone_field_completes_zone_names(app: ConfnoteApp, programme: Programme) -> None:
    async with running(app) as pilot:
        await open_list(pilot)
        await pilot.press("z")
        await settle(pilot, lambda: isinstance(app.screen, ConferenceZoneScreen))
        field = app.screen.query_one("#conf-zone", Input)
        field.value = ""
        await type_text(pilot, "asia/tok")
        await settle(pilot, lambda: field._suggestion != "", what="a completion")
        await pilot.press("right")
        assert field.value == "Asia/Tokyo"
        await pilot.press("escape")
        await settle(pilot)


async def test_cancelling_a_zone_change_keeps_the_zone(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    async with running(app) as pilot:
        await open_list(pilot)
        await pilot.press("z")
        await settle(pilot, lambda: isinstance(app.screen, ConferenceZoneScreen))
        await clear_and_type(pilot, app.screen.query_one("#conf-zone", Input), "Asia/Tokyo")
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ConferencesScreen))
        await settle(pilot)
    assert store.conference(programme.conference.id).time_zone == "Europe/Brussels"


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_deleting_the_open_conference_asks_saves_the_note_and_switches(
    app: ConfnoteApp, store: Store, programme: Programme, size: tuple[int, int]
) -> None:
    store.add_todo(programme.conference.id, "First conference's TODO")
    async with running(app, size) as pilot:
        other = second_conference(store)
        await open_talk(pilot, programme.opening.id)
        await type_text(pilot, "typed just before")
        screen = await open_list(pilot)
        assert listed_names(screen) == ["OtherConf 2025", "ExampleConf 2025"]
        assert screen.highlighted is not None
        assert screen.highlighted.conference.id == programme.conference.id  # the open one
        await pilot.press("D")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the confirm")
        assert confirm_text(app) == (
            "Move “ExampleConf 2025” to the trash with its 4 talks, 1 note and 1 TODO?\n\n"
            "The trash (palette: Trash) gives it back whole."
        )
        await pilot.press("y")
        await settle(pilot, lambda: app.conference is not None and app.conference.id == other.id)
        await settle(pilot)
        assert isinstance(app.screen, ConferencesScreen)
        assert listed_names(app.screen) == ["OtherConf 2025"]
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)

        assert app.note_pane.target is None and app.note_pane.talk is None
        assert app.focused is not app.note_pane.editor
        assert shown_titles(app) == ["Other keynote"]
        rows = " ".join(todo_rows(app))
        assert "Other conference's TODO" in rows and "First conference's TODO" not in rows
        await pilot.press("f3")
        await type_text(pilot, "zzz")
        await settle(pilot)

    assert [c.name for c in store.list_conferences()] == ["OtherConf 2025"]
    (item,) = store.trash()
    assert item.kind is TrashKind.CONFERENCE
    back = store.restore_from_trash(item.id)
    assert back.conference_id is not None
    opening = next(t for t in store.list_talks(back.conference_id) if t.key == "opening")
    note = store.note_for_talk(opening.id)
    assert note is not None and "typed just before" in note.body and "zzz" not in note.body


async def test_declining_the_delete_keeps_the_conference(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    async with running(app) as pilot:
        await open_list(pilot)
        await pilot.press("delete")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the confirm")
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ConferencesScreen))
        await pilot.press("D")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the confirm")
        await pilot.press("n")
        await settle(pilot, lambda: isinstance(app.screen, ConferencesScreen))
        await settle(pilot)
        assert app.conference is not None and app.conference.id == programme.conference.id
    assert [c.name for c in store.list_conferences()] == ["ExampleConf 2025"]
    assert store.trash() == []


async def test_deleting_another_conference_leaves_the_open_one_alone(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    async with running(app) as pilot:
        second_conference(store)
        await open_talk(pilot, programme.opening.id)
        await open_list(pilot)
        await pilot.press("up")  # OtherConf, listed first
        await pilot.press("D")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the confirm")
        assert "OtherConf 2025" in confirm_text(app)
        await pilot.press("y")
        await settle(pilot, lambda: len(store.list_conferences()) == 1)
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.conference is not None and app.conference.id == programme.conference.id
        assert app.note_pane.talk is not None and app.note_pane.talk.id == programme.opening.id


async def test_deleting_the_last_conference_shows_the_empty_schedule_and_the_demo_offer(
    db_path: Path, store: Store, programme: Programme
) -> None:
    store.add_todo(programme.conference.id, "A TODO of the deleted conference")
    app = make_app(db_path, offer_demo=True)
    async with running(app) as pilot:
        await open_talk(pilot, programme.opening.id)
        await open_list(pilot)
        await pilot.press("D")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the confirm")
        await pilot.press("y")
        await settle(
            pilot,
            lambda: isinstance(app.screen, ConfirmScreen) and "demo" in confirm_text(app),
            what="the demo offer",
        )
        await pilot.press("n")  # start empty
        await settle(pilot)
        assert app.screen is app.main
        assert app.conference is None and app.note_pane.target is None
        empty = static_text(app.schedule.query_one("#schedule-empty", Static))
        assert empty.startswith("No conference yet.")
        assert "A TODO of the deleted conference" not in " ".join(todo_rows(app))

        await pilot.press("ctrl+p")
        await type_text(pilot, "Trash")
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, TrashScreen), what="the trash")
        await settle(pilot, lambda: bool(app.screen.query_one(OptionList).option_count))
        await pilot.press("r")
        await settle(pilot, lambda: app.conference is not None, what="the restored conference")
        await settle(pilot)
        assert app.conference is not None and app.conference.name == "ExampleConf 2025"


async def test_the_palette_renames_the_open_conference(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    async with running(app) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "Rename conference")
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, RenameConferenceScreen))
        await clear_and_type(pilot, app.screen.query_one("#conf-name", Input), "Renamed")
        await pilot.press("enter")
        await settle(pilot, lambda: store.conference(programme.conference.id).name == "Renamed")
        await settle(pilot)
        assert app.sub_title == "Renamed"
