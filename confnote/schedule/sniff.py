"""Which schedule format a file is, told from its content (never its name)."""

from __future__ import annotations

import re

from confnote.schedule.encoding import decode_text
from confnote.schedule.model import ScheduleError

FRAB_XML, C3VOC_JSON, ICALENDAR, CSV = "frab-xml", "c3voc-json", "icalendar", "csv"

_HEAD_BYTES = 65536
_MAGIC = (
    (b"\x1f\x8b", "gzip-compressed data; unpack it first"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_XML_PROLOG = re.compile(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", re.DOTALL | re.IGNORECASE)
_FIRST_TAG = re.compile(r"<([A-Za-z_][\w.:-]*)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def sniff_format(data: bytes, source: str) -> str:
    """One of FRAB_XML, C3VOC_JSON, ICALENDAR, CSV; ScheduleError for anything else."""
    return sniff(data, source)[0]


def sniff(data: bytes, source: str) -> tuple[str, object]:
    """``sniff_format``, with the decoded document when telling the format took decoding
    the whole file (JSON), else None: a reader need not decode it again."""
    if not data or data.isspace():
        raise _not_a_schedule(source, "the file is empty")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise _not_a_schedule(source, f"looks like {what}")
    head = decode_text(data[:_HEAD_BYTES]).lstrip("\ufeff \t\r\n\f")
    if _looks_binary(head):
        raise _not_a_schedule(source, "looks like binary data")
    lowered = head[:4096].casefold()
    if lowered.startswith("begin:vcalendar") or "\nbegin:vcalendar" in lowered:
        return ICALENDAR, None
    if head.startswith("<"):
        return _sniff_xml(head, source), None
    if head.startswith(("{", "[")):
        return _sniff_json(data, source)
    if _has_schedule_header(head):
        return CSV, None
    raise _not_a_schedule(
        source, "unrecognised content (expected frab XML, schedule.json, iCalendar or CSV)"
    )


def _not_a_schedule(source: str, why: str) -> ScheduleError:
    return ScheduleError(source, f"not a schedule: {why}")


def _looks_binary(head: str) -> bool:
    sample = head[:4096]
    return "\x00" in sample or len(_CONTROL.findall(sample)) > len(sample) // 50


def _sniff_xml(head: str, source: str) -> str:
    match = _FIRST_TAG.search(_XML_PROLOG.sub("", head))
    root = match[1].rpartition(":")[2].casefold() if match else ""
    if root == "schedule":
        return FRAB_XML
    if root == "html" or head[:1024].casefold().startswith("<!doctype html"):
        raise _not_a_schedule(source, "looks like an HTML page")
    if root == "icalendar":
        raise _not_a_schedule(source, "xCal (XML iCalendar) is not supported; use the .ics export")
    what = f"XML with root <{match[1]}>" if match else "broken XML without elements"
    raise _not_a_schedule(source, f"{what}, not a frab <schedule>")


def _sniff_json(data: bytes, source: str) -> tuple[str, object]:
    from confnote.schedule.c3voc_json import load_json

    document = load_json(data, source)
    if not isinstance(document, dict):
        raise _not_a_schedule(source, 'JSON without a "schedule" object')
    schedule = document.get("schedule")
    conference = schedule.get("conference") if isinstance(schedule, dict) else None
    if isinstance(conference, dict) and "days" in conference:
        return C3VOC_JSON, document
    if isinstance(schedule, dict) and "events" in schedule:
        raise _not_a_schedule(source, "c3voc schedule2 JSON (flat events) is not supported yet")
    if "$schema" in document and ("properties" in document or "definitions" in document):
        raise _not_a_schedule(source, "a JSON Schema document, not a schedule")
    if "talks" in document and "rooms" in document:
        raise _not_a_schedule(
            source, "pretalx widget JSON is not supported; use schedule/export/schedule.json"
        )
    raise _not_a_schedule(source, 'JSON without a "schedule" with "conference" and "days"')


def _has_schedule_header(head: str) -> bool:
    import csv

    from confnote.schedule.csv_table import guess_delimiter, header_columns, is_schedule_header

    first_line = next((line for line in head.splitlines() if line.strip()), "")
    try:
        cells = next(csv.reader([first_line], delimiter=guess_delimiter(first_line)), [])
    except csv.Error:
        return False
    return is_schedule_header(header_columns(cells))
