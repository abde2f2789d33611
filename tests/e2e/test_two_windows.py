"""Two confnote processes on one database, each in its own terminal."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from confnote.store import Store
from tests.e2e.terminal import Terminal, make_talk_database, needs_tmux

pytestmark = needs_tmux()


def every_text_of_the_note(db: Path, talk_id: int) -> str:
    with Store.open(db) as store:
        note = store.note_for_talk(talk_id)
        assert note is not None
        return "\n".join([note.body, *(r.body for r in store.note_revisions(note.id))])


def test_typing_in_two_windows_keeps_both_texts_and_tells_the_second(
    tmp_path: Path, terminals: Callable[[Path], Terminal]
) -> None:
    db = tmp_path / "t.db"
    talk_id = make_talk_database(db)
    first, second = terminals(db), terminals(db)
    first.open_first_talk()
    second.open_first_talk()

    first.type(" AAA")
    time.sleep(1.2)
    second.type(" BBB")
    second.wait_for("changed in another window")
    first.keys("C-q")
    second.keys("C-q")

    assert (first.exit_status(), second.exit_status()) == (0, 0)
    texts = every_text_of_the_note(db, talk_id)
    assert "AAA" in texts
    assert "BBB" in texts
