"""What every schedule reader produces: plain, frozen, format-independent values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from confnote.agenda import DayWindow
from confnote.errors import InputError

TALK_KINDS = ("talk", "keynote", "lightning", "workshop", "panel", "other")


class ScheduleError(InputError):
    """A file that is not a readable schedule: names the file, the place and the reason."""


@dataclass(frozen=True, slots=True)
class TalkDetails:
    """The schedule fields of one talk, as a conference publishes them.

    ``starts_at`` is always timezone-aware; ``key`` is the stable identity taken
    from guid, then code, then id, then UID, unique within one schedule.
    """

    key: str
    title: str
    starts_at: datetime
    duration: timedelta
    subtitle: str = ""
    abstract: str = ""
    kind: str = "talk"
    track: str = ""
    room: str = ""
    url: str = ""
    slides_url: str = ""
    video_url: str = ""
    speakers: tuple[str, ...] = ()

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + self.duration


@dataclass(frozen=True, slots=True)
class ParsedSchedule:
    """A whole schedule file: the conference it describes and its talks in file order.

    ``days`` are the programme days the file declares (frab ``<day start end>``,
    schedule.json ``day_start``/``day_end``); empty when it declares none.
    """

    format: str
    title: str
    time_zone: str
    talks: tuple[TalkDetails, ...]
    slug: str = ""
    url: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    version: str = ""
    warnings: tuple[str, ...] = field(default=())
    days: tuple[DayWindow, ...] = ()
