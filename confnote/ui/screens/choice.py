"""Pick one entry from a list (conferences, conference notes…)."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from confnote.ui.screens.dialog import DialogScreen

T = TypeVar("T")


class ChoiceScreen(DialogScreen[T | None], Generic[T]):
    """Dismisses with the chosen value, or None on Escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="choice.cancel", tooltip="Close"),
    ]

    def __init__(self, title: str, choices: list[tuple[str, T]]) -> None:
        super().__init__()
        self._title = title
        self._choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"[b]{self._title}[/b]", classes="dialog-text")
            yield OptionList(
                *(Option(label, id=str(index)) for index, (label, _) in enumerate(self._choices)),
                id="choices",
            )

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._choices[int(event.option.id or 0)][1])
