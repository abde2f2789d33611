"""ctrl+o with a write-up: the preview shows what it found; Import writes it, Cancel does not."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from confnote.store import Conference, Store
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.import_schedule import ImportScheduleScreen
from confnote.ui.screens.writeup_preview import WriteupPreviewScreen
from confnote.ui.writeup_importer import WriteupImported, WriteupRead
from tests.ui.pilot_helpers import Programme, running, settle

POST = (
    "# ExampleConf 2025 recap\n\nTwo days in Example City.\n\n"
    "## Opening keynote by Ada Lovelace\n\nWhat a start.\n\n"
    "## Typing Without Tears (Bo Sample)\n\nGradual typing.\n\n"
    "## Talks to watch\n\n- Huge Parsers\n"
)


def preview_text(app: ConfnoteApp) -> str:
    return "\n".join(str(static.render()) for static in app.screen.query("Static"))


async def test_a_write_up_is_previewed_and_imported_only_after_confirming(
    app: ConfnoteApp, store: Store, programme: Programme, tmp_path: Path
) -> None:
    post = tmp_path / "recap.md"
    post.write_text(POST, encoding="utf-8")
    messages: list[object] = []
    before = len(store.list_talks(programme.conference.id))
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot, lambda: app.conference is not None, what="the conference to load")
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot, lambda: isinstance(app.screen, ImportScheduleScreen), what="dialog")
        app.screen.query_one("#import-source", Input).value = str(post)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, WriteupPreviewScreen), what="preview")
        shown = preview_text(app)
        assert "Conference: ExampleConf 2025" in shown
        assert "Typing Without Tears — Bo Sample" in shown
        assert "[watch later] Huge Parsers" in shown
        assert len(store.list_talks(programme.conference.id)) == before

        await pilot.press("ctrl+s")
        await settle(pilot, lambda: any(isinstance(m, WriteupImported) for m in messages))
        await settle(pilot)
        assert not isinstance(app.screen, WriteupPreviewScreen)
        assert any(isinstance(m, WriteupRead) for m in messages)
        keynote = store.note_for_talk(programme.opening.id)
        assert keynote is not None and "What a start." in keynote.body
        talks = store.list_talks(programme.conference.id)
        assert "Typing Without Tears" in [talk.title for talk in talks]
        assert len(talks) == before + 1


async def test_cancelling_the_preview_writes_nothing(
    app: ConfnoteApp, store: Store, conference: Conference, tmp_path: Path
) -> None:
    post = tmp_path / "recap.md"
    post.write_text(POST, encoding="utf-8")
    async with running(app) as pilot:
        await pilot.press("ctrl+o")
        await settle(pilot, lambda: isinstance(app.screen, ImportScheduleScreen), what="dialog")
        app.screen.query_one("#import-source", Input).value = str(post)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, WriteupPreviewScreen), what="preview")
        await pilot.press("escape")
        await settle(pilot, lambda: not isinstance(app.screen, WriteupPreviewScreen))
        await settle(pilot)
    assert [c.name for c in store.list_conferences()] == [conference.name]
    assert store.list_todos(conference.id) == []
