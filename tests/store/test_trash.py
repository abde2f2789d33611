"""Deleting a talk, note or TODO moves it to the trash, from where it can be restored."""

from __future__ import annotations

from pathlib import Path

import pytest

from confnote.cli import main
from confnote.errors import ConfnoteError, NotFoundError
from confnote.store import Conference, Store, Talk, TrashKind
from tests.helpers import TypedAnswer, talk_details
from tests.store_digest import store_digest


@pytest.fixture
def talk(store: Store, conference: Conference) -> Talk:
    talk = store.add_talk(
        conference.id, talk_details("k1", "Deleted by mistake", speakers=("Ada", "Bob"))
    )
    store.set_star(talk.id, 2)
    store.tag_talk(talk.id, "rust")
    store.save_talk_note(talk.id, "first words")
    store.save_talk_note(talk.id, "my precious notes")
    store.add_todo(conference.id, "ask Ada about it", talk_id=talk.id)
    return store.talk(talk.id)


def test_a_deleted_talk_comes_back_whole_from_the_trash(
    store: Store, conference: Conference, talk: Talk
) -> None:
    before = store_digest(store.path, logical=True)
    item = store.delete_talk(talk.id)
    assert (item.kind, item.title) == (TrashKind.TALK, "Deleted by mistake")
    assert store.list_talks(conference.id) == []
    assert store.search("precious") == []
    assert [t.talk_id for t in store.list_todos(conference.id)] == [None]
    assert [i.id for i in store.trash()] == [item.id]

    store.restore_from_trash(item.id)
    (back,) = store.list_talks(conference.id)
    assert (back.title, back.speakers, back.star, back.tags) == (
        "Deleted by mistake",
        ("Ada", "Bob"),
        2,
        ("rust",),
    )
    note = store.note_for_talk(back.id)
    assert note is not None and note.body == "my precious notes"
    assert [t.talk_id for t in store.list_todos(conference.id)] == [back.id]
    assert [hit.title for hit in store.search("precious")] == ["Deleted by mistake"]
    assert store.trash() == []
    assert store_digest(store.path, logical=True) == before


def test_a_deleted_note_and_todo_come_back(
    store: Store, conference: Conference, talk: Talk
) -> None:
    note = store.note_for_talk(talk.id)
    assert note is not None
    trashed_note = store.delete_note(note.id)
    (todo,) = store.list_todos(conference.id)
    trashed_todo = store.delete_todo(todo.id)
    assert store.note_for_talk(talk.id) is None and store.list_todos(conference.id) == []
    assert [i.kind for i in store.trash(conference.id)] == [TrashKind.TODO, TrashKind.NOTE]
    store.restore_from_trash(trashed_note.id)
    store.restore_from_trash(trashed_todo.id)
    restored = store.note_for_talk(talk.id)
    assert restored is not None and restored.body == "my precious notes"
    assert [r.body for r in store.note_revisions(restored.id)] == [
        r.body for r in store.note_revisions(note.id)
    ]
    assert [t.text for t in store.list_todos(conference.id)] == ["ask Ada about it"]


def test_a_talk_note_whose_talk_has_a_new_note_is_not_restored_over_it(
    store: Store, talk: Talk
) -> None:
    note = store.note_for_talk(talk.id)
    assert note is not None
    item = store.delete_note(note.id)
    store.save_talk_note(talk.id, "typed afresh")
    with pytest.raises(ConfnoteError, match="has a new note"):
        store.restore_from_trash(item.id)
    new = store.note_for_talk(talk.id)
    assert new is not None and new.body == "typed afresh"
    assert [i.id for i in store.trash()] == [item.id]


def test_a_restored_talk_gets_a_new_id_when_its_old_one_was_reused(
    store: Store, conference: Conference, talk: Talk
) -> None:
    item = store.delete_talk(talk.id)
    newcomer = store.add_talk(conference.id, talk_details("k2", "Took the id"))
    assert newcomer.id == talk.id  # SQLite hands out the freed id again
    store.restore_from_trash(item.id)
    titles = {t.title: t for t in store.list_talks(conference.id)}
    restored = titles["Deleted by mistake"]
    assert restored.id != newcomer.id
    note = store.note_for_talk(restored.id)
    assert note is not None and note.body == "my precious notes"
    assert store.note_for_talk(newcomer.id) is None


def test_emptying_the_trash_deletes_for_good(store: Store, talk: Talk) -> None:
    item = store.delete_talk(talk.id)
    assert store.empty_trash() == 1
    with pytest.raises(NotFoundError):
        store.restore_from_trash(item.id)


def test_trash_command_lists_restores_and_empties_after_asking(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(db_path) as store:
        conference = store.create_conference("Trashcon")
        first = store.add_todo(conference.id, "first thing")
        second = store.add_todo(conference.id, "second thing")
        store.delete_todo(first.id)
        item = store.delete_todo(second.id)
    db = ["--db", str(db_path)]
    assert main([*db, "trash"]) == 0
    out = capsys.readouterr().out
    assert "first thing" in out and "second thing" in out and "TODO" in out
    assert main([*db, "trash", "restore", str(item.id)]) == 0
    assert "restored TODO" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", TypedAnswer("n\n"))
    assert main([*db, "trash", "empty"]) == 1
    assert "nothing deleted" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", TypedAnswer("y\n"))
    assert main([*db, "trash", "empty"]) == 0
    assert "deleted 1 item" in capsys.readouterr().out
    with Store.open(db_path) as store:
        assert store.trash() == []
        assert [t.text for t in store.list_todos(conference.id)] == ["second thing"]
