"""The first screen: the opening conference's talks read with plain sqlite3, before
SQLAlchemy loads, exactly as the Store would list them."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

from confnote.first_read import read_ahead
from confnote.store import Conference, Store
from confnote.store.plain_reads import first_screen
from tests.helpers import talk_details


def test_first_screen_holds_the_newest_conference_as_the_store_lists_it(
    store: Store, conference: Conference, db_path: Path
) -> None:
    older = store.create_conference("Older", time_zone="UTC")
    store.add_talk(older.id, talk_details("o", "Old talk"))
    store.update_conference(conference.id, starts_on=date(2025, 5, 17))
    keynote = store.add_talk(
        conference.id, talk_details("k", "Keynote", speakers=("Ada", "Bob"), room="Janson")
    )
    store.add_talk(conference.id, talk_details("l", "Later", "2025-05-18T10:00:00+02:00"))
    store.set_star(keynote.id, 2)
    store.tag_talk(keynote.id, "must")
    store.save_talk_note(keynote.id, "notes")
    store.set_watch_later(keynote.id, True)

    found = first_screen(db_path)

    assert found is not None
    shown, talks, days, _place = found
    assert shown == store.list_conferences()[0] == store.conference(conference.id)
    assert talks == store.list_talks(conference.id)
    assert days == store.programme_days(conference.id)
    assert talks[0].star == 2 and talks[0].has_note and talks[0].watch_later


def test_first_screen_is_none_without_a_store_of_this_version(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    assert first_screen(missing) is None
    assert not missing.exists()
    with Store.open(tmp_path / "empty.db"):
        pass
    assert first_screen(tmp_path / "empty.db") is None
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as connection:
        connection.execute("PRAGMA user_version = 1")
    assert first_screen(old) is None


def test_reading_the_first_screen_loads_no_sqlalchemy(
    store: Store, conference: Conference, db_path: Path
) -> None:
    store.add_talk(conference.id, talk_details("k", "Keynote"))
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from confnote.store.plain_reads import first_screen\n"
        f"assert first_screen(Path({str(db_path)!r})) is not None\n"
        "print('sqlalchemy' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def test_talks_read_in_one_go_keep_their_order_text_and_empty_values(
    store: Store, conference: Conference, db_path: Path
) -> None:
    at_ten = "2025-05-17T10:00:00+02:00"
    odd = 'Quotes " and \\ backslash, ünïcode ✎, a tab\tand\na newline'
    for key, room in (("b", "Room B"), ("a2", "Room A"), ("lower", "room a")):
        store.add_talk(conference.id, talk_details(key, f"In {room}", at_ten, room=room))
    early = store.add_talk(
        conference.id,
        talk_details("e", odd, "2025-05-17T09:00:00+02:00", speakers=("Zed", "Ada", "Émile")),
    )
    store.tag_talk(early.id, "rust")
    store.tag_talk(early.id, "api")

    found = first_screen(db_path)

    assert found is not None
    talks = found[1]
    assert [talk.title for talk in talks] == [odd, "In Room A", "In Room B", "In room a"]
    assert talks[0].speakers == ("Zed", "Ada", "Émile")
    assert talks[0].tags == ("api", "rust")
    assert talks[0].rating is None and talks[1].speakers == ()
    assert talks == store.list_talks(conference.id)


def test_the_read_ahead_gives_the_first_screen_once_it_is_read(
    store: Store, conference: Conference, db_path: Path, tmp_path: Path
) -> None:
    store.add_talk(conference.id, talk_details("k", "Keynote"))
    assert read_ahead(db_path)() == first_screen(db_path)
    assert read_ahead(tmp_path / "missing.db")() is None
