"""Importing a write-up from the app: ``ctrl+o`` takes a write-up as well as a schedule.

A file the schedule readers do not recognise is read as a write-up in the import
worker; the preview shows what it holds, and only Import writes it, in one store job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.message import Message

from confnote.errors import ConfnoteError
from confnote.ui.messages import OpenConference

if TYPE_CHECKING:
    from textual.app import App

    from confnote.store import Store
    from confnote.store.writeup_records import WriteupReport
    from confnote.ui.store_runner import StoreRunner
    from confnote.writeups.parse import ReadWriteup


@dataclass
class WriteupRead(Message):
    read: ReadWriteup


@dataclass
class WriteupImported(Message):
    report: WriteupReport
    summary: str


def writeup_at(location: str) -> ReadWriteup | None:
    """The write-up at ``location`` when it is a local file that no schedule reader
    recognises; None otherwise. Runs in a worker: it reads the file."""
    from confnote.schedule.model import ScheduleError
    from confnote.schedule.sniff import sniff_format
    from confnote.writeups.parse import read_writeup

    if "://" in location:
        return None
    path = Path(location)
    try:
        sniff_format(path.read_bytes(), location)
    except ScheduleError:
        pass
    except OSError:
        return None
    else:
        return None
    try:
        return read_writeup(path)
    except ConfnoteError:
        return None


class WriteupImporter:
    """``reading_done`` ends the import's busy mark once the write-up is read."""

    def __init__(
        self, app: App[Any], runner: StoreRunner, reading_done: Callable[[], None]
    ) -> None:
        self._app = app
        self._runner = runner
        self._reading_done = reading_done

    def preview(self, read: ReadWriteup) -> None:
        from confnote.ui.screens.writeup_preview import WriteupPreviewScreen
        from confnote.writeups.preview import preview_lines

        self._reading_done()

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self._apply(read)

        self._app.push_screen(WriteupPreviewScreen(preview_lines(read.parsed)), answered)

    def _apply(self, read: ReadWriteup) -> None:
        from confnote.ui.schedule_importer import ImportFailed

        def job(store: Store) -> WriteupImported:
            from confnote.import_summary import writeup_summary

            report = store.apply_writeups([read])[0]
            return WriteupImported(report, writeup_summary(report))

        self._runner.submit(job, lambda message: message, ImportFailed)

    def imported(self, event: WriteupImported) -> None:
        app = self._app
        app.post_message(OpenConference(event.report.conference.id))
        app.notify(event.summary, title="Write-up imported", timeout=8)
