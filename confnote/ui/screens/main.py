"""The three panes. Below 100 columns only the focused pane shows; F2–F4 switch."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer

from confnote.config import Config
from confnote.ui.widgets.note_pane import NotePane, SaveNote
from confnote.ui.widgets.pane_bar import PaneBar
from confnote.ui.widgets.schedule_pane import SchedulePane
from confnote.ui.widgets.todo_pane import TodoPane

PANES = ("schedule", "note", "todo")


class MainScreen(Screen[None]):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    AUTO_FOCUS = "#schedule-table"

    def __init__(
        self,
        clock: Callable[[], datetime],
        local_zone: tzinfo,
        save_note: SaveNote,
        config: Config | None = None,
    ) -> None:
        super().__init__(classes="-show-schedule")
        self._save_note = save_note
        self._clock = clock
        self._local_zone = local_zone
        self._config = config or Config()

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            schedule = SchedulePane(
                self._clock, self._local_zone, id="schedule", settings=self._config.settings
            )
            yield schedule
            with Vertical(id="side"):
                yield NotePane(
                    self._clock,
                    lambda: schedule.display_zone,
                    self._save_note,
                    id="note",
                    config=self._config,
                )
                yield TodoPane(id="todo")
        yield PaneBar()
        yield Footer()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        for pane in PANES:
            inside = any(node.id == pane for node in event.widget.ancestors_with_self)
            if inside:
                self._show(pane)
                break

    def _show(self, pane: str) -> None:
        for other in PANES:
            self.set_class(other == pane, f"-show-{other}")
        self.query_one(PaneBar).active = pane

    def focus_pane(self, pane: str) -> None:
        self._show(pane)
        if pane == "schedule":
            self.query_one(SchedulePane).focus_list()
            return
        target = {
            "schedule": "#schedule-table",
            "note": "#note-editor",
            "todo": "#todo-list",
        }[pane]
        widget = self.query_one(target)
        if pane == "note" and self.query_one(NotePane).has_class("-preview"):
            widget = self.query_one("#note-preview")
        widget.focus()
