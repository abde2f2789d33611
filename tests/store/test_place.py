"""Where the app was left: kept per store, read back by the Store and by plain sqlite3."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from confnote.errors import StoreLockedError
from confnote.store import Conference, Store, migrations
from confnote.store.place import Place, read_place
from confnote.store.plain_reads import first_screen
from tests.helpers import talk_details

LEFT_AT = datetime(2025, 5, 17, 9, 20, tzinfo=UTC)


def plain_place(db_path: Path) -> Place | None:
    with closing(sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)) as plain:
        return read_place(plain)


def test_a_new_store_has_no_place(store: Store, db_path: Path) -> None:
    assert store.last_place() is None
    assert plain_place(db_path) is None


def test_the_place_saved_reads_back_in_the_store_and_in_plain_sqlite3(
    store: Store, conference: Conference, db_path: Path
) -> None:
    talk = store.add_talk(conference.id, talk_details("k", "Keynote"))
    place = Place(
        conference_id=conference.id,
        day=date(2025, 5, 17),
        talk_id=talk.id,
        note_talk_id=talk.id,
        pane="note",
        left_at=LEFT_AT,
    )
    store.save_place(place)
    for read in (store.last_place(), plain_place(db_path)):
        assert read == place
        assert read is not None and read.left_at == LEFT_AT


def test_saving_again_replaces_the_place_and_all_days_reads_as_no_day(
    store: Store, conference: Conference
) -> None:
    other = store.create_conference("Other")
    note = store.add_conference_note(other.id, "Hallway track")
    store.save_place(Place(conference_id=conference.id, day=date(2025, 5, 17), left_at=LEFT_AT))
    later = Place(conference_id=other.id, day=None, note_id=note.id, pane="todo", left_at=LEFT_AT)
    store.save_place(later)
    assert store.last_place() == later


def test_deleting_the_conference_forgets_the_place(
    store: Store, conference: Conference, db_path: Path
) -> None:
    store.create_conference("Still here")
    store.save_place(Place(conference_id=conference.id, left_at=LEFT_AT))
    store.delete_conference(conference.id)
    assert store.last_place() is None
    assert plain_place(db_path) is None


def test_deleting_the_talk_or_the_note_forgets_only_them(
    store: Store, conference: Conference
) -> None:
    talk = store.add_talk(conference.id, talk_details("k", "Keynote"))
    cursor = store.add_talk(conference.id, talk_details("l", "Lunch", "2025-05-17T12:00:00+02:00"))
    note = store.add_conference_note(conference.id, "Hallway track")
    day = date(2025, 5, 17)
    store.save_place(
        Place(
            conference_id=conference.id,
            day=day,
            talk_id=cursor.id,
            note_talk_id=talk.id,
            pane="note",
            left_at=LEFT_AT,
        )
    )
    store.delete_talk(talk.id)
    assert store.last_place() == Place(
        conference_id=conference.id, day=day, talk_id=cursor.id, pane="note", left_at=LEFT_AT
    )
    store.save_place(Place(conference_id=conference.id, note_id=note.id, left_at=LEFT_AT))
    store.delete_note(note.id)
    assert store.last_place() == Place(conference_id=conference.id, left_at=LEFT_AT)


def test_a_place_keeps_only_what_exists_in_its_conference(
    store: Store, conference: Conference
) -> None:
    other = store.create_conference("Other")
    theirs = store.add_talk(other.id, talk_details("t", "Their talk"))
    talk_note = store.save_talk_note(theirs.id, "words")
    store.save_place(
        Place(
            conference_id=conference.id,
            talk_id=theirs.id,
            note_talk_id=theirs.id,
            left_at=LEFT_AT,
        )
    )
    assert store.last_place() == Place(conference_id=conference.id, left_at=LEFT_AT)
    # A talk's note is opened by its talk, never as a conference note.
    store.save_place(Place(conference_id=other.id, note_id=talk_note.id, left_at=LEFT_AT))
    assert store.last_place() == Place(conference_id=other.id, left_at=LEFT_AT)
    # A conference that is gone keeps the place that was there.
    store.save_place(Place(conference_id=other.id + 100, left_at=LEFT_AT))
    assert store.last_place() == Place(conference_id=other.id, left_at=LEFT_AT)


def test_each_store_keeps_its_own_place(tmp_path: Path) -> None:
    places = []
    for name in ("a.db", "b.db"):
        with Store.open(tmp_path / name) as store:
            for index in range(2 if name == "a.db" else 1):
                conference = store.create_conference(f"{name} {index}")
            store.save_place(Place(conference_id=conference.id, left_at=LEFT_AT))
            places.append(conference.id)
    for name, conference_id in zip(("a.db", "b.db"), places, strict=True):
        with Store.open(tmp_path / name) as store:
            assert store.last_place() == Place(conference_id=conference_id, left_at=LEFT_AT)


def test_saving_the_place_is_no_change_from_another_program(
    store: Store, conference: Conference
) -> None:
    # Our own window must not reload everything because it kept its place.
    before = store.data_version()
    store.save_place(Place(conference_id=conference.id, left_at=LEFT_AT))
    assert store.data_version() == before


def test_saving_the_place_gives_up_soon_on_a_locked_database_and_saves_wait_as_before(
    store: Store, conference: Conference, db_path: Path
) -> None:
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    with pytest.raises(StoreLockedError):
        store.save_place(Place(conference_id=conference.id, left_at=LEFT_AT), wait=0.05)
    # The store's other writes still wait for the lock, as long as they always did.
    threading.Timer(0.3, holder.execute, ("COMMIT",)).start()
    store.add_talk(conference.id, talk_details("k", "Keynote"))
    holder.close()
    store.save_place(Place(conference_id=conference.id, left_at=LEFT_AT))
    assert store.last_place() == Place(conference_id=conference.id, left_at=LEFT_AT)


def test_a_version_7_database_gains_an_empty_place_and_keeps_its_rows(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    with closing(sqlite3.connect(db_path, isolation_level=None)) as connection:
        migrations.migrate(connection, target=7)
        connection.execute(
            "INSERT INTO conference (id, name, slug, created_at) VALUES (1, 'Old', 'old', 1)"
        )
    with Store.open(db_path) as store:
        assert [c.name for c in store.list_conferences()] == ["Old"]
        assert store.last_place() is None
        store.save_place(Place(conference_id=1, left_at=LEFT_AT))
        assert store.last_place() == Place(conference_id=1, left_at=LEFT_AT)


def test_the_first_screen_opens_the_conference_left_with_its_place(
    store: Store, conference: Conference, db_path: Path
) -> None:
    store.update_conference(conference.id, starts_on=date(2025, 5, 17))
    newer = store.create_conference("Newer", time_zone="UTC")
    store.update_conference(newer.id, starts_on=date(2026, 1, 31))
    talk = store.add_talk(conference.id, talk_details("k", "Keynote"))
    place = Place(conference_id=conference.id, talk_id=talk.id, left_at=LEFT_AT)
    store.save_place(place)

    found = first_screen(db_path)

    assert found is not None
    shown, talks, days, read = found
    assert (shown, talks, days, read) == (
        store.conference(conference.id),
        store.list_talks(conference.id),
        store.programme_days(conference.id),
        place,
    )
    store.delete_conference(conference.id)
    found = first_screen(db_path)
    assert found is not None and (found[0].id, found[3]) == (newer.id, None)
