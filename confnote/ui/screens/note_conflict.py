"""The open note was changed in another window: keep mine, take theirs, or both merged."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from confnote.note_merge import MINE_MARKER, merge_with_markers
from confnote.ui.screens.text_choice import TextChoiceScreen


class NoteConflictScreen(TextChoiceScreen):
    """Both texts are already safe (this window's as the note, the other's as a revision);
    the choice only decides which text the note goes on with."""

    CHOICES = (
        ("mine", "Keep mine (m)"),
        ("theirs", "Take theirs (t)"),
        ("merged", "Both merged (b)"),
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,m", "choose('mine')", "Keep mine", id="conflict.mine",
                tooltip="Go on with this window's text; the other stays a revision"),
        Binding("t", "choose('theirs')", "Take theirs", id="conflict.theirs",
                tooltip="Go on with the other window's text; this one becomes a revision"),
        Binding("b", "choose('merged')", "Both merged", id="conflict.merged",
                tooltip="Both texts in the note, with markers where they differ"),
    ]  # fmt: skip

    def __init__(self, title: str, mine: str, theirs: str) -> None:
        self.mine, self.theirs = mine, theirs
        self.merged = merge_with_markers(mine, theirs)
        lines = self.merged.splitlines()
        super().__init__(
            f"[b]“{title}” was changed in another window.[/b]\n"
            "Both texts are kept: yours as the note, the other as a revision. "
            "Go on with which?",
            self.merged,
            first_line=lines.index(MINE_MARKER) if MINE_MARKER in lines else 0,
        )
