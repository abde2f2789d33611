"""Refresh diffs: added, removed, changed (which fields) and re-keyed talks."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

from confnote.schedule import TalkDetails
from confnote.schedule.changes import ScheduleChanges, TalkChange, diff_talks


def _talk(key: str, title: str, hour: int = 10) -> TalkDetails:
    return TalkDetails(
        key=key,
        title=title,
        starts_at=datetime(2025, 6, 14, hour, 0, tzinfo=UTC),
        duration=timedelta(minutes=30),
        room="Main Hall",
        speakers=("Ada Lovelace",),
    )


OPENING = _talk("a", "Opening")
HACKING = _talk("b", "Hacking", hour=11)
CLOSING = _talk("c", "Closing", hour=17)


def test_identical_schedules_have_no_changes() -> None:
    changes = diff_talks([OPENING, HACKING], [OPENING, HACKING])
    assert changes == ScheduleChanges(unchanged=2)
    assert changes.is_empty


def test_a_moved_talk_is_changed_in_time_and_room() -> None:
    moved = replace(OPENING, starts_at=OPENING.starts_at + timedelta(hours=1), room="Side Room")
    changes = diff_talks([OPENING, HACKING], [moved, HACKING])
    assert changes.changed == (TalkChange(OPENING, moved, ("time", "room")),)
    assert changes.unchanged == 1
    assert not changes.is_empty


def test_the_same_instant_written_with_another_offset_is_not_a_change() -> None:
    local = replace(OPENING, starts_at=OPENING.starts_at.astimezone(timezone(timedelta(hours=2))))
    assert diff_talks([OPENING], [local]).unchanged == 1


def test_renamed_longer_and_new_speakers_are_reported_field_by_field() -> None:
    renamed = replace(
        OPENING,
        title="Grand Opening",
        duration=timedelta(minutes=45),
        speakers=("Ada Lovelace", "Grace Hopper"),
    )
    change = diff_talks([OPENING], [renamed]).changed[0]
    assert change.fields == ("duration", "title", "speakers")


def test_an_abstract_only_edit_is_a_details_change() -> None:
    edited = replace(OPENING, abstract="Now with an abstract.")
    assert diff_talks([OPENING], [edited]).changed[0].fields == ("details",)


def test_removed_and_added_talks_are_listed_in_file_order() -> None:
    workshop = _talk("d", "Workshop", hour=14)
    changes = diff_talks([OPENING, HACKING, CLOSING], [OPENING, workshop])
    assert changes.removed == (HACKING, CLOSING)
    assert changes.added == (workshop,)
    assert changes.unchanged == 1


def test_a_talk_whose_key_changed_but_title_speakers_and_start_match_is_rekeyed() -> None:
    rekeyed = replace(HACKING, key="new-guid", title="  hacking ", room="Side Room")
    changes = diff_talks([OPENING, HACKING], [OPENING, rekeyed])
    assert changes.rekeyed == (TalkChange(HACKING, rekeyed, ("room", "title")),)
    assert (changes.added, changes.removed) == ((), ())


def test_a_new_key_with_a_different_start_is_not_rekeyed() -> None:
    other = replace(HACKING, key="new-guid", starts_at=HACKING.starts_at + timedelta(hours=1))
    changes = diff_talks([HACKING], [other])
    assert (changes.added, changes.removed, changes.rekeyed) == ((other,), (HACKING,), ())


def test_rekeying_pairs_look_alike_talks_one_to_one_in_file_order() -> None:
    first, second = _talk("x1", "Lightning"), _talk("x2", "Lightning")
    new_first, new_second = replace(first, key="y1"), replace(second, key="y2")
    changes = diff_talks([first, second], [new_first, new_second])
    assert [(c.old.key, c.new.key) for c in changes.rekeyed] == [("x1", "y1"), ("x2", "y2")]
