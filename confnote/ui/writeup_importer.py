"""Importing a write-up from the app: ``ctrl+o`` takes a write-up as well as a schedule.

A file the schedule readers do not recognise is read as a write-up in the import
worker; the preview shows what it holds, and only Import writes it, in one store job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from confnote.errors import ConfnoteError
from confnote.ui.messages import OpenConference
from confnote.ui.requests import StoreRequest

if TYPE_CHECKING:
    from textual.widget import Widget

    from confnote.store import Store
    from confnote.store.writeup_records import WriteupReport
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
    """For the schedule importer (``owner``), which gets the replies and hands them on;
    ``reading_done`` ends the import's busy mark once the write-up is read."""

    def __init__(self, owner: Widget, reading_done: Callable[[], None]) -> None:
        self._owner = owner
        self._reading_done = reading_done

    def preview(self, read: ReadWriteup) -> None:
        from confnote.ui.screens.writeup_preview import WriteupPreviewScreen
        from confnote.writeups.preview import preview_lines

        self._reading_done()

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self._apply(read)

        self._owner.app.push_screen(WriteupPreviewScreen(preview_lines(read.parsed)), answered)

    def _apply(self, read: ReadWriteup) -> None:
        from confnote.ui.schedule_importer import ImportFailed

        def job(store: Store) -> WriteupImported:
            from confnote.import_summary import writeup_summary

            report = store.apply_writeups([read])[0]
            return WriteupImported(report, writeup_summary(report))

        owner = self._owner
        owner.post_message(StoreRequest(job, lambda message: message, ImportFailed, owner))

    def imported(self, event: WriteupImported) -> None:
        self._owner.post_message(OpenConference(event.report.conference.id))
        self._owner.notify(event.summary, title="Write-up imported", timeout=8)
