"""How much one schedule file may hold, so that reading it stays within memory and time.

FOSDEM 2026, among the largest real schedules, is 2.8 MB with 883 events; the
limits leave ten to twenty times that. Measured with benchmarks/big_schedule_memory.py:
20,000 events in 11 MB import in 4.4 s at a peak of 170 MB RSS, 20,000 events
in 31 MB in 7.2 s at 225 MB; a file past either limit is refused in under a
second. Before the limits, 156,000 events (60 MB) took 73 s and 824 MB.
"""

from __future__ import annotations

import re

from confnote.schedule.model import ScheduleError

MAX_BYTES = 32 * 1024 * 1024
MAX_EVENTS = 20_000

# What starts one event in each format, counted on the raw bytes before any parsing.
_EVENT_STARTS = {
    "frab-xml": re.compile(rb"<event[\s>]"),
    "icalendar": re.compile(rb"^BEGIN:VEVENT\r?$", re.MULTILINE | re.IGNORECASE),
}


def check_size(size: int, source: str) -> None:
    if size > MAX_BYTES:
        raise too_large(source, size)


def too_large(source: str, size: int | None = None) -> ScheduleError:
    """The refusal of a file over MAX_BYTES; ``size`` None when reading stopped at the limit."""
    what = f"{size / (1024 * 1024):.1f} MB" if size is not None else "over the limit"
    return ScheduleError(
        source, f"{what}; confnote reads schedule files of at most {MAX_BYTES // 1048576} MB"
    )


def check_events(count: int, source: str) -> None:
    if count > MAX_EVENTS:
        raise ScheduleError(
            source, f"{count} events; confnote reads at most {MAX_EVENTS} from one file"
        )


def check_raw_events(data: bytes, format_name: str, source: str) -> None:
    """Refuse a file with too many events before parsing it, where its bytes tell (XML,
    iCalendar); the parsed talks are counted again afterwards, in every format."""
    pattern = _EVENT_STARTS.get(format_name)
    if pattern is not None:
        check_events(len(pattern.findall(data)), source)
