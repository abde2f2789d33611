"""In narrow terminals, where one pane shows at a time: which one, and the keys to switch."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

PANE_KEYS = (("schedule", "F2", "Schedule"), ("note", "F3", "Note"), ("todo", "F4", "TODOs"))


class PaneBar(Static):
    DEFAULT_CSS = """
    PaneBar { height: 1; background: $panel; padding: 0 1; display: none; }
    """

    active: reactive[str] = reactive("schedule")

    def render(self) -> Text:
        bar = Text()
        for pane, key, label in PANE_KEYS:
            current = pane == self.active
            bar.append(f" {key} ", style="bold reverse" if current else "bold cyan")
            bar.append(f" {label}  ", style="bold" if current else "dim")
        return bar
