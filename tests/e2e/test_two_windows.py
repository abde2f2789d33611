"""Two confnote processes on one database, each in its own terminal."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from confnote.store import Store
from tests.e2e.terminal import Terminal, make_talk_database, needs_tmux, wait_until

pytestmark = needs_tmux()


def every_text_of_the_note(db: Path, talk_id: int) -> str:
    with Store.open(db) as store:
        note = store.note_for_talk(talk_id)
        assert note is not None
        return "\n".join([note.body, *(r.body for r in store.note_revisions(note.id))])


@pytest.mark.parametrize("pause", [1.2, 0.0], ids=["a-second-apart", "at-once"])
def test_typing_in_two_windows_keeps_both_texts(
    tmp_path: Path, terminals: Callable[[Path], Terminal], pause: float
) -> None:
    db = tmp_path / "t.db"
    talk_id = make_talk_database(db)
    first, second = terminals(db), terminals(db)
    first.open_first_talk()
    second.open_first_talk()

    first.type(" AAA")
    time.sleep(pause)
    second.type(" BBB")
    time.sleep(2.5)  # both autosaves, and each window's look at the other's
    first.keys("C-q")
    second.keys("C-q")

    assert (first.exit_status(), second.exit_status()) == (0, 0)
    texts = every_text_of_the_note(db, talk_id)
    assert "AAA" in texts
    assert "BBB" in texts


def stars_shown(terminal: Terminal, title: str = "Alpha talk") -> int:
    [row] = [line for line in terminal.screen().splitlines() if title in line and "09:00" in line]
    return row.count("★")


def test_two_windows_starring_one_talk_end_up_agreeing_with_the_database(
    tmp_path: Path, terminals: Callable[[Path], Terminal]
) -> None:
    db = tmp_path / "t.db"
    talk_id = make_talk_database(db)
    first, second = terminals(db), terminals(db)
    first.wait_for("Alpha talk")
    second.wait_for("Alpha talk")

    first.keys("s")
    second.keys("s")

    def stored_and_shown() -> tuple[int, int, int]:
        with Store.open(db) as store:
            stored = store.talk(talk_id).star
        return stored, stars_shown(first), stars_shown(second)

    # Another window's change shows on its own (within about two seconds on an idle
    # machine); the deadline only catches a window that never catches up.
    wait_until(lambda: stored_and_shown() == (1, 1, 1), "both windows to show the stored star")
