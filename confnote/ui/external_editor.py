"""Editing the open note in $VISUAL or $EDITOR, with the app suspended.

The text goes to a draft file beside the database (never a folder wiped at start),
the editor works on that file, and whatever the file holds when the editor exits is
saved, whatever its exit code. The file is removed once the note holds its text; if
confnote dies first, the next start offers it (see confnote.drafts).
"""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

from confnote.drafts import keep_draft

if TYPE_CHECKING:
    from textual.app import App

    from confnote.store import Store
    from confnote.ui.store_runner import Submit
    from confnote.ui.widgets.note_pane import NotePane


def editor_command() -> list[str]:
    return shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")


def edit_externally(app: App[Any], database: Path, pane: NotePane, submit: Submit) -> None:
    from textual.app import SuspendNotSupported

    target = pane.target
    if target is None:
        return
    pane.flush()
    before = pane.editor.text
    try:
        draft = keep_draft(database, before, talk_id=target.talk_id, note_id=target.note_id)
    except OSError as error:
        app.notify(f"Cannot write the file for the editor: {error}", severity="error")
        return
    command = [*editor_command(), str(draft.path)]
    failure: Exception | None = None
    try:
        with app.suspend():
            # Caught inside: an exception leaving suspend() would leave the app suspended.
            try:
                subprocess.run(command, check=False)
            except OSError as error:
                failure = error
    except SuspendNotSupported as error:
        failure = error
    if failure is not None:
        draft.path.unlink(missing_ok=True)
        app.notify(f"Cannot run {command[0]}: {failure}", severity="error", timeout=8)
        return
    try:
        edited = draft.read()
    except (OSError, UnicodeError) as error:
        app.notify(f"Cannot read {draft.path}: {error}; it is kept", severity="error")
        return
    if edited != before:
        pane.replace_text_and_save(edited)

    def tidy(store: Store) -> None:
        if target.talk_id is not None:
            note = store.note_for_talk(target.talk_id)
        else:
            assert target.note_id is not None
            note = store.note(target.note_id)
        if edited == before or (note is not None and note.body == edited):
            draft.path.unlink(missing_ok=True)

    submit(tidy)
