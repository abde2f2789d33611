"""Ask for a schedule to import: a file path (completed as you type) or an http(s) URL, and
the time zone, prefilled with the one the file declares."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label

from confnote.errors import ConfnoteError
from confnote.ui.path_suggester import PathSuggester
from confnote.ui.screens.form import FormScreen
from confnote.ui.widgets.zone_input import ZoneInput

ZONE_HINT = "Time zone (IANA; blank: the file's, else UTC; → completes)"


@dataclass(frozen=True, slots=True)
class ScheduleChoice:
    source: str
    zone: str | None  # None: the zone the file gives, else the conference's, else UTC


class ImportScheduleScreen(FormScreen[ScheduleChoice]):
    title_text = "Import a schedule or a write-up"

    @dataclass
    class ZoneDeclared(Message):
        """The file at ``source`` declares ``zone`` (None: it declares none)."""

        source: str
        zone: str | None

    def __init__(self, initial: str = "") -> None:
        super().__init__()
        self._initial = initial
        self._prefilled = ""  # the zone last put in the field from a file

    def fields(self) -> list[tuple[str | Label, Widget]]:
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
            ),
            (
                Label(ZONE_HINT, id="import-zone-label"),
                ZoneInput(id="import-zone", placeholder="from the file"),
            ),
        ]

    @on(Input.Changed, "#import-source")
    def _source_changed(self, event: Input.Changed) -> None:
        self._read_declared_zone(event.value)

    @work(thread=True, exclusive=True, group="declared-zone", exit_on_error=False)
    def _read_declared_zone(self, source: str) -> None:
        from confnote.schedule.declared_zone import declared_zone_of_file

        self.post_message(self.ZoneDeclared(source, declared_zone_of_file(source)))

    @on(ZoneDeclared)
    def _zone_declared(self, event: ZoneDeclared) -> None:
        """Prefill the zone the file declares, unless the attendee typed one of their own."""
        zone_input = self.query_one(ZoneInput)
        if event.source != self.text_of("import-source"):
            return  # an answer about what the field held before
        if zone_input.value.strip() not in ("", self._prefilled):
            return
        self._prefilled = event.zone or ""
        zone_input.value = self._prefilled
        label = f"Time zone: {event.zone}, as the file declares" if event.zone else ZONE_HINT
        self.query_one("#import-zone-label", Label).update(label)

    def result(self) -> ScheduleChoice:
        source = self.text_of("import-source")
        if not source:
            raise ConfnoteError("give a file path or an http(s) URL")
        zone = self.query_one(ZoneInput).zone if self.text_of("import-zone") else None
        return ScheduleChoice(source, zone)
