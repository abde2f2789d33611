"""The app's process ends abruptly: its terminal closes, or it is killed with SIGKILL."""

from __future__ import annotations

import random
import signal
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from confnote.drafts import drafts_of
from tests.e2e.terminal import (
    Terminal,
    held_lock,
    make_talk_database,
    needs_tmux,
    stored_note,
    wait_until,
)

pytestmark = needs_tmux()


def _close(app: Terminal) -> None:
    """Close the terminal; the process must end on its own (no timing is asserted: the
    machine may be busy, the deadline only catches a process that hangs)."""
    app.close()
    wait_until(lambda: not app.alive(), "the process to end", timeout=10)


def test_closing_the_terminal_saves_the_note_and_ends_the_process(
    tmp_path: Path, terminals: Callable[[Path], Terminal]
) -> None:
    db = tmp_path / "t.db"
    talk_id = make_talk_database(db)
    app = terminals(db)
    app.open_first_talk()
    app.type(" typed just before the window closed")
    time.sleep(0.3)  # before the autosave: only the closing saves it

    _close(app)
    assert " typed just before the window closed" in stored_note(db, talk_id)
    assert drafts_of(db) == []


def test_closing_the_terminal_while_locked_keeps_the_text_in_a_draft(
    tmp_path: Path, terminals: Callable[[Path], Terminal]
) -> None:
    db = tmp_path / "t.db"
    make_talk_database(db)
    app = terminals(db)
    app.open_first_talk()
    with held_lock(db):
        app.type(" nowhere to go")
        time.sleep(0.2)
        _close(app)
    [draft] = drafts_of(db)
    assert " nowhere to go" in draft.read()


def _kill_trials(tmp_path: Path, terminals: Callable[[Path], Terminal], trials: int) -> None:
    """Type, wait a random moment, kill -9: the file stays sound, and text typed a second
    before the kill is in it."""
    db = tmp_path / "t.db"
    talk_id = make_talk_database(db)
    chance = random.Random(trials)
    for trial in range(trials):
        app = terminals(db)
        app.open_first_talk()
        words = f" trial-{trial}-words"
        app.type(words)
        pause = chance.uniform(0.0, 1.5)
        time.sleep(pause)
        app.kill(signal.SIGKILL)
        wait_until(lambda app=app: not app.alive(), "the killed process to end")  # type: ignore[misc]
        app.close()

        with closing(sqlite3.connect(db)) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        if pause >= 1.0:
            assert words in stored_note(db, talk_id), f"lost {pause:.2f} s after the last key"


def test_kill_9_after_the_last_key_loses_nothing_past_a_second(
    tmp_path: Path, terminals: Callable[[Path], Terminal]
) -> None:
    _kill_trials(tmp_path, terminals, trials=2)


@pytest.mark.slow
def test_kill_9_at_random_moments_many_times(
    tmp_path: Path, terminals: Callable[[Path], Terminal]
) -> None:
    _kill_trials(tmp_path, terminals, trials=20)
