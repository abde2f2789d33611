"""What is on when: conference days, the talk running now, the next one, clashes.

Pure functions over plain values; the store and the UI both use them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Protocol, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Like pretalx: a talk that starts before 04:00 belongs to the previous day's programme,
# unless the schedule declares its days or its talks run through 04:00.
DAY_START = time(4, 0)
MINUTES_A_DAY = 24 * 60
EARLY_HOURS = (3 * 60, 10 * 60)  # where a day boundary may fall, in minutes after midnight


class Timed(Protocol):
    @property
    def starts_at(self) -> datetime: ...

    @property
    def ends_at(self) -> datetime: ...


T = TypeVar("T", bound=Timed)


def zone(name: str) -> tzinfo:
    """The IANA zone ``name``, or UTC when it is empty or unknown."""
    if not name or name.upper() == "UTC":
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def is_known_zone(name: str) -> bool:
    if name.upper() == "UTC":
        return True
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


@dataclass(frozen=True, slots=True)
class DayWindow:
    """A programme day as a schedule declares it: the instants it runs between, [start, end)."""

    starts_at: datetime
    ends_at: datetime

    def contains(self, instant: datetime) -> bool:
        return self.starts_at <= instant < self.ends_at

    def distance(self, instant: datetime) -> timedelta:
        if instant < self.starts_at:
            return self.starts_at - instant
        return max(instant - self.ends_at, timedelta(0))


@dataclass(frozen=True, slots=True)
class ProgrammeDays:
    """Which programme day an instant belongs to.

    The schedule's own days when it declares them (an instant outside them joins the
    nearest); otherwise a daily boundary at ``day_start``, local time in ``where``.
    """

    where: tzinfo
    windows: tuple[DayWindow, ...] = ()
    day_start: time = DAY_START

    def day_of(self, instant: datetime) -> date:
        if self.windows:
            window = next((w for w in self.windows if w.contains(instant)), None)
            window = window or min(self.windows, key=lambda w: w.distance(instant))
            return self._date_of(window)
        local = instant.astimezone(self.where)
        if local.time() < self.day_start:
            return local.date() - timedelta(days=1)
        return local.date()

    def _date_of(self, window: DayWindow) -> date:
        """A window's date: where its middle falls, so a day shifted by a zone keeps its date."""
        middle = window.starts_at + (window.ends_at - window.starts_at) / 2
        return middle.astimezone(self.where).date()

    def bounds(self, day: date) -> tuple[datetime, datetime]:
        """The instants a programme day runs between: [start, end)."""
        windows = [w for w in self.windows if self._date_of(w) == day]
        if windows:
            return min(w.starts_at for w in windows), max(w.ends_at for w in windows)
        start = datetime.combine(day, self.day_start, tzinfo=self.where)
        end = datetime.combine(day + timedelta(days=1), self.day_start, tzinfo=self.where)
        return start.astimezone(UTC), end.astimezone(UTC)

    def days_of(self, instants: Iterable[datetime]) -> list[date]:
        """The programme days that hold at least one of ``instants``, in order."""
        return sorted({self.day_of(instant) for instant in instants})


def programme_days(
    where: tzinfo, windows: Iterable[DayWindow], starts: Iterable[datetime]
) -> ProgrammeDays:
    """The days of a conference: its declared ``windows``, else a boundary in the quiet
    hours of its talks' ``starts``."""
    ordered = tuple(sorted(windows, key=lambda window: window.starts_at))
    return ProgrammeDays(where, ordered, quiet_boundary(starts, where))


def quiet_boundary(starts: Iterable[datetime], where: tzinfo) -> time:
    """Where one programme day ends and the next begins, so the night stays with the day
    before: in the longest stretch of the early hours (03:00–10:00) in which no talk
    starts; 04:00 when that stretch holds it, else its middle."""
    minutes = sorted({_minute_of_day(start.astimezone(where)) for start in starts})
    if not minutes:
        return DAY_START
    default = _minute_of_day(DAY_START)
    best: tuple[int, int, int] = (-1, default, default)  # (overlap, low, high)
    for earlier, later in zip(minutes, [*minutes[1:], minutes[0] + MINUTES_A_DAY], strict=True):
        later += MINUTES_A_DAY if later <= earlier else 0
        for shift in (0, -MINUTES_A_DAY):
            low = max(earlier + shift, EARLY_HOURS[0])
            high = min(later + shift, EARLY_HOURS[1])
            if high - low > best[0]:
                best = (high - low, low, high)
    _, low, high = best
    if low < default <= high:
        return DAY_START
    middle = (low + high) // 2
    return time(middle // 60, middle % 60)


def _minute_of_day(moment: datetime | time) -> int:
    return moment.hour * 60 + moment.minute


def overlaps(a: Timed, b: Timed) -> bool:
    return a.starts_at < b.ends_at and b.starts_at < a.ends_at


def clashing(talks: Iterable[T]) -> list[tuple[T, T]]:
    """Every pair of the given talks that overlap in time, earliest first."""
    ordered = sorted(talks, key=lambda talk: (talk.starts_at, talk.ends_at))
    pairs: list[tuple[T, T]] = []
    for index, talk in enumerate(ordered):
        for later in ordered[index + 1 :]:
            if later.starts_at >= talk.ends_at:
                break
            if overlaps(talk, later):
                pairs.append((talk, later))
    return pairs


def running_at(talks: Iterable[T], now: datetime) -> list[T]:
    """Talks under way at ``now``."""
    return [talk for talk in talks if talk.starts_at <= now < talk.ends_at]


def under_way(talks: Sequence[Timed], now: datetime) -> bool:
    """Whether the conference runs at ``now``: its first talk has begun, its last not ended."""
    return any(t.starts_at <= now for t in talks) and any(t.ends_at > now for t in talks)


def next_after(talks: Sequence[T], now: datetime) -> T | None:
    """The first talk to start after ``now``; ties keep the given order."""
    upcoming = [talk for talk in talks if talk.starts_at > now]
    return min(upcoming, key=lambda talk: talk.starts_at, default=None)


class Rated(Timed, Protocol):
    @property
    def star(self) -> int: ...


R = TypeVar("R", bound=Rated)


def now_block(talks: Sequence[R], now: datetime) -> tuple[R | None, list[R]]:
    """What "now" means to an attendee: the talk to put the cursor on, and the talks to keep
    on screen with it.

    Among the talks running at ``now``, a starred one wins (more stars first), then the one
    that started last, so a talk that just began beats a long workshop under way since
    noon. With nothing running, the next talk to start, with those starting at its time.
    """
    running = running_at(talks, now)
    if running:
        chosen = max(running, key=lambda talk: (talk.star, talk.starts_at))
        return chosen, running
    upcoming = next_after(talks, now)
    if upcoming is None:
        return None, []
    return upcoming, [talk for talk in talks if talk.starts_at == upcoming.starts_at]
