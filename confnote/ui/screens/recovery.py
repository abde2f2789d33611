"""Note text kept in a draft file (a locked quit, a closed terminal, an external editor
that never came back): put it back into the note, throw it away, or decide later."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

RecoveryChoice = Literal["restore", "discard", "later"]
_CHOICES: dict[str, RecoveryChoice] = {"restore": "restore", "discard": "discard"}


class RecoveryScreen(ModalScreen["RecoveryChoice"]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('restore')", "Restore", id="recovery.restore",
                tooltip="Make this text the note; the note's text now becomes a revision"),
        Binding("d", "choose('discard')", "Discard", id="recovery.discard",
                tooltip="Delete the draft file"),
        Binding("escape,l", "choose('later')", "Later", id="recovery.later",
                tooltip="Keep the file and ask again at the next start"),
    ]  # fmt: skip

    DEFAULT_CSS = """
    RecoveryScreen #recovery-text { height: 1fr; border: round $warning; padding: 0 1; }
    """

    def __init__(self, title: str, where: str, body: str) -> None:
        super().__init__()
        self._title, self._where, self._body = title, where, body

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide tall"):
            yield Static(
                f"[b]Unsaved text of “{self._title}” was kept in a file.[/b]\n{self._where}",
                classes="dialog-text",
            )
            with VerticalScroll(id="recovery-text"):
                yield Static(self._body, markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Restore into the note (r)", variant="primary", id="restore")
                yield Button("Discard (d)", id="discard")
                yield Button("Later (l)", id="later")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_choose(event.button.id or "later")

    def action_choose(self, choice: str) -> None:
        self.dismiss(
            "restore" if choice == "restore" else "discard" if choice == "discard" else "later"
        )
