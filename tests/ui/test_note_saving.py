"""The note pane saves what is typed: after a pause, on ctrl+s, on switching talk, on quit."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Static

from confnote.store import Store
from confnote.ui.app import ConfnoteApp
from confnote.ui.widgets import note_pane
from tests.ui.pilot_helpers import (
    BRUSSELS,
    Programme,
    note_status,
    open_talk,
    running,
    settle,
    stored_body,
    type_text,
)


async def test_typed_text_is_saved_half_a_second_after_the_last_key(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    talk_id = programme.opening.id
    async with running(app) as pilot:
        await open_talk(pilot, talk_id)
        await type_text(pilot, "Great start")
        assert note_status(app) == "editing…"

        await settle(
            pilot,
            lambda: "Great start" in stored_body(store, talk_id),
            what="the autosave",
        )
        assert stored_body(store, talk_id).startswith("## Notes\n\nGreat start")
        await settle(pilot, lambda: note_status(app).startswith("saved "), what="'saved' status")


async def test_opening_a_talk_without_typing_stores_no_note(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    async with running(app) as pilot:
        await open_talk(pilot, programme.opening.id)
        await pilot.pause(note_pane.AUTOSAVE_DELAY * 2)
        await settle(pilot)

        assert store.note_for_talk(programme.opening.id) is None
        assert note_status(app) == "new note: saved once you type"


@pytest.mark.usefixtures("no_autosave")
async def test_ctrl_s_saves_at_once_and_shows_the_time_saved(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    talk_id = programme.opening.id
    async with running(app) as pilot:
        await open_talk(pilot, talk_id)
        await type_text(pilot, "Saved by hand")
        await pilot.press("ctrl+s")

        await settle(pilot, lambda: note_status(app).startswith("saved "), what="'saved' status")
        note = store.note_for_talk(talk_id)
        assert note is not None
        assert "Saved by hand" in note.body
        assert note_status(app) == f"saved {note.updated_at.astimezone(BRUSSELS):%H:%M:%S}"


@pytest.mark.usefixtures("no_autosave")
async def test_switching_to_another_talk_saves_the_first_talks_text(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    first, second = programme.opening.id, programme.parallel.id
    async with running(app) as pilot:
        await open_talk(pilot, first)
        await type_text(pilot, "Half a thought")
        await open_talk(pilot, second)

        await settle(
            pilot,
            lambda: "Half a thought" in stored_body(store, first),
            what="the first note to be saved",
        )
        assert app.note_pane.talk is not None
        assert app.note_pane.talk.title == "Parsing with parsers"
        assert store.note_for_talk(second) is None


@pytest.mark.usefixtures("no_autosave")
async def test_quitting_saves_the_typed_text(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    talk_id = programme.opening.id
    async with running(app) as pilot:
        await open_talk(pilot, talk_id)
        await type_text(pilot, "Last words")
        await pilot.press("ctrl+q")

    assert "Last words" in stored_body(store, talk_id)


@pytest.mark.usefixtures("no_autosave")
async def test_ctrl_t_stamps_the_time_in_the_zone_the_schedule_shows(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        await open_talk(pilot, programme.opening.id)
        await pilot.press("ctrl+t")
        assert "\n[09:20] \n" in app.note_pane.editor.text

        await pilot.press("f2", "z")
        await open_talk(pilot, programme.opening.id)
        await pilot.press("ctrl+t")
        assert app.note_pane.editor.text.count("[09:20] ") == 1
        assert "[03:20] " in app.note_pane.editor.text  # New York, as the schedule shows


async def test_the_status_line_is_redrawn_when_it_changes_not_on_every_key(
    app: ConfnoteApp, programme: Programme, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(note_pane, "AUTOSAVE_DELAY", 30.0)  # no save while typing
    async with running(app) as pilot:
        await open_talk(pilot, programme.opening.id)
        status = app.note_pane.query_one("#note-status", Static)
        shown: list[str] = []
        update = status.update

        def counted(content: Any = "", **options: Any) -> None:
            shown.append(str(content))
            update(content, **options)

        monkeypatch.setattr(status, "update", counted)
        await type_text(pilot, "twelve keys!")
        await pilot.pause()
        assert shown == ["editing…"]
