"""Headless schedule readers: one ``parse_schedule`` for frab XML, schedule.json, iCalendar, CSV.

Importing this package is cheap; each format's module and its parser library
load only when a file of that format is read.
"""

from __future__ import annotations

from confnote.schedule.model import TALK_KINDS, ParsedSchedule, ScheduleError, TalkDetails

__all__ = ["TALK_KINDS", "ParsedSchedule", "ScheduleError", "TalkDetails", "parse_schedule"]


def parse_schedule(data: bytes, source: str, *, default_zone: str = "UTC") -> ParsedSchedule:
    """Read a schedule file in any supported format, recognised from its content.

    ``source`` (file name or URL) names the file in errors. ``default_zone`` is
    the conference's IANA zone for files that give local times and no zone
    (Pentabarf, floating iCalendar, CSV without offsets); the result warns when
    it was used. A file that is not a schedule, or holds no usable talk, raises
    ScheduleError; a broken event only adds to ``warnings``.
    """
    from confnote.gc_pause import gc_paused
    from confnote.schedule.limits import check_events, check_size

    check_size(len(data), source)
    with gc_paused():
        parsed = _parse_by_format(data, source, default_zone)
    check_events(len(parsed.talks), source)
    if not parsed.talks:
        raise ScheduleError(source, f"not a schedule: no talk in it{_why_none(parsed.warnings)}")
    return parsed


def _why_none(warnings: tuple[str, ...]) -> str:
    """The first reason a talk was skipped, and how many more there are."""
    skipped = [warning for warning in warnings if "skipped" in warning]
    if not skipped:
        return ""
    more = f", and {len(skipped) - 1} more" if len(skipped) > 1 else ""
    return f" ({skipped[0]}{more})"


def _parse_by_format(data: bytes, source: str, default_zone: str) -> ParsedSchedule:
    from confnote.schedule import sniff
    from confnote.schedule.limits import check_raw_events
    from confnote.schedule.times import resolve_zone

    zone = resolve_zone(default_zone)
    if zone is None:
        raise ScheduleError(source, f"unknown time zone {default_zone!r}")
    format_name, document = sniff.sniff(data, source)
    check_raw_events(data, format_name, source)
    if format_name == sniff.FRAB_XML:
        from confnote.schedule.frab_xml import read_frab_xml

        return read_frab_xml(data, source, zone)
    if format_name == sniff.C3VOC_JSON:
        from confnote.schedule.c3voc_json import read_c3voc_json

        return read_c3voc_json(data, source, zone, document)
    if format_name == sniff.ICALENDAR:
        from confnote.schedule.ical import read_ical

        return read_ical(data, source, zone)
    from confnote.schedule.csv_table import read_csv

    return read_csv(data, source, zone)
