"""Spreadsheet schedules: CSV with a header row naming title, start, end or duration, …"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from confnote.schedule.assemble import (
    DEFAULT_DURATION,
    ScheduleInfo,
    TalkDraft,
    build_schedule,
    title_from_source,
)
from confnote.schedule.encoding import decode_text
from confnote.schedule.html_text import html_to_markdown
from confnote.schedule.kinds import kind_for_type
from confnote.schedule.limits import check_events
from confnote.schedule.model import ParsedSchedule, ScheduleError
from confnote.schedule.speakers import split_names
from confnote.schedule.times import parse_clock, parse_date, parse_datetime, parse_duration

FORMAT = "csv"
DELIMITERS = (",", ";", "\t", "|")

# Header names each column may go by, after lower-casing and turning _ and - into spaces.
_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "talk", "talk title", "session", "session title", "name", "summary"),
    "start": (
        "start", "starts", "start time", "starts at", "start date", "begin", "begins",
        "datetime", "date time", "dtstart", "time", "from", "when",
    ),
    "date": ("date", "day"),
    "end": ("end", "ends", "end time", "ends at", "finish", "until", "to", "dtend"),
    "duration": (
        "duration", "length", "minutes", "mins", "duration (min)", "duration (minutes)",
        "duration min", "duration minutes",
    ),
    "room": ("room", "location", "venue", "stage", "hall", "place"),
    "track": ("track", "category", "topic", "stream", "theme"),
    "speakers": (
        "speakers", "speaker", "speaker name", "speaker names", "presenter", "presenters",
        "persons", "person", "authors", "author", "host", "hosts", "by",
    ),
    "key": ("id", "guid", "uid", "code", "key", "talk id", "session id"),
    "subtitle": ("subtitle",),
    "abstract": ("abstract", "description", "details"),
    "kind": ("type", "kind", "format", "session type", "talk type"),
    "url": ("url", "link", "website", "web"),
    "slides": ("slides", "slides url", "slide url", "slides link"),
    "video": ("video", "video url", "recording", "recording url"),
}  # fmt: skip
_COLUMN_FOR_NAME = {name: column for column, names in _ALIASES.items() for name in names}
_SEPARATORS = re.compile(r"[\s_-]+")


def header_columns(cells: Sequence[str]) -> dict[str, int]:
    """Which known column each header cell is, by position; the first of a repeat wins."""
    columns: dict[str, int] = {}
    for position, cell in enumerate(cells):
        name = _SEPARATORS.sub(" ", cell.strip().strip(":").casefold()).strip()
        column = _COLUMN_FOR_NAME.get(name)
        if column is not None:
            columns.setdefault(column, position)
    return columns


def is_schedule_header(columns: dict[str, int]) -> bool:
    return "title" in columns and ("start" in columns or "date" in columns)


def guess_delimiter(line: str) -> str:
    return max(DELIMITERS, key=line.count)


def read_csv(data: bytes, source: str, default_zone: ZoneInfo) -> ParsedSchedule:
    """Parse a CSV schedule; times without an offset are in ``default_zone``."""
    import csv
    import io

    text = decode_text(data).replace("\0", "")
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text), delimiter=guess_delimiter(first_line))
    try:
        header = next((row for row in reader if any(cell.strip() for cell in row)), [])
        columns = header_columns(header)
        if not is_schedule_header(columns):
            raise ScheduleError(source, "not a schedule: CSV header has no title and start columns")
        rows = _RowReader(columns, default_zone)
        drafts: list[TalkDraft] = []
        for row in reader:
            if any(row):
                drafts.append(rows.draft(row, f"line {reader.line_num}"))
                check_events(len(drafts), source)
    except csv.Error as exc:
        raise ScheduleError(source, f"broken CSV: {exc}", f"line {reader.line_num}") from exc
    warnings: list[str] = []
    if "end" not in columns and "duration" not in columns:
        warnings.append("header: no end or duration column; every talk lasts 30 minutes")
    if rows.naive_used:
        warnings.append(f"times without an offset read as {default_zone.key}")
    info = ScheduleInfo(
        format=FORMAT,
        title=title_from_source(source),
        time_zone=default_zone.key if rows.naive_used else "",
    )
    return build_schedule(info, drafts, warnings)


@dataclass(slots=True)
class _RowReader:
    columns: dict[str, int]
    zone: ZoneInfo
    naive_used: bool = False

    def draft(self, row: list[str], place: str) -> TalkDraft:
        problems: list[str] = []
        starts_at = self._start(row, problems)
        return TalkDraft(
            place=place,
            key=self._cell(row, "key"),
            title=self._cell(row, "title"),
            starts_at=starts_at,
            duration=self._duration(row, starts_at, problems) if starts_at else None,
            subtitle=self._cell(row, "subtitle"),
            abstract=html_to_markdown(self._cell(row, "abstract")),
            kind=kind_for_type(self._cell(row, "kind")),
            track=self._cell(row, "track"),
            room=self._cell(row, "room"),
            url=self._cell(row, "url"),
            slides_url=self._cell(row, "slides"),
            video_url=self._cell(row, "video"),
            speakers=split_names(self._cell(row, "speakers")),
            problems=problems,
        )

    def _cell(self, row: list[str], column: str) -> str:
        position = self.columns.get(column)
        return row[position].strip() if position is not None and position < len(row) else ""

    def _start(self, row: list[str], problems: list[str]) -> datetime | None:
        start, day_text = self._cell(row, "start"), self._cell(row, "date")
        instant = parse_datetime(start) or (parse_datetime(day_text) if not start else None)
        if instant is None:
            clock, day = parse_clock(start), parse_date(day_text)
            if clock is None or day is None:
                written = " ".join(part for part in (day_text, start) if part)
                problems.append(f"start {written!r} not understood" if written else "no start")
                return None
            instant = datetime.combine(day, clock)
        return self._aware(instant)

    def _aware(self, instant: datetime) -> datetime:
        if instant.tzinfo is not None:
            return instant
        self.naive_used = True
        return instant.replace(tzinfo=self.zone)

    def _duration(
        self, row: list[str], starts_at: datetime, problems: list[str]
    ) -> timedelta | None:
        end_text, duration_text = self._cell(row, "end"), self._cell(row, "duration")
        end = parse_datetime(end_text)
        if end is None and (clock := parse_clock(end_text)) is not None:
            end = datetime.combine(starts_at.date(), clock, tzinfo=starts_at.tzinfo)
            if end < starts_at:
                end += timedelta(days=1)
        problem = f"end {end_text!r} not understood" if end_text else ""
        if end is not None:
            end = self._aware(end)
            if end >= starts_at:
                return end - starts_at
            problem = f"end {end_text!r} is before the start"
        duration = parse_duration(duration_text)
        if duration is not None:
            return duration
        if duration_text:
            problem = f"duration {duration_text!r} not understood"
        if problem:
            problems.append(f"{problem}; assuming 30 minutes")
            return DEFAULT_DURATION
        if "end" not in self.columns and "duration" not in self.columns:
            return DEFAULT_DURATION
        return None
