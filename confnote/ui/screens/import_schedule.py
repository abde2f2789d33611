"""Ask for a schedule to import: a file path (completed as you type) or an http(s) URL."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Input

from confnote.errors import ConfnoteError
from confnote.ui.path_suggester import PathSuggester
from confnote.ui.screens.form import FormScreen


class ImportScheduleScreen(FormScreen[str]):
    title_text = "Import a schedule or a write-up"

    def __init__(self, initial: str = "") -> None:
        super().__init__()
        self._initial = initial

    def fields(self) -> list[tuple[str, Widget]]:
        return [
            (
                "File or URL: frab/pretalx XML or JSON, iCalendar (.ics) or CSV; or a write-up "
                "file (blog page, Markdown, reST, text notes). → accepts a completion.",
                Input(
                    self._initial,
                    id="import-source",
                    placeholder="~/Downloads/schedule.xml or https://…/schedule.xml",
                    suggester=PathSuggester(),
                ),
            )
        ]

    def result(self) -> str:
        source = self.text_of("import-source")
        if not source:
            raise ConfnoteError("give a file path or an http(s) URL")
        return source
