"""Coming back: reopening takes up the conference, day, cursor, open note and pane left."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from confnote.store import Conference, Store
from confnote.store.place import Place
from confnote.ui import last_place
from confnote.ui.app import ConfnoteApp
from confnote.ui.messages import NoteTarget
from confnote.ui.screens.choice import ChoiceScreen
from tests.helpers import talk_details
from tests.ui.pilot_helpers import (
    BRUSSELS,
    MORNING,
    Programme,
    confnote,
    make_app,
    make_app_with_first_screen,
    open_talk,
    running,
    select_talk,
    settle,
    stored_body,
    type_text,
)
from tests.ui.test_conference_switch import switch_with_f5

SATURDAY, SUNDAY = date(2025, 5, 17), date(2025, 5, 18)
PANES = ("schedule", "note", "todo")


def focused_pane(app: ConfnoteApp) -> str | None:
    focused = app.main.focused
    assert focused is not None
    return next(node.id for node in focused.ancestors_with_self if node.id in PANES)


def two_day_conference(store: Store) -> tuple[Conference, list[int]]:
    other = store.create_conference("OtherConf 2025", time_zone="Europe/Brussels")
    talks = [
        store.add_talk(other.id, talk_details(key, title, start)).id
        for key, title, start in (
            ("keynote", "Other keynote", "2025-05-17T09:00:00+02:00"),
            ("sun-a", "Sunday first", "2025-05-18T10:00:00+02:00"),
            ("sun-b", "Sunday second", "2025-05-18T11:00:00+02:00"),
        )
    ]
    return other, talks


async def choose_conference_note(pilot: Pilot[Any], title: str) -> None:
    app = confnote(pilot)
    await pilot.press("f2", "c")
    await settle(pilot, lambda: isinstance(app.screen, ChoiceScreen), what="the notes")
    choices = app.screen.query_one("#choices", OptionList)
    while str(choices.get_option_at_index(choices.highlighted or 0).prompt) != title:
        await pilot.press("down")
    await pilot.press("enter")
    await settle(pilot, lambda: app.note_pane.target is not None, what="the note to open")


async def test_reopening_takes_up_the_conference_day_talk_and_note_left_with_what_was_typed(
    store: Store, programme: Programme, db_path: Path
) -> None:
    newest, _ = two_day_conference(store)
    sunday = programme.tomorrow.id
    app = make_app(db_path)
    async with running(app) as pilot:
        assert app.conference is not None and app.conference.id == newest.id
        await switch_with_f5(pilot, programme.conference)
        await pilot.press("f2", "right_square_bracket")
        await open_talk(pilot, sunday)
        await type_text(pilot, "Typed just before quitting")
        await pilot.press("ctrl+q")

    again = make_app(db_path)
    async with running(again) as pilot:
        assert again.conference == programme.conference
        assert again.schedule.rule.day == SUNDAY
        assert again.schedule.table.current_talk_id == sunday
        assert again.note_pane.target == NoteTarget(talk_id=sunday)
        assert "Typed just before quitting" in again.note_pane.editor.text
        assert again.focused is again.note_pane.editor
        await type_text(pilot, " and after")
        await pilot.press("ctrl+q")
    body = stored_body(store, sunday)
    assert "Typed just before quitting" in body and " and after" in body


async def test_reopening_takes_up_a_conference_note_all_days_and_the_todo_pane(
    store: Store, programme: Programme, db_path: Path
) -> None:
    note = store.add_conference_note(programme.conference.id, "Hallway track", "# Hallway\n")
    app = make_app(db_path)
    async with running(app) as pilot:
        await pilot.press("f2", "d")
        await select_talk(pilot, programme.tomorrow.id)
        await choose_conference_note(pilot, "Hallway track")
        await pilot.press("f4")
        await pilot.press("ctrl+q")

    again = make_app(db_path)
    async with running(again):
        assert again.schedule.rule.day is None
        assert again.schedule.table.current_talk_id == programme.tomorrow.id
        assert again.note_pane.target == NoteTarget(note_id=note.id)
        assert focused_pane(again) == "todo"


async def test_the_place_is_kept_while_the_app_runs_not_only_at_quit(
    store: Store, programme: Programme, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(last_place, "LOOK_EVERY", 0.05)
    app = make_app(db_path)
    async with running(app) as pilot:
        await select_talk(pilot, programme.late.id)
        await settle(
            pilot,
            lambda: (kept := store.last_place()) is not None and kept.talk_id == programme.late.id,
            what="the place to be kept",
        )
        assert store.last_place() == Place(
            conference_id=programme.conference.id,
            day=SATURDAY,
            talk_id=programme.late.id,
            left_at=MORNING,
        )


async def test_a_deleted_conference_opens_the_newest_one(
    store: Store, programme: Programme, db_path: Path
) -> None:
    other, (keynote, *_) = two_day_conference(store)
    store.save_place(Place(conference_id=other.id, talk_id=keynote, left_at=MORNING))
    store.delete_conference(other.id)
    app = make_app(db_path)
    async with running(app):
        assert app.conference == programme.conference
        assert app.focused is app.schedule.table


async def test_a_deleted_talk_leaves_its_day_open_without_its_note(
    store: Store, programme: Programme, db_path: Path
) -> None:
    late = programme.late.id
    store.save_talk_note(late, "Notes on the late talk")
    store.save_place(
        Place(
            conference_id=programme.conference.id,
            day=SATURDAY,
            talk_id=late,
            note_talk_id=late,
            pane="note",
            left_at=MORNING,
        )
    )
    store.delete_talk(late)
    app = make_app(db_path)
    async with running(app):
        assert app.schedule.rule.day == SATURDAY
        assert app.schedule.table.current_talk_id in (programme.opening.id, programme.parallel.id)
        assert app.note_pane.target is None
        assert app.focused is app.schedule.table


async def test_a_day_gone_after_a_refresh_gives_way_to_the_talks_new_day_or_a_fresh_start(
    store: Store, programme: Programme, db_path: Path
) -> None:
    tomorrow = programme.tomorrow
    moved = talk_details(tomorrow.key, tomorrow.title, "2025-05-19T10:00:00+02:00")
    store.update_talk(tomorrow.id, moved)
    conference = programme.conference.id
    place = Place(conference_id=conference, day=SUNDAY, talk_id=tomorrow.id, left_at=MORNING)
    store.save_place(place)
    app = make_app(db_path)
    async with running(app) as pilot:
        assert app.schedule.rule.day == date(2025, 5, 19)
        assert app.schedule.table.current_talk_id == tomorrow.id
        await pilot.press("ctrl+q")

    store.save_place(Place(conference_id=conference, day=SUNDAY, left_at=MORNING))
    app = make_app(db_path)
    async with running(app):  # the conference runs: at now, as a fresh start
        assert app.schedule.rule.day == SATURDAY
        assert app.schedule.table.current_talk_id == programme.parallel.id


async def test_while_the_conference_runs_a_place_left_on_an_earlier_day_gives_way_to_now(
    store: Store, programme: Programme, db_path: Path
) -> None:
    late = programme.late.id
    yesterday = Place(
        conference_id=programme.conference.id,
        day=SATURDAY,
        talk_id=late,
        note_talk_id=late,
        pane="note",
        left_at=datetime(2025, 5, 17, 11, 10, tzinfo=BRUSSELS),
    )
    store.save_place(yesterday)
    sunday_talk = datetime(2025, 5, 18, 10, 10, tzinfo=BRUSSELS)
    app = make_app(db_path, now=sunday_talk)
    async with running(app):
        assert app.schedule.rule.day == SUNDAY
        assert app.schedule.table.current_talk_id == programme.tomorrow.id
        assert app.note_pane.target is None
        assert app.focused is app.schedule.table

    # Left earlier the same day, the place stands, though "now" is another talk.
    store.save_place(replace(yesterday, left_at=sunday_talk))
    app = make_app(db_path, now=sunday_talk + timedelta(minutes=5))
    async with running(app):
        assert app.schedule.rule.day == SATURDAY
        assert app.schedule.table.current_talk_id == late
        assert app.note_pane.target == NoteTarget(talk_id=late)
        assert app.focused is app.note_pane.editor


async def test_the_first_screen_shows_the_place_before_the_store_has_opened(
    store: Store, programme: Programme, db_path: Path
) -> None:
    newer = store.create_conference("Newer", time_zone="UTC")
    store.update_conference(newer.id, starts_on=date(2026, 1, 31))
    store.update_conference(programme.conference.id, starts_on=SATURDAY)
    conference = programme.conference.id
    store.save_place(
        Place(conference_id=conference, day=SUNDAY, talk_id=programme.tomorrow.id, left_at=MORNING)
    )
    opened = threading.Event()
    app = make_app_with_first_screen(db_path, opened)
    async with app.run_test(size=(120, 40)) as pilot:
        try:
            table = app.schedule.table
            await settle(
                pilot,
                lambda: table.current_talk_id == programme.tomorrow.id,
                what="the first rows at the place left",
            )
            assert app.runner.store is None
            assert app.schedule.rule.day == SUNDAY
        finally:
            opened.set()
        await settle(pilot, lambda: app.runner.store is not None, what="the store")
        await settle(pilot)
        assert app.conference is not None and app.conference.id == conference
        assert app.schedule.rule.day == SUNDAY
        assert table.current_talk_id == programme.tomorrow.id


async def test_a_note_reopened_this_session_opens_where_its_cursor_was_left(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    store.save_talk_note(programme.opening.id, "line one\nline two\nline three")
    async with running(app) as pilot:
        await open_talk(pilot, programme.opening.id)
        assert app.note_pane.editor.cursor_location == (2, 10)  # a first opening: the end
        app.note_pane.editor.move_cursor((1, 4))
        await type_text(pilot, "X")
        await open_talk(pilot, programme.late.id)
        await open_talk(pilot, programme.opening.id)
        assert app.note_pane.editor.cursor_location == (1, 5)
        await type_text(pilot, "Y")
        await settle(pilot)
    assert stored_body(store, programme.opening.id) == "line one\nlineXY two\nline three"
