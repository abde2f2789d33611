"""Importing a schedule, and refreshing it without losing anything the attendee wrote or marked."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from confnote.errors import ConfnoteError, NotFoundError, StoreError
from confnote.schedule import ParsedSchedule, ScheduleError, parse_schedule
from confnote.store import ImportedTalk, ImportReport, Store, Talk, TodoKind
from tests.helpers import talk_details, utc
from tests.schedule_files import Event, frab_xml

SOURCE = "/schedules/testconf.xml"

MOVED = Event("g-moved", "Moved Talk", "2025-05-17T09:00:00+02:00", room="Main Hall")
RENAMED = Event("g-renamed", "Old Name", "2025-05-17T10:00:00+02:00", speakers=("Bob",))
REMOVED = Event("g-removed", "Dropped Talk", "2025-05-17T11:00:00+02:00", speakers=("Cy",))
REKEYED = Event("g-rekeyed", "Same Talk, New Guid", "2025-05-17T12:00:00+02:00", speakers=("Di",))
STEADY = Event("g-steady", "Steady Talk", "2025-05-18T09:00:00+02:00", speakers=("Ada", "Eve"))
ADDED = Event("g-added", "Brand New Talk", "2025-05-18T10:00:00+02:00", speakers=("Fay",))

VERSION_1 = [MOVED, RENAMED, REMOVED, REKEYED, STEADY]
VERSION_2 = [
    MOVED.but(start="2025-05-17T14:00:00+02:00", room="Side Room"),
    RENAMED.but(title="New Name"),
    REKEYED.but(guid="g-rekeyed-2"),
    STEADY,
    ADDED,
]


def parsed(events: list[Event], **options: str) -> ParsedSchedule:
    return parse_schedule(frab_xml(events, **options), SOURCE)


def talks_by_title(store: Store, conference_id: int) -> dict[str, Talk]:
    return {talk.title: talk for talk in store.list_talks(conference_id)}


def titles(talks: tuple[ImportedTalk, ...]) -> list[str]:
    return [talk.title for talk in talks]


# First import


def test_import_creates_a_conference_with_the_schedules_name_zone_dates_and_talks(
    store: Store,
) -> None:
    report = store.import_schedule(parsed(VERSION_1), source=SOURCE)
    conference = report.conference
    assert (conference.name, conference.slug) == ("TestConf 2025", "testconf-2025")
    assert conference.time_zone == "Europe/Brussels"
    assert (conference.starts_on, conference.ends_on) == (date(2025, 5, 17), date(2025, 5, 18))
    assert not report.refreshed and not report.is_unchanged
    assert (report.format, report.talk_count, len(report.added)) == ("frab-xml", 5, 5)
    talks = talks_by_title(store, conference.id)
    assert talks["Steady Talk"].speakers == ("Ada", "Eve")
    assert talks["Steady Talk"].starts_at == utc("2025-05-18T07:00:00+00:00")
    assert talks["Moved Talk"].key == "g-moved"
    assert store.conference_days(conference.id) == [date(2025, 5, 17), date(2025, 5, 18)]


def test_speakers_shared_between_talks_are_one_speaker(store: Store) -> None:
    events = [Event("a", "One", speakers=("Ada",)), Event("b", "Two", speakers=("Ada", "Bob"))]
    conference = store.import_schedule(parsed(events)).conference
    assert [talk.speakers for talk in store.list_talks(conference.id)] == [
        ("Ada",),
        ("Ada", "Bob"),
    ]
    assert sorted(hit.speakers for hit in store.search("Ada")) == ["Ada", "Ada, Bob"]


def test_reimporting_the_same_file_reports_no_changes_and_changes_nothing(store: Store) -> None:
    first = store.import_schedule(parsed(VERSION_1), source=SOURCE)
    before = store.list_talks(first.conference.id)
    again = store.import_schedule(parsed(VERSION_1), source=SOURCE)
    assert again.conference == first.conference
    assert again.refreshed and again.is_unchanged
    assert (again.unchanged, again.talk_count) == (5, 5)
    assert store.list_talks(first.conference.id) == before
    assert len(store.list_conferences()) == 1


def test_reimporting_talks_stored_in_a_normalised_form_reports_no_changes(store: Store) -> None:
    talk = talk_details(
        "odd",
        "  Padded title ",
        "2025-05-17T09:00:00.750+02:00",
        speakers=("Ada", " Ada ", "", "Bob"),
    )
    schedule = ParsedSchedule("frab-xml", "Conf", "Europe/Brussels", (talk,))
    first = store.import_schedule(schedule, source=SOURCE)
    (stored,) = store.list_talks(first.conference.id)
    assert (stored.title, stored.speakers) == ("Padded title", ("Ada", "Bob"))
    assert stored.starts_at == utc("2025-05-17T07:00:00+00:00")
    assert store.import_schedule(schedule, source=SOURCE).is_unchanged


def test_import_remembers_where_the_schedule_came_from(store: Store) -> None:
    report = store.import_schedule(
        parsed(VERSION_1), source="https://x.example/s.xml", etag='"v1"', last_modified="Mon"
    )
    source = store.schedule_source(report.conference.id)
    assert source is not None
    assert (source.location, source.format, source.etag, source.last_modified) == (
        "https://x.example/s.xml",
        "frab-xml",
        '"v1"',
        "Mon",
    )
    assert store.schedule_source_at("https://x.example/s.xml") == source
    assert store.schedule_source_at("https://x.example/other.xml") is None
    store.import_schedule(parsed(VERSION_1), source="https://x.example/s.xml", etag='"v2"')
    assert store.schedule_source(report.conference.id).etag == '"v2"'  # type: ignore[union-attr]


def test_import_without_a_source_makes_a_new_conference_each_time(store: Store) -> None:
    first = store.import_schedule(parsed(VERSION_1))
    second = store.import_schedule(parsed(VERSION_1))
    assert second.conference.slug == "testconf-2025-2" and not second.refreshed
    assert store.schedule_source(first.conference.id) is None


def test_import_into_a_named_conference_keeps_its_name_and_zone(store: Store) -> None:
    mine = store.create_conference("My TestConf", time_zone="Europe/Paris")
    by_hand = store.add_talk(mine.id, talk_details("", "Hallway meetup"))
    report = store.import_schedule(parsed(VERSION_1), conference_name="my-testconf")
    assert report.conference.id == mine.id and not report.refreshed
    assert (report.conference.name, report.conference.time_zone) == ("My TestConf", "Europe/Paris")
    assert report.conference.starts_on == date(2025, 5, 17)
    again = store.import_schedule(parsed(VERSION_2), conference_id=mine.id)
    assert again.refreshed
    assert not store.talk(by_hand.id).cancelled, "talks added by hand are not the schedule's"


def test_import_widens_the_conference_dates_and_keeps_its_own_url(store: Store) -> None:
    mine = store.create_conference(
        "Mine",
        starts_on=date(2025, 5, 18),
        ends_on=date(2025, 5, 30),
        url="https://mine.example/",
    )
    report = store.import_schedule(parsed(VERSION_1), conference_id=mine.id)
    widened = (date(2025, 5, 17), date(2025, 5, 30), "https://mine.example/")
    assert (report.conference.starts_on, report.conference.ends_on, report.conference.url) == (
        widened
    )
    assert store.conference(mine.id) == report.conference


def test_import_into_an_unknown_conference_is_refused(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no conference named 'Nope'"):
        store.import_schedule(parsed(VERSION_1), conference_name="Nope")
    with pytest.raises(NotFoundError):
        store.import_schedule(parsed(VERSION_1), conference_id=99)
    assert store.is_empty()


# Refresh


@pytest.fixture
def refreshed(store: Store) -> tuple[Store, ImportReport, dict[str, Talk]]:
    """VERSION_1 imported and annotated by the attendee, then refreshed with VERSION_2."""
    conference = store.import_schedule(parsed(VERSION_1), source=SOURCE).conference
    talks = talks_by_title(store, conference.id)
    store.save_talk_note(talks["Dropped Talk"].id, "the speaker said: zygomorphic parsers")
    store.save_talk_note(talks["Same Talk, New Guid"].id, "rekeyed note")
    store.set_star(talks["Same Talk, New Guid"].id, 2)
    store.set_star(talks["Moved Talk"].id, 1)
    store.set_star(talks["Steady Talk"].id, 1)
    store.set_attended(talks["Steady Talk"].id, True)
    store.set_rating(talks["Steady Talk"].id, 4)
    store.set_hidden(talks["Old Name"].id, True)
    store.tag_talk(talks["Old Name"].id, "later")
    store.add_todo(conference.id, "Ask about the parser", talk_id=talks["Dropped Talk"].id)
    store.set_watch_later(talks["Moved Talk"].id, True)
    report = store.import_schedule(parsed(VERSION_2), source=SOURCE)
    return store, report, talks


def test_refresh_reports_each_kind_of_change(
    refreshed: tuple[Store, ImportReport, dict[str, Talk]],
) -> None:
    _, report, _ = refreshed
    assert report.refreshed and not report.is_unchanged
    assert titles(report.added) == ["Brand New Talk"]
    assert [(t.title, t.fields) for t in report.updated] == [
        ("Moved Talk", ("time", "room")),
        ("New Name", ("title",)),
    ]
    assert titles(report.cancelled) == ["Dropped Talk"]
    assert titles(report.rekeyed) == ["Same Talk, New Guid"]
    assert (report.unchanged, report.talk_count, report.restored) == (1, 5, ())
    assert [(t.title, t.star) for t in report.starred_changes] == [("Moved Talk", 1)]


def test_refresh_updates_moved_and_renamed_talks_in_place_and_marks_what_changed(
    refreshed: tuple[Store, ImportReport, dict[str, Talk]],
) -> None:
    store, _, before = refreshed
    moved = store.talk(before["Moved Talk"].id)
    assert (moved.starts_at, moved.room) == (utc("2025-05-17T14:00:00+02:00"), "Side Room")
    assert moved.changed == ("time", "room")
    renamed = store.talk(before["Old Name"].id)
    assert (renamed.title, renamed.changed) == ("New Name", ("title",))
    assert store.talk(before["Steady Talk"].id).changed == ()
    assert [hit.talk_id for hit in store.search("New Name")] == [renamed.id]
    assert store.search('"Old Name"') == []


def test_refresh_keeps_a_removed_talk_with_its_note_as_cancelled_and_searchable(
    refreshed: tuple[Store, ImportReport, dict[str, Talk]],
) -> None:
    store, _, before = refreshed
    dropped = store.talk(before["Dropped Talk"].id)
    assert dropped.cancelled and dropped.has_note
    note = store.note_for_talk(dropped.id)
    assert note is not None and note.body == "the speaker said: zygomorphic parsers"
    assert [hit.talk_id for hit in store.search("zygomorphic")] == [dropped.id]
    assert [todo.talk_id for todo in store.list_todos(dropped.conference_id)].count(dropped.id) == 1


def test_refresh_keeps_note_and_star_of_a_talk_whose_key_changed(
    refreshed: tuple[Store, ImportReport, dict[str, Talk]],
) -> None:
    store, _, before = refreshed
    rekeyed = store.talk(before["Same Talk, New Guid"].id)
    assert (rekeyed.key, rekeyed.star, rekeyed.cancelled) == ("g-rekeyed-2", 2, False)
    assert store.note_for_talk(rekeyed.id).body == "rekeyed note"  # type: ignore[union-attr]
    assert len(store.list_talks(rekeyed.conference_id)) == 6


def test_refresh_never_touches_stars_attended_ratings_hidden_tags_or_todos(
    refreshed: tuple[Store, ImportReport, dict[str, Talk]],
) -> None:
    store, _, before = refreshed
    steady = store.talk(before["Steady Talk"].id)
    assert (steady.star, steady.attended, steady.rating) == (1, True, 4)
    renamed = store.talk(before["Old Name"].id)
    assert renamed.hidden and renamed.tags == ("later",)
    moved = store.talk(before["Moved Talk"].id)
    assert moved.watch_later and moved.star == 1
    todos = store.list_todos(steady.conference_id)
    assert sorted(todo.kind for todo in todos) == [TodoKind.ACTION, TodoKind.WATCH_LATER]


def test_the_same_refresh_again_keeps_the_change_marks(
    refreshed: tuple[Store, ImportReport, dict[str, Talk]],
) -> None:
    store, _, before = refreshed
    again = store.import_schedule(parsed(VERSION_2), source=SOURCE)
    assert again.is_unchanged and again.unchanged == 5
    assert store.talk(before["Moved Talk"].id).changed == ("time", "room")
    assert store.talk(before["Dropped Talk"].id).cancelled
    assert again.cancelled == ()


def test_a_refresh_with_changes_clears_the_marks_of_talks_that_did_not_change(
    refreshed: tuple[Store, ImportReport, dict[str, Talk]],
) -> None:
    store, _, before = refreshed
    version_3 = [*VERSION_2[:-1], ADDED.but(title="Brand New Talk, Renamed")]
    report = store.import_schedule(parsed(version_3), source=SOURCE)
    assert [(t.title, t.fields) for t in report.updated] == [
        ("Brand New Talk, Renamed", ("title",))
    ]
    assert store.talk(before["Moved Talk"].id).changed == ()


def test_a_cancelled_talk_that_comes_back_is_restored_with_its_note(
    refreshed: tuple[Store, ImportReport, dict[str, Talk]],
) -> None:
    store, _, before = refreshed
    report = store.import_schedule(parsed([*VERSION_2, REMOVED]), source=SOURCE)
    assert titles(report.restored) == ["Dropped Talk"]
    back = store.talk(before["Dropped Talk"].id)
    assert not back.cancelled and back.has_note


def test_a_talk_cancelled_and_back_under_a_new_key_is_restored(store: Store) -> None:
    conference = store.import_schedule(parsed(VERSION_1), source=SOURCE).conference
    dropped = talks_by_title(store, conference.id)["Dropped Talk"]
    store.save_talk_note(dropped.id, "keep me")
    store.import_schedule(parsed(VERSION_2), source=SOURCE)
    report = store.import_schedule(
        parsed([*VERSION_2, REMOVED.but(guid="g-removed-again")]), source=SOURCE
    )
    assert titles(report.restored) == ["Dropped Talk"] and report.added == ()
    back = store.talk(dropped.id)
    assert (back.key, back.cancelled, back.has_note) == ("g-removed-again", False, True)


def test_a_refresh_that_changes_speakers_replaces_them_in_order(store: Store) -> None:
    conference = store.import_schedule(parsed(VERSION_1), source=SOURCE).conference
    changed = [STEADY.but(speakers=("Zed", "Ada")) if e is STEADY else e for e in VERSION_1]
    report = store.import_schedule(parsed(changed), source=SOURCE)
    assert [(t.title, t.fields) for t in report.updated] == [("Steady Talk", ("speakers",))]
    steady = talks_by_title(store, conference.id)["Steady Talk"]
    assert steady.speakers == ("Zed", "Ada")
    assert [hit.talk_id for hit in store.search("Zed")] == [steady.id]
    assert store.search("Eve") == []


# Failures leave the store as it was


def test_a_truncated_file_is_refused_before_the_store_is_touched(store: Store) -> None:
    data = frab_xml(VERSION_1)
    with pytest.raises(ScheduleError, match="broken XML"):
        store.import_schedule(parse_schedule(data[: len(data) // 2], SOURCE))
    assert store.is_empty()


def test_a_failure_midway_through_a_first_import_leaves_no_trace(store: Store) -> None:
    schedule = parsed(VERSION_1)
    duplicate_key = replace(schedule, talks=(*schedule.talks, schedule.talks[0]))
    with pytest.raises(StoreError, match="refused"):
        store.import_schedule(duplicate_key, source=SOURCE)
    assert store.is_empty()
    assert store.schedule_source_at(SOURCE) is None


def test_a_failure_midway_through_a_refresh_leaves_the_old_schedule(store: Store) -> None:
    conference = store.import_schedule(parsed(VERSION_1), source=SOURCE).conference
    before = store.list_talks(conference.id)
    source_before = store.schedule_source(conference.id)
    schedule = parsed(VERSION_2)
    untitled = replace(schedule.talks[-1], title="  ")
    broken = replace(schedule, talks=(*schedule.talks[:-1], untitled))
    with pytest.raises(ConfnoteError, match="needs a title"):
        store.import_schedule(broken, source=SOURCE, etag="new")
    assert store.list_talks(conference.id) == before
    assert store.schedule_source(conference.id) == source_before


# Any two versions of a schedule

_ROOMS = st.sampled_from(["A", "B"])
_HOURS = st.integers(min_value=8, max_value=18)


@st.composite
def _versions(draw: st.DrawFn) -> tuple[list[Event], list[Event]]:
    count = draw(st.integers(min_value=1, max_value=8))
    old = [
        Event(
            f"k{n}",
            f"Talk {n}",
            f"2025-05-17T{draw(_HOURS):02d}:00:00+02:00",
            room=draw(_ROOMS),
            speakers=(f"Speaker {n % 3}",),
        )
        for n in range(count)
    ]
    new: list[Event] = []
    for event in old:
        fate = draw(st.sampled_from(["keep", "drop", "move", "rename", "rekey"]))
        if fate == "keep":
            new.append(event)
        elif fate == "move":
            new.append(event.but(start=f"2025-05-17T{draw(_HOURS):02d}:30:00+02:00"))
        elif fate == "rename":
            new.append(event.but(title=event.title + " (renamed)"))
        elif fate == "rekey":
            new.append(event.but(guid=event.guid + "-new"))
    # A schedule without talks is refused, so a refresh always brings at least one.
    extra = draw(st.integers(min_value=0 if new else 1, max_value=3))
    new += [Event(f"n{n}", f"New {n}", "2025-05-17T20:00:00+02:00") for n in range(extra)]
    return old, draw(st.permutations(new))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_versions())
def test_after_any_refresh_the_live_talks_are_the_new_schedule_and_state_stays(
    versions: tuple[list[Event], list[Event]],
) -> None:
    old, new = versions
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "t.db") as store:
        conference = store.import_schedule(parsed(old), source=SOURCE).conference
        for talk in store.list_talks(conference.id):
            store.set_star(talk.id, 1)
            store.save_talk_note(talk.id, f"note on {talk.key}")
        store.import_schedule(parsed(new), source=SOURCE)
        talks = store.list_talks(conference.id)
        live = {(t.key, t.title, t.starts_at) for t in talks if not t.cancelled}
        assert live == {(t.key, t.title, t.starts_at) for t in parsed(new).talks}
        old_keys = {event.guid for event in old}
        for talk in talks:
            note = store.note_for_talk(talk.id)
            if talk.key in old_keys or talk.key.endswith("-new"):
                assert talk.star == 1
                assert note is not None and note.body == f"note on {talk.key.removesuffix('-new')}"
            else:
                assert talk.star == 0 and note is None
        assert len(talks) == len(old) + sum(not e.guid.startswith("k") for e in new)
        assert store.import_schedule(parsed(new), source=SOURCE).is_unchanged
