"""Undo and redo, the Markdown preview, conference notes, and the palette's jump to talk."""

from __future__ import annotations

from textual.widgets import Markdown

from confnote.store import Store
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.choice import ChoiceScreen
from confnote.ui.screens.conferences import ConferencesScreen
from tests.ui.pilot_helpers import Programme, open_talk, running, settle, type_text


async def test_undo_and_redo_in_the_note(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    async with running(app) as pilot:
        await open_talk(pilot, programme.opening.id)
        editor = app.note_pane.editor
        before = editor.text
        await type_text(pilot, "oops")
        assert "\noops\n" in editor.text
        await pilot.press("ctrl+z")
        assert editor.text == before
        await pilot.press("ctrl+y")
        assert "\noops\n" in editor.text


async def test_preview_renders_the_note_and_toggles_back_to_the_editor(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        await open_talk(pilot, programme.opening.id)
        await type_text(pilot, "**bold idea**")
        await pilot.press("ctrl+r")
        await settle(pilot, lambda: bool(app.note_pane.query(Markdown)), what="the preview")
        assert not app.note_pane.editor.display
        source = app.note_pane.query_one(Markdown).source
        assert "\n**bold idea**\n" in source
        await pilot.press("ctrl+r")
        assert app.note_pane.editor.display
        assert app.focused is app.note_pane.editor


async def test_conference_note_is_created_from_the_schedule_and_saved(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    conference_id = programme.conference.id
    async with running(app) as pilot:
        await pilot.press("c")
        await settle(pilot, lambda: isinstance(app.screen, ChoiceScreen), what="the note list")
        await pilot.press("enter")  # the only entry: "+ New conference note…"
        await settle(pilot, lambda: app.screen.query("#note-title"), what="the title form")
        await type_text(pilot, "Hallway track")
        await pilot.press("enter")
        await settle(pilot, lambda: app.note_pane.target is not None, what="the new note")
        await type_text(pilot, "met the pandas folks")
        await pilot.press("ctrl+s")
        await settle(
            pilot,
            lambda: any(
                n.body.endswith("met the pandas folks")
                for n in store.conference_notes(conference_id)
            ),
            what="the conference note in the store",
        )
    (note,) = store.conference_notes(conference_id)
    assert note.title == "Hallway track"


async def test_palette_jumps_to_a_talk_by_fuzzy_title(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "parsng parsers")  # a typo, still found
        await settle(pilot, lambda: "Jump to: Parsing with parsers" in _palette_text(app))
        await pilot.press("enter")
        await settle(
            pilot,
            lambda: (
                app.note_pane.talk is not None and app.note_pane.talk.id == programme.parallel.id
            ),
            what="the talk's note to open",
        )
        assert app.schedule.table.current_talk_id == programme.parallel.id


def _palette_text(app: ConfnoteApp) -> str:
    from textual.command import CommandList

    found = app.screen.query(CommandList)
    if not found:
        return ""
    options = found.first()
    return " ".join(str(options.get_option_at_index(i).prompt) for i in range(options.option_count))


async def test_escape_closes_the_conference_list_without_creating_one(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        await pilot.press("f5")
        await settle(pilot, lambda: isinstance(app.screen, ConferencesScreen), what="the list")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.main
        await pilot.press("c", "escape")
        await settle(pilot)
        assert app.screen is app.main
