"""Every action the command palette offers, beyond Textual's own and "jump to talk"."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand

if TYPE_CHECKING:
    from textual.app import App

    from confnote.ui.screens.main import MainScreen

# (title, help, action) for the command palette: "main." actions run on the main screen,
# "schedule.", "note." and "todo." ones on that pane (only while the main screen shows).
PALETTE_COMMANDS: list[tuple[str, str, str]] = [
    ("Search talks and notes", "Full-text search (ctrl+f)", "search"),
    ("Switch conference", "Pick another conference or create one (F5)", "conferences"),
    ("New conference", "Create a conference by hand", "main.new_conference"),
    (
        "Rename conference",
        "Give the open conference another name (F5, r)",
        "main.conferences('rename')",
    ),
    (
        "Conference time zone",
        "Show the open conference's times in another zone (F5, z)",
        "main.conferences('zone')",
    ),
    (
        "Delete conference",
        "Move the open conference with its talks, notes and TODOs to the trash (F5, D)",
        "main.conferences('delete')",
    ),
    (
        "Conference notes",
        "Intro, hallway track and other notes of the conference",
        "main.conference_notes",
    ),
    ("Show keys", "Every key binding (F1)", "help"),
    (
        "Trash",
        "Deleted conferences, talks, notes and TODOs: restore one or empty the trash",
        "trash",
    ),
    ("Schedule: open the talk's note", "The talk under the cursor", "schedule.open_talk"),
    (
        "Schedule: talk details",
        "Abstract, speakers, room, track, times, links (i)",
        "schedule.details",
    ),
    (
        "Schedule: cycle star",
        "None, one or two stars for the talk under the cursor",
        "schedule.star",
    ),
    ("Schedule: attended", "Mark the talk under the cursor attended, or not", "schedule.attended"),
    ("Schedule: watch later", "Add or remove the talk's watch-later TODO", "schedule.watch_later"),
    ("Schedule: hide talk", "Hide or unhide the talk under the cursor", "schedule.hide"),
    ("Schedule: edit talk", "Edit the schedule fields of the talk", "schedule.edit_talk"),
    ("Schedule: filter by text", "Filter talks as you type", "schedule.filter_text"),
    ("Schedule: previous day", "Show the previous day", "schedule.previous_day"),
    ("Schedule: next day", "Show the next day", "schedule.next_day"),
    ("Schedule: jump to now", "The talk running now, or the next one", "schedule.jump_now"),
    ("Schedule: next starred talk", "Jump to the next starred talk", "schedule.next_starred"),
    ("Schedule: toggle time zone", "Conference time or your own", "schedule.toggle_zone"),
    ("Schedule: filters", "Track, room, starred, with notes, hidden", "schedule.filters"),
    ("Schedule: starred only", "Show only starred talks", "schedule.starred_only"),
    ("Schedule: all days / one day", "Show every day or just one", "schedule.all_days"),
    ("Schedule: clear filters", "Show every talk of the day", "schedule.clear_filters"),
    ("Schedule: add a talk", "Add a talk by hand", "schedule.add_talk"),
    (
        "Schedule: delete talk",
        "Move the talk under the cursor and its note to the trash (asks first)",
        "main.delete_talk",
    ),
    ("Import a schedule", "frab/pretalx XML or JSON, iCalendar or CSV (ctrl+o)", "import_schedule"),
    ("Export a recap post", "A blog post for Hugo, Jekyll… with a preview (F6)", "export_post"),
    (
        "Refresh the schedule",
        "Fetch the schedule again from its source (R)",
        "main.refresh_schedule",
    ),
    ("Note: save now", "Save the open note (ctrl+s)", "note.save"),
    ("Note: toggle preview", "Rendered Markdown or editor (ctrl+r)", "note.toggle_preview"),
    (
        "Note: focus mode",
        "The note takes the whole screen, or gives it back (F8)",
        "note.focus_mode",
    ),
    ("Note: external editor", "Edit the note in $VISUAL/$EDITOR (ctrl+g)", "note.external_editor"),
    ("Note: revisions", "Earlier texts of the note; restore one (ctrl+l)", "note.revisions"),
    ("Note: delete", "Move the open note to the trash (asks first)", "main.delete_note"),
    ("TODO: add", "Add a TODO", "todo.add"),
    ("TODO: done / not done", "Toggle the highlighted TODO", "todo.toggle_done"),
    ("TODO: edit", "Edit the highlighted TODO", "todo.edit"),
    ("TODO: delete", "Move the highlighted TODO to the trash (asks first)", "todo.delete"),
    ("TODO: go to its talk", "Open the linked talk's note", "todo.jump"),
    ("TODO: move up", "Move the highlighted TODO up", "todo.move_up"),
    ("TODO: move down", "Move the highlighted TODO down", "todo.move_down"),
    ("TODO: show open / done / all", "Cycle the TODO filter", "todo.cycle_status"),
    ("TODO: filter by kind", "Cycle watch later, follow-up, action", "todo.cycle_kind"),
]


def palette_commands(app: App[Any], main: MainScreen) -> Iterator[SystemCommand]:
    for title, help_text, action in PALETTE_COMMANDS:
        yield SystemCommand(title, help_text, _command(app, main, action))


def _command(app: App[Any], main: MainScreen, action: str) -> Callable[[], Any]:
    """A palette callback running ``action`` on the app, the main screen ("main.x") or one
    of its panes ("schedule.x"; only while it shows)."""
    pane, _, name = action.rpartition(".")

    async def run() -> None:
        if pane not in ("", "main") and app.screen is not main:
            return
        namespaces = {"": app, "main": main, "schedule": main.schedule, "note": main.note_pane}
        target = namespaces.get(pane, main.todo_pane)
        await app.run_action(name, default_namespace=target)

    return run
