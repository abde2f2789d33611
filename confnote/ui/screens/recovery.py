"""Note text kept in a draft file (a locked quit, a closed terminal, an external editor
that never came back): put it back into the note, throw it away, or decide later."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from confnote.ui.screens.text_choice import TextChoiceScreen


class RecoveryScreen(TextChoiceScreen):
    CHOICES = (
        ("restore", "Restore into the note (r)"),
        ("discard", "Discard (d)"),
        ("later", "Later (l)"),
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('restore')", "Restore", id="recovery.restore",
                tooltip="Make this text the note; the note's text now becomes a revision"),
        Binding("d", "choose('discard')", "Discard", id="recovery.discard",
                tooltip="Delete the draft file"),
        Binding("escape,l", "choose('later')", "Later", id="recovery.later",
                tooltip="Keep the file and ask again at the next start"),
    ]  # fmt: skip

    def __init__(self, title: str, where: str, body: str) -> None:
        super().__init__(f"[b]Unsaved text of “{title}” was kept in a file.[/b]\n{where}", body)
