"""Another program holds the database locked: at start, while typing, at quit."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

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


def test_a_start_while_locked_waits_then_works_once_the_lock_goes(
    tmp_path: Path, terminals: Callable[[Path], Terminal]
) -> None:
    db = tmp_path / "t.db"
    make_talk_database(db)
    with held_lock(db, readers_too=True):
        app = terminals(db)
        screen = app.wait_for("Waiting for the database")
        # Once it says what it waits for, it no longer shows the empty store's offer.
        assert "No conference yet" not in screen, screen
    app.wait_for("Alpha talk")
    app.keys("F5")
    app.wait_for("New conference")


def test_a_start_beside_another_programs_write_shows_the_schedule_at_once(
    tmp_path: Path, terminals: Callable[[Path], Terminal]
) -> None:
    db = tmp_path / "t.db"
    make_talk_database(db)
    with held_lock(db):  # a write lock: reads are deferred transactions and go beside it
        app = terminals(db)
        app.wait_for("Alpha talk")
        assert "Waiting for the database" not in app.screen()


def test_an_autosave_that_met_a_lock_is_retried_without_another_key(
    tmp_path: Path, terminals: Callable[[Path], Terminal]
) -> None:
    db = tmp_path / "t.db"
    talk_id = make_talk_database(db)
    app = terminals(db)
    app.open_first_talk()
    with held_lock(db):
        app.type(" typed while locked")
        app.wait_for("NOT SAVED")
    wait_until(lambda: "typed while locked" in stored_note(db, talk_id), "the retried save")
    app.wait_for("saved ")


def test_quitting_while_locked_saves_once_the_lock_goes(
    tmp_path: Path, terminals: Callable[[Path], Terminal]
) -> None:
    db = tmp_path / "t.db"
    talk_id = make_talk_database(db)
    app = terminals(db)
    app.open_first_talk()
    with held_lock(db):
        app.type(" last words")
        app.keys("C-q")
        time.sleep(8)
    assert app.exit_status() == 0
    assert " last words" in stored_note(db, talk_id)
    assert drafts_of(db) == []


def test_quitting_while_it_stays_locked_keeps_a_draft_says_where_and_offers_it_next_start(
    tmp_path: Path, terminals: Callable[[Path], Terminal]
) -> None:
    db = tmp_path / "t.db"
    talk_id = make_talk_database(db)
    app = terminals(db)
    app.open_first_talk()
    with held_lock(db):
        app.type(" never lost")
        app.keys("C-q")
        assert app.exit_status(timeout=40) == 1
    [draft] = drafts_of(db)
    assert " never lost" in draft.read()
    assert str(draft.path) in app.screen().replace("\n", "")
    assert "never lost" not in stored_note(db, talk_id)

    again = terminals(db)
    again.wait_for("was kept in a file")
    again.keys("r")
    wait_until(lambda: " never lost" in stored_note(db, talk_id), "the restored note")
    wait_until(lambda: drafts_of(db) == [], "the draft to go")
