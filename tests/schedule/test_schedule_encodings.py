"""Schedules in the encodings people's tools write: UTF-16 without a byte-order mark,
Latin-1 XML without a declaration, legacy code pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from confnote.schedule import parse_schedule
from confnote.schedule.encoding import decode_text

FIXTURES = Path(__file__).parent / "fixtures"


def _fixture_text(extension: str) -> str:
    text = (FIXTURES / f"tinycon.{extension}").read_text(encoding="utf-8")
    return text.replace('encoding="UTF-8"', 'encoding="UTF-16"')


@pytest.mark.parametrize("extension", ["xml", "json", "ics", "csv"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_reads_like_utf8(extension: str, encoding: str) -> None:
    expected = parse_schedule((FIXTURES / f"tinycon.{extension}").read_bytes(), "tinycon")
    wide = parse_schedule(_fixture_text(extension).encode(encoding), "tinycon")
    assert wide.talks == expected.talks
    assert wide.title == expected.title


def test_latin1_xml_without_an_encoding_declaration_is_read() -> None:
    xml = (
        "<schedule><conference><title>Journées Genève</title>"
        "<time_zone_name>Europe/Zurich</time_zone_name></conference>"
        '<day index="1" date="2025-05-17"><room name="Salle Étoile">'
        '<event guid="g1"><start>10:00</start><duration>00:30</duration>'
        "<title>Café et données</title><persons><person>Zoë Müller</person></persons>"
        "</event></room></day></schedule>"
    )
    schedule = parse_schedule(xml.encode("latin-1"), "journees.xml")
    (talk,) = schedule.talks
    assert (schedule.title, talk.title, talk.room, talk.speakers) == (
        "Journées Genève",
        "Café et données",
        "Salle Étoile",
        ("Zoë Müller",),
    )


def test_a_cyrillic_csv_in_a_windows_code_page_is_detected() -> None:
    csv = (
        "title,start,room\n"
        "Открытие конференции и приветствие,2025-05-17T09:00:00+03:00,Большой зал\n"
        "Базы данных для всех участников,2025-05-17T10:00:00+03:00,Малый зал\n"
    )
    schedule = parse_schedule(csv.encode("cp1251"), "program.csv")
    assert [talk.title for talk in schedule.talks] == [
        "Открытие конференции и приветствие",
        "Базы данных для всех участников",
    ]


def test_utf8_with_a_few_stray_latin1_bytes_keeps_its_utf8() -> None:
    data = "Zürich – ".encode() + "Genève".encode("latin-1")
    assert decode_text(data) == "Zürich – Genève"


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
def test_utf32_without_a_byte_order_mark_is_read(encoding: str) -> None:
    assert decode_text("title,start\nZürich,2025".encode(encoding)) == "title,start\nZürich,2025"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Notes\n\nCafé - naïve, déjà vu à Genève, où l'été est très chaud.\n", "latin-1"),
        ("Zażółć gęślą jaźń: konferencja w Krakowie o bazach danych\n", "cp1250"),
        ("Συνέδριο στην Αθήνα για βάσεις δεδομένων και λογισμικό\n", "cp1253"),
    ],
    ids=["western", "central-european", "greek"],
)
def test_legacy_code_pages_are_told_apart(text: str, encoding: str) -> None:
    assert decode_text(text.encode(encoding)) == text
