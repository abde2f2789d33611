"""The real schedules in ../shared/samples: every talk read, spot checks against the raw file.

Expected values were looked up by hand in the raw files. The folder is not part
of a user's clone, so every test here skips cleanly when it is absent.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import pytest

from confnote.schedule import ParsedSchedule, ScheduleError, TalkDetails, parse_schedule

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "schedules"

# From samples/README.md.
EVENT_COUNTS = {
    "fosdem-2026.xml": 883,
    "fosdem-2015.xml": 551,
    "fosdem-2007-pentabarf.xml": 215,
    "38c3-2025-12-06.xml": 1007,
    "debconf23.xml": 117,
    "pretalx-democon.json": 36,
    "rc3-2021.json": 351,
    "linux-conf-au-2020.ics": 262,
    "jres-2022.ics": 120,
}
NOT_SCHEDULES = {"c3voc-schedule-schema.json"}
# Files that give local times and no zone: read them as the conference's zone.
LOCAL_ZONES = {"fosdem-2015.xml": "Europe/Brussels", "fosdem-2007-pentabarf.xml": "Europe/Brussels"}


def _sample_names() -> list[str]:
    if not SAMPLES.is_dir():
        return sorted(EVENT_COUNTS)
    return sorted(path.name for path in SAMPLES.iterdir() if path.is_file())


def _path(name: str) -> Path:
    path = SAMPLES / name
    if not path.is_file():
        pytest.skip(f"{path} is not here (the shared samples are not checked out)")
    return path


@cache
def _parsed(name: str) -> ParsedSchedule:
    zone = LOCAL_ZONES.get(name, "UTC")
    return parse_schedule(_path(name).read_bytes(), name, default_zone=zone)


def _talk(name: str, key: str) -> TalkDetails:
    return next(talk for talk in _parsed(name).talks if talk.key == key)


def _utc(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize("name", _sample_names())
def test_every_sample_reads_every_event_or_is_refused_as_not_a_schedule(name: str) -> None:
    path = _path(name)
    if name in NOT_SCHEDULES:
        with pytest.raises(ScheduleError, match=r"not a schedule") as caught:
            parse_schedule(path.read_bytes(), name)
        assert str(caught.value).startswith(f"{name}: ")
        return
    schedule = _parsed(name)
    if name in EVENT_COUNTS:
        assert len(schedule.talks) == EVENT_COUNTS[name]
    assert len({talk.key for talk in schedule.talks}) == len(schedule.talks)
    assert all(talk.starts_at.tzinfo is not None for talk in schedule.talks)


# (file, key, start in UTC, duration in minutes, room, speakers)
SPOT_CHECKS = [
    (
        "fosdem-2026.xml",
        "9c3ebb8c-7716-5130-b9fe-ff8544f5636d",
        _utc(2026, 1, 31, 8, 30),
        20,
        "Janson",
        ("FOSDEM Staff",),
    ),
    (
        "fosdem-2026.xml",
        "fb5b6c53-48bb-5380-b14a-4da505f08596",
        _utc(2026, 2, 1, 13, 30),
        40,
        "H.1301 (Cornil)",
        ("Adam Ivora",),
    ),
    (
        "fosdem-2015.xml",
        "3407",
        _utc(2015, 1, 31, 11, 55),
        5,
        "H.2215 (Ferrer)",
        ("Tias Guns", "Alasdair Kergon"),
    ),
    (
        "fosdem-2015.xml",
        "2597",
        _utc(2015, 2, 1, 11, 0),
        50,
        "Janson",
        ("Dana Jacobsen",),
    ),
    (
        "fosdem-2007-pentabarf.xml",
        "0",
        _utc(2007, 2, 25, 14, 0),
        45,
        "Chavanne",
        ("Kristian Høgsberg",),
    ),
    (
        "fosdem-2007-pentabarf.xml",
        "67",
        _utc(2007, 2, 25, 13, 30),
        45,
        "H.1302",
        ("Juan José Sánchez Penas", "Iago Toral Quiroga"),
    ),
    (
        "38c3-2025-12-06.xml",
        "270fa44c-821a-577f-8ca3-33e8d4a8c2a7",
        _utc(2024, 12, 27, 9, 30),
        30,
        "Saal 1",
        ("Gabriela Bogk", "Senficon", "Aline Blankertz"),
    ),
    (
        "38c3-2025-12-06.xml",
        "19b141f2-0f27-5d84-9e90-0d2474d37b7e",
        _utc(2024, 12, 28, 0, 10),
        90,
        "Saal 1",
        ("Fefe", "Atoth"),
    ),
    (
        "debconf23.xml",
        "455d075f-48c0-2ec2-24b3-f5add30c383a",
        _utc(2023, 9, 10, 5, 0),
        20,
        "Anamudi",
        ("Sruthi Chandran",),
    ),
    (
        "debconf23.xml",
        "08efb898-571f-f1d0-095d-ba56b31cab1c",
        _utc(2023, 9, 10, 10, 0),
        45,
        "Ponmudi",
        ("Arun Mani J", "Ragul R"),
    ),
    (
        "pretalx-democon.json",
        "8079583e-8321-506c-95af-fd2903a5f075",
        _utc(2020, 12, 14, 8, 0),
        30,
        "Gray Room",
        ("Brian Robinson",),
    ),
    (
        "pretalx-democon.json",
        "ba72da9d-a522-54f6-9301-4bf4f3446425",
        _utc(2020, 12, 14, 10, 30),
        90,
        "Tan Room",
        ("Amy Sanchez", "Teresa Terrell"),
    ),
    (
        "rc3-2021.json",
        "0d415fb4-c4ee-5c83-a8ab-ca469010baf1",
        _utc(2021, 12, 27, 10, 0),
        30,
        "Chaos-West TV",
        ("Lilith", "HonkHase"),
    ),
    (
        "rc3-2021.json",
        "84949494-eb4d-5159-a62d-b71cc808d2a7",
        _utc(2021, 12, 27, 22, 0),
        60,
        "r3s - Monheim/Rhein",
        ("Erklärhaj",),
    ),
    (
        "linux-conf-au-2020.ics",
        "94@lca2020.linux.org.au",
        _utc(2020, 1, 14, 23, 0),
        10,
        "Arena",
        ("Joel Addison",),
    ),
    (
        "linux-conf-au-2020.ics",
        "235@lca2020.linux.org.au",
        _utc(2020, 1, 12, 22, 0),
        60,
        "",
        (),
    ),
    (
        "jres-2022.ics",
        "presentation_129@conf-ng.jres.org",
        _utc(2022, 5, 17, 12, 0),
        120,
        "Amphithéâtre 1600",
        (),
    ),
    (
        "jres-2022.ics",
        "presentation_94@conf-ng.jres.org",
        _utc(2022, 5, 17, 9, 0),
        90,
        "Accueil Parc Chanot",
        (),
    ),
]


@pytest.mark.parametrize(
    ("name", "key", "starts_at", "minutes", "room", "speakers"),
    SPOT_CHECKS,
    ids=[f"{check[0]}:{check[1][:12]}" for check in SPOT_CHECKS],
)
def test_sample_talk_has_the_start_room_and_speakers_of_the_raw_file(
    name: str,
    key: str,
    starts_at: datetime,
    minutes: int,
    room: str,
    speakers: tuple[str, ...],
) -> None:
    talk = _talk(name, key)
    assert talk.starts_at == starts_at
    assert talk.starts_at.utcoffset() is not None
    assert talk.duration == timedelta(minutes=minutes)
    assert talk.room == room
    assert talk.speakers == speakers


def test_fosdem_2026_attachment_typed_slides_becomes_the_slides_url() -> None:
    talk = _talk("fosdem-2026.xml", "fb5b6c53-48bb-5380-b14a-4da505f08596")
    assert talk.slides_url.endswith("/slides/246591/draft_sli_qbebyny.pdf")
    assert talk.track == "Software Performance"


def test_fosdem_2007_escaped_html_abstract_becomes_markdown_and_video_link_is_found() -> None:
    talk = _talk("fosdem-2007-pentabarf.xml", "0")
    assert talk.abstract.startswith("In this talk, Kristian will take a look")
    assert "[AIGLX](http://fedoraproject.org/wiki/RenderingProject/aiglx)" in talk.abstract
    assert "<p>" not in talk.abstract
    assert talk.video_url == "http://video.fosdem.org/2007/FOSDEM2007-AIGLX.ogg"


def test_pentabarf_without_a_zone_warns_and_reads_local_times_as_the_default_zone() -> None:
    schedule = parse_schedule(_path("fosdem-2015.xml").read_bytes(), "fosdem-2015.xml")
    assert schedule.time_zone == "UTC"
    assert any("no time zone" in warning for warning in schedule.warnings)
    assert _parsed("fosdem-2015.xml").time_zone == "Europe/Brussels"


def test_debconf_times_written_in_utc_keep_the_declared_kolkata_zone_and_local_dates() -> None:
    schedule = _parsed("debconf23.xml")
    assert schedule.time_zone == "Asia/Kolkata"
    assert schedule.starts_on is not None
    assert schedule.starts_on.isoformat() == "2023-09-10"


def test_linux_conf_au_speaker_line_leaves_the_description_as_the_abstract() -> None:
    talk = _talk("linux-conf-au-2020.ics", "94@lca2020.linux.org.au")
    assert talk.title == "Wednesday Welcome"
    assert talk.abstract == "Opening Remarks and Housekeeping"


def test_jres_cr_cr_lf_folded_description_and_escaped_commas_read_cleanly() -> None:
    talk = _talk("jres-2022.ics", "presentation_129@conf-ng.jres.org")
    assert talk.title == (
        "182 - Numérique : Enjeux géopolitiques, externalités environnementales "
        "et chaînes de dépendance"
    )
    assert talk.abstract.startswith("Les interdépendances du monde numérique commencent")
    assert "\r" not in talk.abstract
    assert "\\n" not in talk.abstract
