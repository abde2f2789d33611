"""What a write-up import would bring in, shown before anything is written: Import or Cancel."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class WriteupPreviewScreen(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", "Cancel", id="writeup.cancel", tooltip="Import nothing"),
        Binding("ctrl+s", "answer(True)", "Import", id="writeup.import", tooltip="Import it"),
    ]

    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self._lines = lines

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="writeup-preview"):
            yield Static("[b]Import this write-up?[/b]", classes="dialog-text")
            with VerticalScroll(id="writeup-preview-lines"):
                yield Static("\n".join(self._lines), markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Import", variant="primary", id="import")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#import", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "import")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
