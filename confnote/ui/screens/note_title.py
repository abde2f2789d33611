"""Name a new conference note (intro, hallway track, sprints…)."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Input

from confnote.errors import ConfnoteError
from confnote.ui.screens.form import FormScreen


class NoteTitleScreen(FormScreen[str]):
    title_text = "New conference note"

    def fields(self) -> list[tuple[str, Widget]]:
        return [("Title", Input(id="note-title", placeholder="Hallway track"))]

    def result(self) -> str:
        title = self.text_of("note-title")
        if not title:
            raise ConfnoteError("a note needs a title")
        return title
