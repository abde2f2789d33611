"""The Markdown text area notes are typed into."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import TextArea


class NoteEditor(TextArea):
    """A soft-wrapping Markdown TextArea; Tab moves focus so panes stay reachable."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+t",
            "insert_time",
            "Time",
            id="note.insert_time",
            tooltip="Insert the current time as [HH:MM]",
        ),
    ]

    def __init__(self, clock: Callable[[], datetime], *, id: str) -> None:
        """``clock`` gives the wall time to stamp, already in the zone to show."""
        super().__init__(
            "",
            id=id,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            theme="monokai",
        )
        self._clock = clock

    def on_mount(self) -> None:
        # Highlighting needs tree-sitter-markdown; plain text is a fine fallback.
        if "markdown" in self.available_languages:
            self.language = "markdown"

    def action_insert_time(self) -> None:
        stamp = self._clock().strftime("[%H:%M] ")
        row, column = self.cursor_location
        before = self.document.get_line(row)[:column]
        self.insert(stamp if not before or before[-1].isspace() else " " + stamp)
