"""Room to type: a new note starts in its Notes section, and F8 gives the note the screen."""

from __future__ import annotations

from textual.widgets import Static

from confnote.store import Store
from confnote.ui.app import ConfnoteApp
from tests.ui.pilot_helpers import (
    Programme,
    is_on_screen,
    open_talk,
    running,
    settle,
    static_text,
    stored_body,
    type_text,
)


async def test_typing_in_a_new_note_lands_in_its_notes_section(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    async with running(app) as pilot:
        await open_talk(pilot, programme.opening.id)
        assert "Opening keynote" not in app.note_pane.editor.text  # the header shows it
        await type_text(pilot, "parsers are fun")
        await pilot.press("ctrl+s")
        await settle(pilot)
    body = stored_body(store, programme.opening.id)
    assert body.startswith("## Notes\n\nparsers are fun\n")
    assert body.index("parsers are fun") < body.index("## Action items")


async def test_f8_gives_the_note_the_whole_screen_with_its_header_and_f8_gives_it_back(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        await open_talk(pilot, programme.opening.id)
        narrow_width = app.note_pane.region.width
        await pilot.press("f8")
        await settle(pilot, lambda: app.screen.maximized is app.note_pane, what="focus mode")
        assert not is_on_screen(app.schedule)
        assert app.note_pane.region.width == app.size.width
        header = static_text(app.note_pane.query_one("#note-header", Static))
        assert header.startswith("Opening keynote")
        assert app.focused is app.note_pane.editor
        await type_text(pilot, "x")  # still typing into the note

        await pilot.press("f8")
        await settle(pilot, lambda: app.screen.maximized is None, what="the panes again")
        assert is_on_screen(app.schedule)
        assert app.note_pane.region.width == narrow_width
        assert app.focused is app.note_pane.editor
