"""Rename a conference, or change its time zone."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Input

from confnote.errors import ConfnoteError
from confnote.store.records import Conference
from confnote.ui.screens.conference_form import ZONE_LABEL
from confnote.ui.screens.form import FormScreen
from confnote.ui.widgets.zone_input import ZoneInput


class RenameConferenceScreen(FormScreen[str]):
    """Dismisses with the new name."""

    title_text = "Rename conference"

    def __init__(self, conference: Conference) -> None:
        super().__init__()
        self._conference = conference

    def fields(self) -> list[tuple[str, Widget]]:
        return [("Name", Input(self._conference.name, id="conf-name", select_on_focus=False))]

    def result(self) -> str:
        name = self.text_of("conf-name")
        if not name:
            raise ConfnoteError("a conference needs a name")
        return name


class ConferenceZoneScreen(FormScreen[str]):
    """Dismisses with the zone, spelled as the tz database does."""

    title_text = "Conference time zone"

    def __init__(self, conference: Conference) -> None:
        super().__init__()
        self._conference = conference

    def fields(self) -> list[tuple[str, Widget]]:
        return [(ZONE_LABEL, ZoneInput(self._conference.time_zone, id="conf-zone"))]

    def result(self) -> str:
        return self.query_one(ZoneInput).zone
