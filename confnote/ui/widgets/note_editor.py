"""The Markdown text area notes are typed into."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.theme import Theme
from textual.widgets import TextArea

from confnote.clock_format import clock_time

# Syntax colours for the app's dark and light themes.
DARK_SYNTAX, LIGHT_SYNTAX = "monokai", "github_light"


class NoteEditor(TextArea):
    """A soft-wrapping Markdown TextArea; Tab moves focus so panes stay reachable. Its syntax
    colours follow the app theme: light or dark."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+t",
            "insert_time",
            "Time",
            id="note.insert_time",
            tooltip="Insert the current time as [HH:MM]",
        ),
    ]

    def __init__(
        self, clock: Callable[[], datetime], *, id: str, twelve_hour: bool = False
    ) -> None:
        """``clock`` gives the wall time to stamp, already in the zone to show."""
        super().__init__(
            "",
            id=id,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            theme=DARK_SYNTAX,
        )
        self._clock = clock
        self._twelve_hour = twelve_hour

    def on_mount(self) -> None:
        # Highlighting needs tree-sitter-markdown; plain text is a fine fallback.
        if "markdown" in self.available_languages:
            self.language = "markdown"
        self._follow_theme(self.app.current_theme)
        self.app.theme_changed_signal.subscribe(self, self._follow_theme)

    def _follow_theme(self, theme: Theme) -> None:
        self.theme = DARK_SYNTAX if theme.dark else LIGHT_SYNTAX

    def action_insert_time(self) -> None:
        stamp = f"[{clock_time(self._clock(), self._twelve_hour)}] "
        row, column = self.cursor_location
        before = self.document.get_line(row)[:column]
        self.insert(stamp if not before or before[-1].isspace() else " " + stamp)
