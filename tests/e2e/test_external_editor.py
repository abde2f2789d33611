"""ctrl+g edits the note in $EDITOR, in the real app."""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path

from confnote.drafts import drafts_of, recovery_dir
from tests.e2e.terminal import Terminal, make_talk_database, needs_tmux, stored_note, wait_until

pytestmark = needs_tmux()


def editor_script(folder: Path, body: str) -> str:
    """A stand-in for $EDITOR: runs ``body`` (sh) with the file as $1."""
    script = folder / "editor.sh"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(0o755)
    return str(script)


def test_what_the_editor_wrote_is_saved_even_when_it_exits_with_an_error(
    tmp_path: Path, terminals: Callable[..., Terminal]
) -> None:
    db = tmp_path / "t.db"
    talk_id = make_talk_database(db)
    editor = editor_script(tmp_path, 'printf " from the editor" >> "$1"\nexit 3')
    app = terminals(db, {"EDITOR": editor, "VISUAL": ""})
    app.open_first_talk()
    app.keys("C-g")

    app.wait_for("from the editor")
    wait_until(lambda: stored_note(db, talk_id).endswith(" from the editor"), "the save")
    wait_until(lambda: drafts_of(db) == [], "the editor's file to go")


def test_an_editor_file_left_by_a_crash_is_offered_at_the_next_start(
    tmp_path: Path, terminals: Callable[..., Terminal]
) -> None:
    db = tmp_path / "t.db"
    talk_id = make_talk_database(db)
    editor = editor_script(tmp_path, 'printf " half an edit" >> "$1"\nsleep 60')
    app = terminals(db, {"EDITOR": editor, "VISUAL": ""})
    app.open_first_talk()
    app.keys("C-g")
    wait_until(lambda: any(recovery_dir(db).glob("*.md")), "the editor's file")
    wait_until(lambda: "half an edit" in drafts_of(db)[0].read(), "the edit")
    app.kill(signal.SIGKILL)
    app.close()

    again = terminals(db)
    again.wait_for("was kept in a file")
    again.keys("r")
    wait_until(lambda: stored_note(db, talk_id).endswith(" half an edit"), "the restored edit")


def test_an_editor_that_cannot_start_is_named_and_the_app_keeps_working(
    tmp_path: Path, terminals: Callable[..., Terminal]
) -> None:
    db = tmp_path / "t.db"
    talk_id = make_talk_database(db)
    app = terminals(db, {"EDITOR": str(tmp_path / "no-such-editor"), "VISUAL": ""})
    app.open_first_talk()
    app.keys("C-g")
    app.wait_for("Cannot run")
    app.type(" still typing")
    wait_until(lambda: " still typing" in stored_note(db, talk_id), "the save")
    assert drafts_of(db) == []
