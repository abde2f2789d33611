"""Everything the schedule knows about one talk: time in both zones, place, people, abstract,
links. A link opens in the system's browser or player."""

from __future__ import annotations

import re
from datetime import tzinfo
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from confnote.store.records import Talk
from confnote.ui.screens.dialog import DialogScreen
from confnote.ui.widgets.note_pane import talk_links

URL = re.compile(r"https?://[^\s<>\"')\]]+")


def when(talk: Talk, where: tzinfo) -> str:
    """The talk's day and time span in ``where``, with the zone's abbreviation."""
    start, end = talk.starts_at.astimezone(where), talk.ends_at.astimezone(where)
    return f"{start:%a %d %b %H:%M}–{end:%H:%M} {start:%Z}"


class TalkDetailsScreen(DialogScreen[None]):
    """Opened with ``i`` from the schedule; the same key, Esc or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,i,q",
            "dismiss(None)",
            "Close",
            id="details.close",
            tooltip="Close the talk's details",
        ),
    ]

    DEFAULT_CSS = """
    TalkDetailsScreen #details { height: 90%; }
    TalkDetailsScreen #details-facts { height: auto; }
    TalkDetailsScreen #details-abstract { height: 1fr; min-height: 3; margin-top: 1; }
    TalkDetailsScreen #details-links { height: auto; max-height: 7; margin-top: 1; }
    TalkDetailsScreen #details-hint { height: 1; }
    """

    def __init__(self, talk: Talk, conference_zone: tzinfo, local_zone: tzinfo) -> None:
        super().__init__()
        self.talk = talk
        self._conference_zone, self._local_zone = conference_zone, local_zone
        self.links = [(label, url) for label, url in talk_links(talk) if url]
        known = {url for _, url in self.links}
        for url in dict.fromkeys(URL.findall(talk.abstract)):
            if url.rstrip(".,;") not in known:
                self.links.append(("from the abstract", url.rstrip(".,;")))

    def compose(self) -> ComposeResult:
        talk = self.talk
        with Vertical(classes="dialog wide", id="details"):
            yield Static(self._facts(), id="details-facts")
            with VerticalScroll(id="details-abstract"):
                abstract = Text(talk.abstract) if talk.abstract else Text("No abstract.", "dim")
                yield Static(abstract, id="details-abstract-text")
            if self.links:
                yield OptionList(
                    *(
                        Option(Text.assemble((f"{label}: ", "bold"), url), id=url)
                        for label, url in self.links
                    ),
                    id="details-links",
                )
            yield Static("[dim]Enter opens a link · Esc closes[/dim]", id="details-hint")

    def _facts(self) -> Text:
        talk = self.talk
        text = Text(talk.title, style="bold")
        if talk.subtitle:
            text.append(f"\n{talk.subtitle}", style="italic")
        lines = [
            ("Speakers", ", ".join(talk.speakers)),
            ("When", when(talk, self._conference_zone)),
            ("Your time", when(talk, self._local_zone)),
            ("Room", talk.room),
            ("Track", talk.track),
            ("Kind", talk.kind),
        ]
        if talk.cancelled:
            lines.append(("Status", "cancelled: no longer in the schedule"))
        for label, value in lines:
            if value:
                text.append(f"\n{label:>9}  ", style="dim")
                text.append(value)
        return text

    def on_mount(self) -> None:
        if self.links:
            self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#details-links")
    def _open_link(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.open_url(event.option.id)
