from __future__ import annotations

from datetime import date

import pytest

from confnote.errors import ConfnoteError
from confnote.store import Conference, Store, TodoKind
from tests.helpers import talk_details


def test_todo_is_added_open_at_the_end_of_the_list(store: Store, conference: Conference) -> None:
    first = store.add_todo(conference.id, "Email the speaker", kind=TodoKind.FOLLOW_UP)
    second = store.add_todo(conference.id, "Try ruff", due_on=date(2025, 6, 1))
    assert [t.id for t in store.list_todos(conference.id)] == [first.id, second.id]
    assert (second.kind, second.done, second.due_on) == (TodoKind.ACTION, False, date(2025, 6, 1))


def test_empty_todo_is_refused(store: Store, conference: Conference) -> None:
    with pytest.raises(ConfnoteError):
        store.add_todo(conference.id, "   ")


def test_filters_by_open_and_kind(store: Store, conference: Conference) -> None:
    done = store.add_todo(conference.id, "Done one")
    store.set_todo_done(done.id, True)
    follow = store.add_todo(conference.id, "Ask", kind=TodoKind.FOLLOW_UP)
    assert [t.text for t in store.list_todos(open_only=True)] == ["Ask"]
    assert store.list_todos(kind=TodoKind.FOLLOW_UP) == [follow]


def test_todo_linked_to_a_talk_carries_its_title(store: Store, conference: Conference) -> None:
    talk = store.add_talk(conference.id, talk_details("a", "Great talk"))
    todo = store.add_todo(conference.id, "Read the paper", talk_id=talk.id)
    assert todo.talk_title == "Great talk"


def test_watch_later_creates_one_linked_todo_with_the_video_and_unmarking_removes_it(
    store: Store, conference: Conference
) -> None:
    talk = store.add_talk(
        conference.id, talk_details("a", "Recorded", video_url="https://video.example/a")
    )
    assert store.set_watch_later(talk.id, True).watch_later
    store.set_watch_later(talk.id, True)
    todos = store.list_todos(conference.id, kind=TodoKind.WATCH_LATER)
    assert [(t.talk_id, t.url) for t in todos] == [(talk.id, "https://video.example/a")]
    assert not store.set_watch_later(talk.id, False).watch_later
    assert store.list_todos(conference.id) == []


def test_move_reorders_and_clamps_at_the_ends(store: Store, conference: Conference) -> None:
    a, b, c = (store.add_todo(conference.id, text) for text in "abc")
    assert [t.text for t in store.move_todo(c.id, -1)] == ["a", "c", "b"]
    assert [t.text for t in store.move_todo(a.id, 10)] == ["c", "b", "a"]
    assert [t.text for t in store.move_todo(c.id, -5)] == ["c", "b", "a"]
    assert b.id in [t.id for t in store.list_todos()]


def test_edit_and_delete(store: Store, conference: Conference) -> None:
    todo = store.add_todo(conference.id, "typo")
    edited = store.update_todo(todo.id, text="fixed", kind=TodoKind.FOLLOW_UP)
    assert (edited.text, edited.kind) == ("fixed", TodoKind.FOLLOW_UP)
    store.delete_todo(todo.id)
    assert store.list_todos() == []
