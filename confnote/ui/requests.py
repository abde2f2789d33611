"""What panes, screens and dialogs ask the app for, by message: the app routes store jobs to
the store thread and opens what is asked; none of them needs the app itself."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.message_pump import MessagePump

from confnote.store.records import ChecklistEntry
from confnote.ui.store_runner import Job, OnError, Reply


@dataclass
class StoreRequest(Message):
    """Run ``job`` on the store thread after every job asked for before it; the messages
    ``reply`` makes of its result go to ``reply_to`` (by default the main screen, which
    shows them in its panes; what it leaves unhandled bubbles up to the app)."""

    job: Job
    reply: Reply | None = None
    on_error: OnError | None = None
    reply_to: MessagePump | None = None


@dataclass
class OpenTalk(Message):
    """Open the talk's note; with ``show``, also move the schedule's cursor to the talk."""

    talk_id: int
    show: bool = True


@dataclass
class OpenNote(Message):
    """Open a conference note by id."""

    note_id: int


@dataclass
class TickChecklistLine(Message):
    """Tick or untick a ``- [ ]`` line of a note: in the editor when that note is open."""

    entry: ChecklistEntry
