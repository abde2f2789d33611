"""The README's key tables describe every binding the app has."""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode

from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.conferences import ConferencesScreen
from confnote.ui.widgets.note_editor import NoteEditor
from confnote.ui.widgets.note_pane import NotePane
from confnote.ui.widgets.schedule_pane import SchedulePane
from confnote.ui.widgets.todo_pane import TodoPane

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_binding_is_described_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    panes: list[type[DOMNode]] = [
        ConfnoteApp,
        SchedulePane,
        NotePane,
        NoteEditor,
        TodoPane,
        ConferencesScreen,
    ]
    bindings = [b for pane in panes for b in pane.BINDINGS if isinstance(b, Binding)]
    missing = [b.tooltip for b in bindings if b.tooltip and b.tooltip not in text]
    # Pane switching is described in one row for the three keys.
    assert [m for m in missing if not m.startswith("Go to the")] == []
