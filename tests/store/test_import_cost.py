"""Import cost grows with the schedule, not with the square of a talk's speakers.

Counted in statements (SQLite's own trace, FTS5's shadow-table writes included),
never in time.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from confnote.schedule import ParsedSchedule, parse_schedule
from confnote.schedule.assemble import MAX_SPEAKERS
from confnote.store import Store, engine
from tests.helpers import talk_details
from tests.schedule_files import Event, frab_xml

# FTS5 stores each indexed document as one row of its content table.
DOCUMENT_WRITE = "INSERT INTO 'main'.'search_index_content'"


def ics_with_attendees(count: int) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//confnote tests//EN",
        "BEGIN:VEVENT",
        "UID:plenary@example.org",
        "SUMMARY:Closing plenary",
        "DTSTART:20250517T160000Z",
        "DTEND:20250517T170000Z",
        *(f"ATTENDEE;CN=Person {n}:mailto:p{n}@example.org" for n in range(count)),
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(lines) + "\r\n").encode()


@contextmanager
def traced_statements() -> Iterator[list[str]]:
    """Every statement SQLite runs on store connections opened inside the block."""
    statements: list[str] = []
    configure = engine.configure_connection

    def traced(connection: sqlite3.Connection, *args: Any) -> None:
        configure(connection, *args)
        connection.set_trace_callback(statements.append)

    with mock.patch.object(engine, "configure_connection", traced):
        yield statements


def test_a_talk_with_thousands_of_attendees_keeps_the_first_speakers_with_a_warning(
    store: Store,
) -> None:
    parsed = parse_schedule(ics_with_attendees(3000), "plenary.ics")
    (talk,) = parsed.talks
    assert talk.speakers == tuple(f"Person {n}" for n in range(MAX_SPEAKERS))
    assert any(f"3000 speakers; kept the first {MAX_SPEAKERS}" in w for w in parsed.warnings)

    report = store.import_schedule(parsed, source="plenary.ics")
    assert report.talk_count == 1
    (stored,) = store.list_talks(report.conference.id)
    assert stored.speakers == talk.speakers
    assert [hit.talk_id for hit in store.search("Person 42")] == [stored.id]


def test_importing_indexes_each_talk_once_whatever_its_speakers(tmp_path: Path) -> None:
    events = [
        Event(f"g{n}", f"Talk {n}", f"2025-05-17T{9 + n:02d}:00:00+02:00", speakers=speakers)
        for n, speakers in enumerate([(), ("Ada",), tuple(f"Speaker {k}" for k in range(60))])
    ]
    schedule = parse_schedule(frab_xml(events), "conf.xml")
    with traced_statements() as statements, Store.open(tmp_path / "t.db") as store:
        store.import_schedule(schedule, source="conf.xml")
    assert sum(DOCUMENT_WRITE in statement for statement in statements) == len(events)
    assert [hit.title for hit in store.search("Speaker 59")] == ["Talk 2"]


def test_refreshing_a_talks_speakers_indexes_it_once_and_finds_the_new_ones(
    tmp_path: Path,
) -> None:
    before = Event("g1", "Panel", "2025-05-17T09:00:00+02:00", speakers=("Ada", "Bob"))
    after = before.but(speakers=tuple(f"Guest {k}" for k in range(40)))
    with Store.open(tmp_path / "t.db") as store:
        store.import_schedule(parse_schedule(frab_xml([before]), "c.xml"), source="c.xml")
        with traced_statements() as statements:
            store.close()  # the next transaction opens a fresh, traced connection
            store.import_schedule(parse_schedule(frab_xml([after]), "c.xml"), source="c.xml")
        assert sum(DOCUMENT_WRITE in statement for statement in statements) == 1
        assert [hit.title for hit in store.search("Guest 39")] == ["Panel"]
        assert store.search("Bob") == []


_NAMES = st.sampled_from(["Zed", "Ada", "Bob", "Émile", "Cy", "ada"])
_TALKS = st.lists(
    st.tuples(
        st.sampled_from(["k1", "k2", "k3", "k4", "k5"]),
        st.lists(_NAMES, max_size=4, unique=True),
        st.sampled_from(["", "A subtitle"]),
        st.sampled_from(["", "An abstract about **Python**."]),
    ),
    min_size=1,
    max_size=5,
    unique_by=lambda talk: talk[0],
)


def _schedule(talks: list[tuple[str, list[str], str, str]]) -> ParsedSchedule:
    details = tuple(
        talk_details(key, f"Talk {key}", subtitle=subtitle, abstract=abstract, speakers=names)
        for key, names, subtitle, abstract in talks
    )
    return ParsedSchedule("frab-xml", "Conf", "Europe/Brussels", details)


def _index_and_view(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with closing(sqlite3.connect(path)) as connection:
        index = connection.execute(
            "SELECT rowid, title, speakers, abstract, body FROM search_index "
            "WHERE rowid % 2 = 0 ORDER BY rowid"
        ).fetchall()
        view = connection.execute(
            "SELECT doc, title, speakers, abstract, body FROM talk_document ORDER BY doc"
        ).fetchall()
    return index, view


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=_TALKS, second=_TALKS)
def test_each_talks_search_document_is_the_one_the_view_builds_after_import_and_refresh(
    first: list[tuple[str, list[str], str, str]], second: list[tuple[str, list[str], str, str]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.db"
        with Store.open(path) as store:
            store.import_schedule(_schedule(first), source="/conf.xml")
            index, view = _index_and_view(path)
            assert index == view
            talk = store.list_talks(store.list_conferences()[0].id)[0]
            store.save_talk_note(talk.id, "my own words")
            store.import_schedule(_schedule(second), source="/conf.xml")
        index, view = _index_and_view(path)
        assert index == view
