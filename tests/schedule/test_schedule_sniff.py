"""Formats are told from content, never from the name; anything else is a one-line error."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from confnote.schedule import ScheduleError, parse_schedule
from confnote.schedule.sniff import C3VOC_JSON, CSV, FRAB_XML, ICALENDAR, sniff_format

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("tinycon.xml", FRAB_XML),
        ("tinycon.json", C3VOC_JSON),
        ("tinycon.ics", ICALENDAR),
        ("tinycon.csv", CSV),
    ],
)
def test_format_is_recognised_from_content_whatever_the_file_is_called(
    fixture: str, expected: str
) -> None:
    data = (FIXTURES / fixture).read_bytes()
    assert sniff_format(data, "download.txt") == expected
    assert parse_schedule(data, "download.html").talks


@pytest.mark.parametrize(
    "head",
    [
        b"<schedule><conference>",
        b'<?xml version="1.0"?>\n<!-- Made with love by pretalx -->\n<schedule>',
        b"\xef\xbb\xbf  <schedule>",
    ],
)
def test_frab_xml_with_prolog_comments_or_bom_is_frab(head: bytes) -> None:
    assert sniff_format(head, "x") == FRAB_XML


@pytest.mark.parametrize(
    "data",
    [b"BEGIN:VCALENDAR\r\n", b"\xef\xbb\xbfbegin:vcalendar\n", b"\n\nBegin:VCalendar\n"],
)
def test_icalendar_is_recognised_in_any_case_and_after_a_bom(data: bytes) -> None:
    assert sniff_format(data, "x") == ICALENDAR


SCHEMA = json.dumps(
    {
        "$schema": "http://json-schema.org/draft-06/schema#",
        "type": "object",
        "properties": {"schedule": {"$ref": "#/definitions/Schedule"}},
        "definitions": {"Schedule": {"type": "object"}},
    }
).encode()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<!DOCTYPE html>\n<html><body>Talks</body></html>", "looks like an HTML page"),
        (b"<html><head><title>schedule</title></head></html>", "looks like an HTML page"),
        (bytes(range(256)) * 4, "looks like binary data"),
        (b"\x00\x01\x02\x03schedule", "looks like binary data"),
        (gzip.compress(b"<schedule/>"), "gzip-compressed"),
        (b"%PDF-1.7 ...", "a PDF document"),
        (b"", "the file is empty"),
        (b"  \n\t\r\n", "the file is empty"),
        (b"<schedule><conference><title>Cut off", "broken XML"),
        (b"<rss><channel/></rss>", "XML with root <rss>"),
        (b"<icalendar><vcalendar/></icalendar>", "xCal"),
        (SCHEMA, "a JSON Schema document, not a schedule"),
        (b'{"hello": "world"}', 'JSON without a "schedule"'),
        (b"Dear attendee, here is the plan.", "unrecognised content"),
    ],
)
def test_non_schedule_is_a_one_line_error_naming_the_source(data: bytes, reason: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(data, "talks.html")
    message = str(caught.value)
    assert message.startswith("talks.html: ")
    assert reason in message
    assert "\n" not in message
    assert caught.value.source == "talks.html"


def test_html_page_message_reads_as_documented() -> None:
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(b"<!doctype html><html></html>", "talks.html")
    assert str(caught.value) == "talks.html: not a schedule: looks like an HTML page"


def test_an_unknown_default_zone_is_refused_before_reading() -> None:
    data = (FIXTURES / "tinycon.xml").read_bytes()
    with pytest.raises(ScheduleError, match=r"unknown time zone 'Nowhere/Land'"):
        parse_schedule(data, "tinycon.xml", default_zone="Nowhere/Land")
