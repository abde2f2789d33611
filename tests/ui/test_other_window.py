"""Another window (here: the test's own store connection) writes what this app shows."""

from __future__ import annotations

import pytest

from confnote.note_merge import MINE_MARKER, THEIRS_MARKER
from confnote.store import RevisionKind, Store
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.note_conflict import NoteConflictScreen
from confnote.ui.widgets import note_pane
from tests.ui.pilot_helpers import Programme, open_talk, running, settle, stored_body, type_text


@pytest.fixture
def no_autosave(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(note_pane, "AUTOSAVE_DELAY", 3600.0)


@pytest.mark.usefixtures("no_autosave")
@pytest.mark.parametrize(
    ("key", "kept", "lost_from_body"),
    [("m", ["BBB"], "AAA"), ("t", ["AAA"], "BBB"), ("b", ["AAA", "BBB", MINE_MARKER], None)],
    ids=["keep-mine", "take-theirs", "both-merged"],
)
async def test_a_save_over_another_windows_note_keeps_both_and_offers_the_choice(
    app: ConfnoteApp,
    store: Store,
    programme: Programme,
    key: str,
    kept: list[str],
    lost_from_body: str | None,
) -> None:
    talk_id = programme.opening.id
    async with running(app) as pilot:
        await open_talk(pilot, talk_id)
        store.save_talk_note(talk_id, app.note_pane.editor.text + " AAA")
        await type_text(pilot, " BBB")
        await pilot.press("ctrl+s")
        await settle(
            pilot, lambda: isinstance(app.screen, NoteConflictScreen), what="the conflict choice"
        )
        await pilot.press(key)
        await settle(pilot)

        body = stored_body(store, talk_id)
        for text in kept:
            assert text in body
        if lost_from_body:
            assert lost_from_body not in body
        assert app.note_pane.editor.text == body
        note = store.note_for_talk(talk_id)
        assert note is not None
        revisions = store.note_revisions(note.id)
        everything = "\n".join([body, *(r.body for r in revisions)])
        assert "AAA" in everything and "BBB" in everything
        assert all(r.kind is RevisionKind.CONFLICT for r in revisions)
        if key == "b":
            assert body.rstrip().endswith(THEIRS_MARKER)
