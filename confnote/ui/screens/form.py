"""The frame every small form shares: a title, labelled fields, Save and Cancel."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from confnote.errors import ConfnoteError
from confnote.ui.screens.dialog import DialogScreen

T = TypeVar("T")


class FormScreen(DialogScreen[T | None], Generic[T]):
    """Subclasses give ``fields()`` and ``result()``; a ConfnoteError from result() is shown."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="form.cancel", tooltip="Close unsaved"),
        Binding("ctrl+s", "submit", "Save", id="form.save", tooltip="Save and close"),
    ]

    title_text = ""

    def fields(self) -> Sequence[tuple[str | Label, Widget]]:
        """Each field with its label (a Label of its own to change it later)."""
        raise NotImplementedError

    def result(self) -> T:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        # Not focusable itself, so the first field has focus when the form opens.
        with VerticalScroll(classes="dialog form", can_focus=False):
            yield Static(f"[b]{self.title_text}[/b]", classes="dialog-text")
            for label, widget in self.fields():
                yield label if isinstance(label, Label) else Label(label)
                yield widget
            yield Static("", id="form-error", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        # Focusing the first field scrolls a tall form; start at its heading instead.
        self.call_after_refresh(self.query_one(VerticalScroll).scroll_home, animate=False)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def action_submit(self) -> None:
        try:
            value = self.result()
        except ConfnoteError as error:
            self.query_one("#form-error", Static).update(str(error))
            return
        self.dismiss(value)

    def text_of(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()
