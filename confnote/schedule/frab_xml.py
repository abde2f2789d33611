"""frab, pretalx and Pentabarf ``schedule.xml``, every dialect from FOSDEM 2007 on."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from confnote.schedule.frab_common import FrabConference, FrabDay, FrabEvent, frab_schedule
from confnote.schedule.links import Link
from confnote.schedule.model import ParsedSchedule, ScheduleError

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

FORMAT = "frab-xml"
_POSITION = re.compile(r":\s*line \d+, column \d+$")
# An XML declaration naming an encoding; group 1 is the name as written.
_DECLARED_ENCODING = re.compile(rb"""\s*<\?xml[^>]*\bencoding\s*=\s*["']?([^"'\s?>]*)""")
_MARKS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Encodings in which a DTD's "<!DOCTYPE" is the ASCII bytes, so a byte search finds it.
_ASCII_BASED = frozenset({b"utf-8", b"utf8", b"us-ascii", b"ascii"})


def read_frab_xml(data: bytes, source: str, default_zone: ZoneInfo) -> ParsedSchedule:
    """Parse a frab/Pentabarf XML schedule; ``default_zone`` is for files without a zone."""
    root = _parse(data, source)
    conference = root.find("conference")
    days = root.findall("day")
    if root.tag != "schedule" or (conference is None and not days):
        raise ScheduleError(source, f"not a schedule: XML <{root.tag}> is not a frab <schedule>")
    warnings: list[str] = []
    events = list(_events(days))
    declared = [
        FrabDay(day.get("index") or str(number), day.get("start", ""), day.get("end", ""))
        for number, day in enumerate(days, start=1)
    ]
    conference_fields = _conference(root, conference)
    return frab_schedule(FORMAT, conference_fields, events, default_zone, warnings, declared)


def _parse(data: bytes, source: str) -> Element:
    xml = _xml_input(data)
    root = _parse_without_dtd(xml)
    if root is None:
        root = _parse_defused(xml, source)
    if root.tag.startswith("{"):
        for element in root.iter():
            element.tag = element.tag.rpartition("}")[2]
    return root


def _parse_without_dtd(xml: bytes | str) -> Element | None:
    """The tree of a document without a DTD, from the C parser; None when the document
    has one (or may have one), or does not parse: ``_parse_defused`` decides those.

    Without a DTD a document can declare no entities and name no external ones, so
    the checks defusedxml adds have nothing to refuse, and the tree is the one its
    (pure Python, several times slower) parser would build on the same expat.
    """
    from xml.etree.ElementTree import ParseError, fromstring

    if isinstance(xml, bytes):
        declared = _DECLARED_ENCODING.match(xml.removeprefix(codecs.BOM_UTF8))
        if declared is not None and declared[1].lower() not in _ASCII_BASED:
            return None
        if b"\0" in xml or b"<!DOCTYPE" in xml:  # a NUL: UTF-16 or UTF-32, marked or not
            return None
    elif "<!DOCTYPE" in xml:
        return None
    try:
        root: Element = fromstring(xml)
    except (ParseError, LookupError, ValueError):
        return None
    return root


def _parse_defused(xml: bytes | str, source: str) -> Element:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root: Element = fromstring(xml)
    except ParseError as exc:
        line, _column = exc.position
        reason = _POSITION.sub("", str(exc.msg))
        raise ScheduleError(source, f"broken XML: {reason}", f"line {line}") from exc
    except DefusedXmlException as exc:
        raise ScheduleError(source, "unsafe XML: entity or DTD declarations are refused") from exc
    except (LookupError, ValueError) as exc:  # e.g. an encoding Python does not know
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise ScheduleError(source, f"broken XML: {reason}") from exc
    return root


def _xml_input(data: bytes) -> bytes | str:
    """What the XML parser is given: the bytes when their encoding is known to it (a
    byte-order mark, a declared encoding, or valid UTF-8), else text decoded here, so
    UTF-16 without a mark and Latin-1 without a declaration read too."""
    from confnote.schedule.encoding import decode_text, wide_encoding

    if data.startswith(_MARKS):
        return data
    if wide_encoding(data) is not None:
        return decode_text(data)
    if _DECLARED_ENCODING.match(data):
        return data
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return decode_text(data)
    return data


def _conference(root: Element, conference: Element | None) -> FrabConference:
    fields = _children(conference) if conference is not None else {}
    return FrabConference(
        title=_text(fields.get("title")),
        acronym=_text(fields.get("acronym")),
        url=_text(fields.get("url")) or _text(fields.get("base_url")) or _text(root.find("url")),
        start=_text(fields.get("start")),
        end=_text(fields.get("end")),
        time_zone_name=_text(fields.get("time_zone_name")),
        day_change=_text(fields.get("day_change")),
        version=_text(root.find("version")),
    )


def _events(days: list[Element]) -> Iterator[FrabEvent]:
    """Events in file order, whether under ``day/room`` or (oldest Pentabarf) ``day``."""
    number = 0
    for day_number, day in enumerate(days, start=1):
        day_label = day.get("index") or str(day_number)
        for child in day:
            if child.tag == "room":
                room, events = child.get("name", ""), child.findall("event")
            elif child.tag == "event":
                room, events = "", [child]
            else:
                continue
            for event in events:
                number += 1
                yield _event(event, day, day_label, room, number)


def _event(event: Element, day: Element, day_label: str, room: str, number: int) -> FrabEvent:
    fields: dict[str, Element] = {}  # the first child of each tag
    persons: list[str] = []
    attachments: list[Link] = []
    links: list[Link] = []
    for child in event:
        tag = child.tag
        fields.setdefault(tag, child)
        if tag == "persons":
            persons.extend(_person(person) for person in child if person.tag == "person")
        elif tag == "attachments":
            attachments.extend(_link(link) for link in child if link.tag == "attachment")
        elif tag == "links":
            links.extend(_link(link) for link in child if link.tag == "link")
    ident = event.get("id") or event.get("guid") or f"#{number}"
    return FrabEvent(
        place=f"event {ident} (day {day_label})",
        day_date=day.get("date", ""),
        day_start=day.get("start", ""),
        guid=event.get("guid", ""),
        code=event.get("code", ""),
        id=event.get("id", ""),
        date=_text(fields.get("date")),
        start=_text(fields.get("start")),
        duration=_text(fields.get("duration")),
        end=_text(fields.get("end")),
        room=room.strip() or _text(fields.get("room")),
        title=_text(fields.get("title")),
        subtitle=_text(fields.get("subtitle")),
        abstract=_markup(fields.get("abstract")),
        description=_markup(fields.get("description")),
        type=_text(fields.get("type")),
        track=_text(fields.get("track")),
        url=_text(fields.get("url")) or _text(fields.get("origin_url")),
        persons=tuple(persons),
        links=(*attachments, *links),
        recording_url=_recording_url(fields),
    )


def _children(element: Element) -> dict[str, Element]:
    """An element's children by tag; the first of a repeated tag wins."""
    fields: dict[str, Element] = {}
    for child in element:
        fields.setdefault(child.tag, child)
    return fields


def _text(element: Element | None) -> str:
    if element is None:
        return ""
    if len(element) == 0:
        return (element.text or "").strip()
    return "".join(element.itertext()).strip()


def _markup(element: Element | None) -> str:
    """Text of an element, keeping any XHTML child elements as markup."""
    if element is None:
        return ""
    if len(element) == 0:
        return (element.text or "").strip()
    from xml.etree.ElementTree import tostring

    inner = [element.text or ""]
    inner.extend(tostring(child, encoding="unicode") for child in element)
    return "".join(inner).strip()


def _person(person: Element) -> str:
    name = person.find("name")
    return _text(name) if name is not None else _text(person)


def _link(element: Element) -> Link:
    return Link(url=element.get("href", ""), title=_text(element), kind=element.get("type", ""))


def _recording_url(fields: dict[str, Element]) -> str:
    recording = fields.get("recording")
    candidates = [
        _text(fields.get("video_download_url")),
        _text(fields.get("video")),
        _text(recording.find("url")) if recording is not None else "",
        _text(recording.find("link")) if recording is not None else "",
    ]
    return next((url for url in candidates if url.startswith(("http://", "https://"))), "")
