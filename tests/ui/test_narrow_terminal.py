"""At 80×24 one pane shows at a time, full width; F2, F3 and F4 switch."""

from __future__ import annotations

from confnote.store import Store
from confnote.ui.app import ConfnoteApp
from tests.ui.pilot_helpers import Programme, is_on_screen, open_talk, running, settle, type_text

NARROW = (80, 24)


def panes_on_screen(app: ConfnoteApp) -> list[str]:
    panes = {"schedule": app.schedule, "note": app.note_pane, "todo": app.todo_pane}
    return [name for name, pane in panes.items() if is_on_screen(pane)]


async def test_at_80_columns_one_pane_shows_at_a_time_and_f_keys_switch(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app, size=NARROW) as pilot:
        assert panes_on_screen(app) == ["schedule"]
        assert app.schedule.region.width == 80

        await pilot.press("f3")
        assert panes_on_screen(app) == ["note"]
        assert app.note_pane.region.width == 80
        assert app.focused is app.note_pane.editor

        await pilot.press("f4")
        assert panes_on_screen(app) == ["todo"]

        await pilot.press("f2")
        assert panes_on_screen(app) == ["schedule"]
        assert app.schedule.table.has_focus


async def test_at_80_columns_enter_on_a_talk_shows_its_note_ready_for_typing(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    async with running(app, size=NARROW) as pilot:
        await open_talk(pilot, programme.late.id)
        assert panes_on_screen(app) == ["note"]

        await type_text(pilot, "Tiny notes")
        await pilot.press("ctrl+s", "f2")
        assert panes_on_screen(app) == ["schedule"]
        await settle(
            pilot,
            lambda: (
                (note := store.note_for_talk(programme.late.id)) is not None
                and "Tiny notes" in note.body
            ),
            what="the note to be saved",
        )
