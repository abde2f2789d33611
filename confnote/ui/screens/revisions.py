"""A note's earlier texts: pick one to see how it differs from the note now; restore it."""

from __future__ import annotations

import difflib
from datetime import tzinfo
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from confnote.store.records import NoteRevision

KIND_LABELS = {"edit": "", "conflict": "other window", "import": "import", "restore": "replaced"}


def revision_diff(revision: str, current: str) -> Text:
    """What restoring ``revision`` would change: ``-`` lines leave the note, ``+`` come back."""
    lines = difflib.unified_diff(
        current.splitlines(), revision.splitlines(), "now", "revision", lineterm=""
    )
    text = Text()
    for line in lines:
        style = "green" if line.startswith("+") else "red" if line.startswith("-") else ""
        text.append(line + "\n", style="bold " + style if line.startswith("@@") else style)
    return text or Text("Same text as the note now.", style="dim")


class RevisionsScreen(ModalScreen[NoteRevision | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close", id="revisions.close", tooltip="Close"),
        Binding("r", "restore", "Restore", id="revisions.restore",
                tooltip="Make this revision the note; the note's text now is kept as a revision"),
    ]  # fmt: skip

    DEFAULT_CSS = """
    RevisionsScreen #revisions-body { height: 1fr; }
    RevisionsScreen #revision-list { width: 30; height: 1fr; }
    RevisionsScreen #revision-diff { width: 1fr; height: 1fr; border: round $primary; }
    """

    def __init__(self, title: str, current: str, revisions: list[NoteRevision], zone: tzinfo):
        super().__init__()
        self._title, self._current, self._revisions, self._zone = title, current, revisions, zone

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide tall"):
            yield Static(
                f"[b]Revisions of “{self._title}”[/b] · r restores · Escape closes",
                classes="dialog-text",
            )
            with Horizontal(id="revisions-body"):
                yield OptionList(
                    *(Option(self._label(r), id=str(i)) for i, r in enumerate(self._revisions)),
                    id="revision-list",
                )
                with VerticalScroll(id="revision-diff"):
                    yield Static(id="revision-diff-text")

    def _label(self, revision: NoteRevision) -> str:
        kind = KIND_LABELS.get(revision.kind.value, "")
        words = len(revision.body.split())
        return f"{revision.saved_at.astimezone(self._zone):%a %d %b %H:%M}  {words} words  {kind}"

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        if self._revisions:
            options.highlighted = 0

    @property
    def chosen(self) -> NoteRevision | None:
        index = self.query_one(OptionList).highlighted
        return self._revisions[index] if index is not None else None

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        chosen = self.chosen
        if chosen is not None:
            self.query_one("#revision-diff-text", Static).update(
                revision_diff(chosen.body, self._current)
            )

    @on(OptionList.OptionSelected)
    def action_restore(self) -> None:
        if self.chosen is not None:
            self.dismiss(self.chosen)
