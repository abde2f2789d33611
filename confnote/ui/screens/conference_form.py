"""Create a conference by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.widget import Widget
from textual.widgets import Input

from confnote.errors import ConfnoteError
from confnote.ui.screens.form import FormScreen
from confnote.ui.widgets.zone_input import ZoneInput
from confnote.user_input import parse_date


@dataclass(frozen=True, slots=True)
class ConferenceDraft:
    name: str
    time_zone: str
    starts_on: date | None
    ends_on: date | None
    url: str


ZONE_LABEL = "Time zone (IANA, e.g. Europe/Brussels; → completes)"


class ConferenceFormScreen(FormScreen[ConferenceDraft]):
    title_text = "New conference"

    def __init__(self, default_zone: str = "UTC") -> None:
        super().__init__()
        self._default_zone = default_zone

    def fields(self) -> list[tuple[str, Widget]]:
        return [
            ("Name", Input(id="conf-name", placeholder="PyCon Example 2026")),
            (ZONE_LABEL, ZoneInput(self._default_zone, id="conf-zone")),
            ("First day (YYYY-MM-DD, optional)", Input(id="conf-start")),
            ("Last day (YYYY-MM-DD, optional)", Input(id="conf-end")),
            ("Website (optional)", Input(id="conf-url")),
        ]

    def result(self) -> ConferenceDraft:
        name = self.text_of("conf-name")
        if not name:
            raise ConfnoteError("a conference needs a name")
        zone_name = self.query_one(ZoneInput).zone if self.text_of("conf-zone") else "UTC"
        starts_on = parse_date(self.text_of("conf-start"), "first day")
        ends_on = parse_date(self.text_of("conf-end"), "last day")
        if starts_on and ends_on and ends_on < starts_on:
            raise ConfnoteError("the last day comes before the first")
        return ConferenceDraft(name, zone_name, starts_on, ends_on, self.text_of("conf-url"))
