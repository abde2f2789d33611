"""ctrl+l lists a note's revisions, shows what restoring one would change, and restores it."""

from __future__ import annotations

from textual.widgets import Static

from confnote.store import RevisionKind, Store
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.revisions import RevisionsScreen
from tests.ui.pilot_helpers import Programme, open_talk, running, settle, stored_body


async def test_a_restored_revision_becomes_the_note_and_the_text_it_replaced_is_kept(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    talk_id = programme.opening.id
    first = store.save_talk_note(talk_id, "# Notes\n\nfirst thoughts\n")
    store.save_talk_note(talk_id, "# Notes\n\nsecond thoughts\n", base_version=first.version)
    async with running(app) as pilot:
        await open_talk(pilot, talk_id)
        await pilot.press("ctrl+l")
        await settle(pilot, lambda: isinstance(app.screen, RevisionsScreen), what="revisions")
        diff = str(app.screen.query_one("#revision-diff-text", Static).visual)
        assert "-second thoughts" in diff
        assert "+first thoughts" in diff

        await pilot.press("r")
        await settle(pilot, lambda: "first" in stored_body(store, talk_id), what="the restore")
        await settle(pilot)
        assert app.note_pane.editor.text == stored_body(store, talk_id)
        newest = store.note_revisions(first.id)[0]
        assert (newest.body, newest.kind) == ("# Notes\n\nsecond thoughts\n", RevisionKind.RESTORE)


async def test_a_note_not_yet_saved_has_no_revisions_to_show(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        await open_talk(pilot, programme.opening.id)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert not isinstance(app.screen, RevisionsScreen)
