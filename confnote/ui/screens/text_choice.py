"""A question about a text shown under it, answered with a key or a button.

Subclasses name their answers in ``CHOICES`` (value, button label; the first button is
the primary one) and bind keys to ``choose('value')``.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class TextChoiceScreen(ModalScreen[str]):
    CHOICES: ClassVar[tuple[tuple[str, str], ...]] = ()

    DEFAULT_CSS = """
    TextChoiceScreen #choice-text { height: 1fr; border: round $warning; padding: 0 1; }
    """

    def __init__(self, question: str, text: str, *, first_line: int = 0) -> None:
        super().__init__()
        self._question, self._text, self._first_line = question, text, first_line

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide tall"):
            yield Static(self._question, classes="dialog-text")
            with VerticalScroll(id="choice-text"):
                yield Static(self._text, markup=False)
            with Horizontal(classes="dialog-buttons"):
                for index, (value, label) in enumerate(self.CHOICES):
                    yield Button(label, variant="primary" if index == 0 else "default", id=value)

    def on_mount(self) -> None:
        scroll = self.query_one("#choice-text", VerticalScroll)
        self.call_after_refresh(scroll.scroll_to, y=max(0, self._first_line - 2), animate=False)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_choose(event.button.id or "")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
