"""The open note was changed in another window: keep mine, take theirs, or both merged."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from confnote.note_merge import MINE_MARKER, merge_with_markers

ConflictChoice = Literal["mine", "theirs", "merged"]
_CHOICES: dict[str, ConflictChoice] = {"theirs": "theirs", "merged": "merged"}


class NoteConflictScreen(ModalScreen["ConflictChoice"]):
    """Both texts are already safe (this window's as the note, the other's as a revision);
    the choice only decides which text the note goes on with."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,m", "choose('mine')", "Keep mine", id="conflict.mine",
                tooltip="Go on with this window's text; the other stays a revision"),
        Binding("t", "choose('theirs')", "Take theirs", id="conflict.theirs",
                tooltip="Go on with the other window's text; this one becomes a revision"),
        Binding("b", "choose('merged')", "Both merged", id="conflict.merged",
                tooltip="Both texts in the note, with markers where they differ"),
    ]  # fmt: skip

    DEFAULT_CSS = """
    NoteConflictScreen #conflict-merged { height: 1fr; border: round $warning; padding: 0 1; }
    """

    def __init__(self, title: str, mine: str, theirs: str) -> None:
        super().__init__()
        self._title = title
        self.mine, self.theirs = mine, theirs
        self.merged = merge_with_markers(mine, theirs)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide tall"):
            yield Static(
                f"[b]“{self._title}” was changed in another window.[/b]\n"
                "Both texts are kept: yours as the note, the other as a revision. "
                "Go on with which?",
                classes="dialog-text",
            )
            with VerticalScroll(id="conflict-merged"):
                yield Static(self.merged, markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep mine (m)", variant="primary", id="mine")
                yield Button("Take theirs (t)", id="theirs")
                yield Button("Both merged (b)", id="merged")

    def on_mount(self) -> None:
        self.call_after_refresh(self._show_first_difference)

    def _show_first_difference(self) -> None:
        lines = self.merged.splitlines()
        first = lines.index(MINE_MARKER) if MINE_MARKER in lines else 0
        self.query_one("#conflict-merged", VerticalScroll).scroll_to(
            y=max(0, first - 2), animate=False
        )

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_choose(event.button.id or "mine")

    def action_choose(self, choice: str) -> None:
        self.dismiss(_CHOICES.get(choice, "mine"))
