"""The zone a schedule file declares, read from its head for the import dialog, and the zone
the dialog chooses winning over it."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from confnote.importing import apply_import, fetch_and_parse, plan_import
from confnote.schedule.declared_zone import declared_zone, declared_zone_of_file
from confnote.store import Store
from tests.schedule_files import Event, frab_xml

ICS = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Australia/Brisbane\r\nEND:VCALENDAR\r\n"
CSV = b"title,start,end,room\nOpening,2025-05-17 10:00,2025-05-17 10:30,Main\n"


def test_each_format_declares_its_zone_in_its_own_words() -> None:
    assert declared_zone(frab_xml([Event("a", "A")], zone="Asia/Tokyo")) == "Asia/Tokyo"
    conference = {"conference": {"title": "C", "time_zone_name": "Europe/Amsterdam"}}
    assert declared_zone(json.dumps({"schedule": conference}).encode()) == "Europe/Amsterdam"
    assert declared_zone(ICS) == "Australia/Brisbane"
    assert declared_zone(CSV) is None


def test_a_bare_city_resolves_and_an_unknown_zone_is_no_zone() -> None:
    assert declared_zone(frab_xml([Event("a", "A")], zone="Berlin")) == "Europe/Berlin"
    assert declared_zone(frab_xml([Event("a", "A")], zone="Atlantis/Lost")) is None


def test_only_a_readable_regular_file_is_read(tmp_path: Path) -> None:
    schedule = tmp_path / "schedule.xml"
    schedule.write_bytes(frab_xml([Event("a", "A")], zone="Asia/Tokyo"))
    assert declared_zone_of_file(str(schedule)) == "Asia/Tokyo"
    assert declared_zone_of_file(str(tmp_path)) is None
    assert declared_zone_of_file(str(tmp_path / "missing.xml")) is None
    assert declared_zone_of_file("https://example.org/schedule.xml") is None
    assert declared_zone_of_file("") is None
    fifo = tmp_path / "fifo.xml"
    os.mkfifo(fifo)
    assert declared_zone_of_file(str(fifo)) is None  # never opened: that would wait forever


def test_a_chosen_zone_reads_local_times_and_becomes_the_new_conferences(
    store: Store, tmp_path: Path
) -> None:
    table = tmp_path / "meetup.csv"
    table.write_bytes(CSV)
    plan = plan_import(store, str(table), zone="Europe/Brussels", zone_chosen=True)
    report = apply_import(store, plan, fetch_and_parse(plan))
    assert report is not None and report.conference.time_zone == "Europe/Brussels"
    (talk,) = store.list_talks(report.conference.id)
    assert talk.starts_at == datetime(2025, 5, 17, 8, 0, tzinfo=UTC)


def test_a_chosen_zone_wins_over_the_files_own_for_the_new_conference(
    store: Store, tmp_path: Path
) -> None:
    schedule = tmp_path / "schedule.xml"
    schedule.write_bytes(frab_xml([Event("a", "Opening")], zone="Europe/Brussels"))
    plan = plan_import(store, str(schedule), zone="Asia/Tokyo", zone_chosen=True)
    report = apply_import(store, plan, fetch_and_parse(plan))
    assert report is not None and report.conference.time_zone == "Asia/Tokyo"
    (talk,) = store.list_talks(report.conference.id)
    assert talk.starts_at == datetime(2025, 5, 17, 7, 0, tzinfo=UTC)  # 09:00 in Brussels


@pytest.mark.parametrize("chosen", [False, True])
def test_without_a_chosen_zone_the_file_decides_as_the_command_line_does(
    store: Store, tmp_path: Path, chosen: bool
) -> None:
    schedule = tmp_path / "schedule.xml"
    schedule.write_bytes(frab_xml([Event("a", "Opening")], zone="Europe/Brussels"))
    zone = None if chosen else "Asia/Tokyo"  # the CLI's --zone only reads zoneless times
    plan = plan_import(store, str(schedule), zone=zone, zone_chosen=chosen)
    report = apply_import(store, plan, fetch_and_parse(plan))
    assert report is not None and report.conference.time_zone == "Europe/Brussels"
