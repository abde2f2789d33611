"""What an import or refresh changed: talks added, changed, cancelled, re-keyed."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from confnote.ui.screens.dialog import DialogScreen


class ImportReportScreen(DialogScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,enter,q",
            "dismiss(None)",
            "Close",
            id="report.close",
            tooltip="Close the report",
        ),
    ]

    def __init__(self, title: str, lines: list[str]) -> None:
        super().__init__()
        self._title, self._lines = title, lines

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide", id="import-report"):
            yield Static(f"[b]{self._title}[/b]   (Enter closes)", classes="dialog-text")
            yield Static("\n".join(self._lines), markup=False)
