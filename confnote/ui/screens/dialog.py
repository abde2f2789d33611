"""The base of every dialog: a modal screen with its own footer, listing the dialog's keys
instead of those of the pane beneath it."""

from __future__ import annotations

from typing import TypeVar

from textual import events, on
from textual.screen import ModalScreen

from confnote.ui.widgets.key_footer import KeyFooter

T = TypeVar("T")


class DialogScreen(ModalScreen[T]):
    @on(events.Mount)
    def _add_footer(self) -> None:
        self.mount(KeyFooter())
