"""Renaming a conference, changing its time zone, and deleting it into the trash."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from confnote.errors import ConfnoteError, NotFoundError
from confnote.schedule import parse_schedule
from confnote.store import Conference, ConferenceContents, Store, TrashKind, migrations
from tests.helpers import talk_details
from tests.store.test_programme_days import CONGRESS_XML


@pytest.fixture
def full(store: Store) -> Conference:
    """A conference holding a bit of everything: a schedule with declared days, stars,
    tags, notes with revisions, a conference note and TODOs."""
    parsed = parse_schedule(CONGRESS_XML, "congress.xml")
    conference = store.import_schedule(parsed, source="/schedules/congress.xml").conference
    opening, late, _ = store.list_talks(conference.id)
    store.set_star(opening.id, 2)
    store.tag_talk(opening.id, "security")
    store.save_talk_note(opening.id, "first words")
    store.save_talk_note(opening.id, "my precious notes")
    store.add_conference_note(conference.id, "Hallway track", "met Ada")
    store.add_todo(conference.id, "ask about the slides", talk_id=opening.id)
    store.add_todo(conference.id, "book the train")
    store.set_watch_later(late.id, True)
    return conference


def test_a_conference_is_renamed_and_a_blank_name_refused(
    store: Store, conference: Conference
) -> None:
    renamed = store.update_conference(conference.id, name="  Renamed Conf ")
    assert renamed.name == "Renamed Conf"
    assert renamed.slug == conference.slug  # its slug (and the CLI's name for it) stays
    with pytest.raises(ConfnoteError, match="needs a name"):
        store.update_conference(conference.id, name="  ")
    assert store.conference(conference.id).name == "Renamed Conf"


def test_a_conference_changes_zone_and_its_talks_keep_their_instants(
    store: Store, full: Conference
) -> None:
    before = [talk.starts_at for talk in store.list_talks(full.id)]
    changed = store.update_conference(full.id, time_zone="America/New_York")
    assert changed.time_zone == "America/New_York"
    assert [talk.starts_at for talk in store.list_talks(full.id)] == before
    with pytest.raises(ConfnoteError, match="unknown time zone 'Mars/Olympus'"):
        store.update_conference(full.id, time_zone="Mars/Olympus")
    assert store.conference(full.id).time_zone == "America/New_York"


def test_conference_contents_count_what_a_delete_takes(store: Store, full: Conference) -> None:
    # Three talks; the talk note and the conference note; two TODOs and a watch-later.
    assert store.conference_contents(full.id) == ConferenceContents(3, 2, 3)
    with pytest.raises(NotFoundError):
        store.conference_contents(full.id + 1)


def test_a_deleted_conference_comes_back_whole_from_the_trash(
    store: Store, full: Conference
) -> None:
    before = store.snapshot()
    days = store.conference_days(full.id)
    item = store.delete_conference(full.id)
    assert (item.kind, item.title, item.conference_id) == (
        TrashKind.CONFERENCE,
        "Congress",
        None,
    )
    assert store.list_conferences() == []
    assert store.search("precious") == []
    assert [i.id for i in store.trash()] == [item.id]

    back = store.restore_from_trash(item.id)
    assert back.conference_id is not None
    assert store.snapshot() == before
    assert (
        store.conference_days(back.conference_id)
        == days
        == [
            date(2024, 12, 27),
            date(2024, 12, 28),
        ]
    )
    assert [hit.title for hit in store.search("precious")] == ["Opening"]
    assert store.schedule_source(back.conference_id) is not None
    assert store.trash() == []


def test_a_restored_conference_gets_a_fresh_slug_if_its_old_one_was_taken(
    store: Store, conference: Conference
) -> None:
    item = store.delete_conference(conference.id)
    store.create_conference("ExampleConf 2025")
    back = store.restore_from_trash(item.id)
    assert back.conference_id is not None
    assert store.conference(back.conference_id).slug == f"{conference.slug}-2"


def test_the_trash_of_a_deleted_conference_comes_back_with_it_and_still_restores(
    store: Store, full: Conference
) -> None:
    opening = store.list_talks(full.id)[0]
    linked = next(todo for todo in store.list_todos(full.id) if todo.talk_id == opening.id)
    store.delete_todo(linked.id)
    store.delete_talk(store.list_talks(full.id)[1].id)  # the late-night set
    item = store.delete_conference(full.id)
    assert [i.id for i in store.trash()] == [item.id]

    back = store.restore_from_trash(item.id)
    conference_id = back.conference_id
    assert conference_id is not None
    kept = store.trash(conference_id)
    assert {i.kind for i in kept} == {TrashKind.TODO, TrashKind.TALK}
    assert all(i.conference_id == conference_id for i in kept)
    for each in kept:
        store.restore_from_trash(each.id)
    titles = [talk.title for talk in store.list_talks(conference_id)]
    assert sorted(titles) == ["Day two", "Late night set", "Opening"]
    new_opening = next(t for t in store.list_talks(conference_id) if t.title == "Opening")
    restored = next(t for t in store.list_todos(conference_id) if t.text == linked.text)
    assert restored.talk_id == new_opening.id
    late = next(t for t in store.list_talks(conference_id) if t.title == "Late night set")
    watch = next(t for t in store.list_todos(conference_id) if t.text.startswith("Watch"))
    assert watch.talk_id == late.id  # the talk's unlinked TODO is linked again


def test_deleted_conferences_show_in_every_conferences_trash_and_empty_with_it(
    store: Store, conference: Conference
) -> None:
    other = store.create_conference("Other Conf")
    gone = store.delete_conference(store.create_conference("Gone Conf").id)
    todo = store.delete_todo(store.add_todo(conference.id, "a TODO").id)
    assert [i.id for i in store.trash(conference.id)] == [todo.id, gone.id]
    assert [i.id for i in store.trash(other.id)] == [gone.id]
    assert store.empty_trash(other.id) == 1
    assert [i.id for i in store.trash()] == [todo.id]


def test_a_conference_deleted_for_good_leaves_no_trash(
    store: Store, conference: Conference
) -> None:
    store.delete_conference(conference.id, keep_in_trash=False)
    assert store.list_conferences() == [] and store.trash() == []


def test_the_trash_of_a_version_7_database_survives_the_migration(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(db_path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    migrations.migrate(connection, target=7)
    connection.executescript(
        """
        INSERT INTO conference (id, name, slug, time_zone, created_at)
            VALUES (1, 'Old Conf', 'old-conf', 'UTC', 1);
        INSERT INTO trash (id, kind, conference_id, title, payload, deleted_at)
            VALUES (1, 'todo', 1, 'old TODO', '{"todo": [{"id": 5, "conference_id": 1,
            "talk_id": null, "text": "old TODO", "kind": "action", "done": 0,
            "due_on": null, "position": 0, "url": "", "created_at": 1}]}', 2);
        """
    )
    connection.close()
    with Store.open(db_path) as store:
        (item,) = store.trash()
        assert (item.kind, item.conference_id) == (TrashKind.TODO, 1)
        store.restore_from_trash(item.id)
        assert [t.text for t in store.list_todos(1)] == ["old TODO"]
        store.delete_conference(1)
        assert [i.kind for i in store.trash()] == [TrashKind.CONFERENCE]


def test_a_talk_added_by_hand_comes_back_with_its_conference(
    store: Store, conference: Conference
) -> None:
    talk = store.add_talk(conference.id, talk_details("", "Lightning talk"))
    item = store.delete_conference(conference.id)
    back = store.restore_from_trash(item.id)
    assert back.conference_id is not None
    assert [t.title for t in store.list_talks(back.conference_id)] == [talk.title]
