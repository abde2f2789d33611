"""Add or edit a talk by hand, for a meetup that publishes no schedule."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from textual.widget import Widget
from textual.widgets import Input

from confnote.errors import ConfnoteError
from confnote.schedule.model import TalkDetails
from confnote.store.records import Talk
from confnote.ui.screens.form import FormScreen
from confnote.user_input import parse_clock_time, parse_date, parse_duration


class TalkFormScreen(FormScreen[TalkDetails]):
    def __init__(self, where: tzinfo, day: date, talk: Talk | None = None) -> None:
        super().__init__()
        self._where, self._day, self._talk = where, day, talk
        self.title_text = "Edit talk" if talk else "New talk"

    def fields(self) -> list[tuple[str, Widget]]:
        talk, where = self._talk, self._where
        start = talk.starts_at.astimezone(where) if talk else None
        minutes = int(talk.duration.total_seconds() // 60) if talk else 30
        return [
            # Neither selected (a key would replace it) nor scrolled to its end.
            ("Title", Input(talk.title if talk else "", id="talk-title", select_on_focus=False)),
            (
                "Speakers (comma separated)",
                Input(", ".join(talk.speakers) if talk else "", id="talk-speakers"),
            ),
            ("Day (YYYY-MM-DD)", Input(str(start.date() if start else self._day), id="talk-day")),
            (
                "Start (HH:MM, conference time)",
                Input(f"{start:%H:%M}" if start else "", id="talk-start"),
            ),
            ("Duration (minutes or H:MM)", Input(str(minutes), id="talk-duration")),
            ("Room", Input(talk.room if talk else "", id="talk-room")),
            ("Track", Input(talk.track if talk else "", id="talk-track")),
            ("Talk page URL", Input(talk.url if talk else "", id="talk-url")),
            ("Video URL", Input(talk.video_url if talk else "", id="talk-video")),
        ]

    def on_mount(self) -> None:
        # A long title shows its start when the form opens; End reaches the rest.
        self.query_one("#talk-title", Input).cursor_position = 0

    def result(self) -> TalkDetails:
        title = self.text_of("talk-title")
        if not title:
            raise ConfnoteError("a talk needs a title")
        day = parse_date(self.text_of("talk-day"), "day")
        if day is None:
            raise ConfnoteError("day: required")
        start = datetime.combine(
            day, parse_clock_time(self.text_of("talk-start"), "start"), self._where
        )
        duration = parse_duration(self.text_of("talk-duration"))
        if duration <= timedelta(0):
            raise ConfnoteError("duration: must be more than zero")
        speakers = tuple(s.strip() for s in self.text_of("talk-speakers").split(",") if s.strip())
        old = self._talk
        return TalkDetails(
            key=old.key if old else "",
            title=title,
            starts_at=start,
            duration=duration,
            subtitle=old.subtitle if old else "",
            abstract=old.abstract if old else "",
            kind=old.kind if old else "talk",
            track=self.text_of("talk-track"),
            room=self.text_of("talk-room"),
            url=self.text_of("talk-url"),
            slides_url=old.slides_url if old else "",
            video_url=self.text_of("talk-video"),
            speakers=speakers,
        )
