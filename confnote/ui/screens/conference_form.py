"""Create a conference by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input

from confnote import agenda
from confnote.errors import ConfnoteError
from confnote.ui.screens.form import FormScreen
from confnote.user_input import parse_date


@dataclass(frozen=True, slots=True)
class ConferenceDraft:
    name: str
    time_zone: str
    starts_on: date | None
    ends_on: date | None
    url: str


@cache
def _zone_names() -> list[str]:
    from zoneinfo import available_timezones

    return sorted(available_timezones())


class ConferenceFormScreen(FormScreen[ConferenceDraft]):
    title_text = "New conference"

    def __init__(self, default_zone: str = "UTC") -> None:
        super().__init__()
        self._default_zone = default_zone

    def fields(self) -> list[tuple[str, Widget]]:
        return [
            ("Name", Input(id="conf-name", placeholder="PyCon Example 2026")),
            (
                "Time zone (IANA, e.g. Europe/Brussels)",
                Input(
                    self._default_zone,
                    id="conf-zone",
                    suggester=SuggestFromList(_zone_names(), case_sensitive=False),
                ),
            ),
            ("First day (YYYY-MM-DD, optional)", Input(id="conf-start")),
            ("Last day (YYYY-MM-DD, optional)", Input(id="conf-end")),
            ("Website (optional)", Input(id="conf-url")),
        ]

    def result(self) -> ConferenceDraft:
        name = self.text_of("conf-name")
        if not name:
            raise ConfnoteError("a conference needs a name")
        zone_name = self.text_of("conf-zone") or "UTC"
        if not agenda.is_known_zone(zone_name):
            raise ConfnoteError(f"unknown time zone {zone_name!r}")
        starts_on = parse_date(self.text_of("conf-start"), "first day")
        ends_on = parse_date(self.text_of("conf-end"), "last day")
        if starts_on and ends_on and ends_on < starts_on:
            raise ConfnoteError("the last day comes before the first")
        return ConferenceDraft(name, zone_name, starts_on, ends_on, self.text_of("conf-url"))
