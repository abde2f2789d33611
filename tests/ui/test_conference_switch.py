"""Switching conference: the note and TODO panes follow, so nothing lands in the other one."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import OptionList

from confnote.store import Conference, Store
from confnote.store.records import TodoKind
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.conferences import ConferencesScreen
from confnote.ui.screens.todo_form import TodoFormScreen
from tests.ui.pilot_helpers import (
    Programme,
    confnote,
    open_talk,
    running,
    schedule_title,
    second_conference,
    settle,
    stored_body,
    todo_rows,
    type_text,
)


async def switch_with_f5(pilot: Pilot[Any], conference: Conference) -> None:
    app = confnote(pilot)
    await pilot.press("f5")
    await settle(pilot, lambda: isinstance(app.screen, ConferencesScreen), what="the conferences")
    choices = app.screen.query_one("#conferences", OptionList)
    labels = [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)]
    [index] = [i for i, label in enumerate(labels) if label.startswith(conference.name)]
    while choices.highlighted != index:
        await pilot.press("down")
    await pilot.press("enter")
    await settle(pilot, lambda: app.conference is not None and app.conference.id == conference.id)
    await settle(pilot)


async def test_switching_conference_closes_the_open_note_so_typing_cannot_reach_it(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    store.add_todo(programme.conference.id, "First conference's TODO", kind=TodoKind.ACTION)
    talk = programme.opening
    async with running(app) as pilot:
        other = second_conference(store)
        await open_talk(pilot, talk.id)
        await type_text(pilot, "typed in the first")
        await switch_with_f5(pilot, other)

        assert app.note_pane.target is None and app.note_pane.talk is None
        assert " · 1 talk · " in schedule_title(app)
        assert app.focused is not app.note_pane.editor
        await type_text(pilot, "qqq")
        await pilot.press("f3")
        await type_text(pilot, "zzz")
        await settle(pilot)
        assert "zzz" not in stored_body(store, talk.id) and "qqq" not in stored_body(store, talk.id)
        assert "typed in the first" in stored_body(store, talk.id)
        rows = " ".join(todo_rows(app))
        assert "Other conference's TODO" in rows and "First conference's TODO" not in rows

        await pilot.press("f4", "a")
        await settle(pilot, lambda: isinstance(app.screen, TodoFormScreen), what="the TODO form")
        assert not app.screen.query("#todo-link")


async def test_importing_a_schedule_into_another_conference_closes_the_open_note(
    app: ConfnoteApp, store: Store, programme: Programme, tmp_path: Any
) -> None:
    source = tmp_path / "other.ics"
    source.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nX-WR-CALNAME:Imported Conf\r\n"
        "BEGIN:VEVENT\r\nUID:one@test\r\nDTSTART:20250517T070000Z\r\n"
        "DTEND:20250517T073000Z\r\nSUMMARY:Imported talk\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    async with running(app) as pilot:
        await open_talk(pilot, programme.opening.id)
        await type_text(pilot, "typed before the import")
        app.main.importer.start(str(source))
        await settle(
            pilot,
            lambda: app.conference is not None and app.conference.id != programme.conference.id,
            what="the imported conference to open",
        )
        await settle(pilot)
        assert app.note_pane.target is None
        await pilot.press("escape")  # the import report
        await settle(pilot, lambda: app.screen is app.main, what="the report to close")
        assert app.focused is app.schedule.table
        assert "typed before the import" in stored_body(store, programme.opening.id)
