"""What is on when: conference days, the talk running now, the next one, clashes.

Pure functions over plain values; the store and the UI both use them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Protocol, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Like pretalx: a talk that starts before 04:00 belongs to the previous day's programme.
DAY_START = time(4, 0)


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


def conference_day(instant: datetime, where: tzinfo) -> date:
    """The programme day an instant belongs to, in the zone ``where``."""
    local = instant.astimezone(where)
    if local.time() < DAY_START:
        return local.date() - timedelta(days=1)
    return local.date()


def day_bounds(day: date, where: tzinfo) -> tuple[datetime, datetime]:
    """The instants a programme day runs between: [start, end)."""
    start = datetime.combine(day, DAY_START, tzinfo=where)
    end = datetime.combine(day + timedelta(days=1), DAY_START, tzinfo=where)
    return start.astimezone(UTC), end.astimezone(UTC)


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


def next_after(talks: Sequence[T], now: datetime) -> T | None:
    """The first talk to start after ``now``; ties keep the given order."""
    upcoming = [talk for talk in talks if talk.starts_at > now]
    return min(upcoming, key=lambda talk: talk.starts_at, default=None)
