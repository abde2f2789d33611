from __future__ import annotations

from datetime import date

import pytest

from confnote.errors import ConfnoteError, NotFoundError
from confnote.store import Conference, Store
from tests.helpers import talk_details, utc


def test_conference_gets_a_unique_slug_from_its_name(store: Store) -> None:
    first = store.create_conference("PyCon US 2025", time_zone="America/New_York")
    second = store.create_conference("PyCon US 2025")
    assert first.slug == "pycon-us-2025"
    assert second.slug == "pycon-us-2025-2"
    assert store.find_conference("PyCon US 2025") == first
    assert store.find_conference("pycon-us-2025-2") == second


def test_conference_refuses_unknown_time_zone(store: Store) -> None:
    with pytest.raises(ConfnoteError, match="unknown time zone"):
        store.create_conference("X", time_zone="Mars/Olympus")


def test_talk_keeps_its_instant_and_speakers_in_order(store: Store, conference: Conference) -> None:
    talk = store.add_talk(
        conference.id,
        talk_details("k1", "Parsing", "2025-05-17T09:30:00+02:00", speakers=("Zoe", "Adam")),
    )
    assert talk.starts_at == utc("2025-05-17T07:30:00+00:00")
    assert talk.ends_at == utc("2025-05-17T08:00:00+00:00")
    assert store.talk(talk.id).speakers == ("Zoe", "Adam")


def test_talks_on_day_uses_the_conference_zone_and_late_talks_stay_on_their_day(
    store: Store, conference: Conference
) -> None:
    store.add_talk(conference.id, talk_details("a", "Morning", "2025-05-17T09:00:00+02:00"))
    store.add_talk(conference.id, talk_details("b", "Late party", "2025-05-18T01:30:00+02:00"))
    store.add_talk(conference.id, talk_details("c", "Next day", "2025-05-18T09:00:00+02:00"))
    assert store.conference_days(conference.id) == [date(2025, 5, 17), date(2025, 5, 18)]
    titles = [t.title for t in store.talks_on_day(conference.id, date(2025, 5, 17))]
    assert titles == ["Morning", "Late party"]


def test_list_talks_is_in_time_order(store: Store, conference: Conference) -> None:
    store.add_talk(conference.id, talk_details("b", "Second", "2025-05-17T10:00:00+02:00"))
    store.add_talk(conference.id, talk_details("a", "First", "2025-05-17T09:00:00+02:00"))
    assert [t.title for t in store.list_talks(conference.id)] == ["First", "Second"]


def test_duplicate_key_is_refused(store: Store, conference: Conference) -> None:
    store.add_talk(conference.id, talk_details("a", "One"))
    with pytest.raises(ConfnoteError, match="already exists"):
        store.add_talk(conference.id, talk_details("a", "Two"))


def test_manual_talk_without_key_gets_one(store: Store, conference: Conference) -> None:
    first = store.add_talk(conference.id, talk_details("", "Meetup intro"))
    second = store.add_talk(conference.id, talk_details("", "Meetup lightning"))
    assert first.key and second.key and first.key != second.key


def test_star_cycles_through_levels(store: Store, conference: Conference) -> None:
    talk = store.add_talk(conference.id, talk_details("a", "One"))
    levels = [store.cycle_star(talk.id).star for _ in range(4)]
    assert levels == [1, 2, 0, 1]
    with pytest.raises(ConfnoteError):
        store.set_star(talk.id, 3)


def test_own_state_survives_an_update_of_schedule_fields(
    store: Store, conference: Conference
) -> None:
    talk = store.add_talk(conference.id, talk_details("a", "Old title"))
    store.set_star(talk.id, 2)
    store.set_attended(talk.id, True)
    store.set_rating(talk.id, 4)
    store.set_hidden(talk.id, True)
    updated = store.update_talk(talk.id, talk_details("a", "New title", room="Hall B"))
    assert (updated.title, updated.room) == ("New title", "Hall B")
    assert (updated.star, updated.attended, updated.rating, updated.hidden) == (2, True, 4, True)


def test_rating_outside_one_to_five_is_refused(store: Store, conference: Conference) -> None:
    talk = store.add_talk(conference.id, talk_details("a", "One"))
    with pytest.raises(ConfnoteError, match="rating"):
        store.set_rating(talk.id, 6)


def test_tags_are_normalised_and_listed(store: Store, conference: Conference) -> None:
    talk = store.add_talk(conference.id, talk_details("a", "One"))
    store.tag_talk(talk.id, "#Python")
    assert store.tag_talk(talk.id, "rust").tags == ("python", "rust")
    assert store.untag_talk(talk.id, "python").tags == ("rust",)


def test_unknown_talk_is_a_clear_error(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no talk with id 99"):
        store.talk(99)
