"""The store jobs behind the schedule pane's keys: marks on a talk, and a talk added or edited.

Each becomes a StoreRequest whose reply shows the changed talk (and, for watch later, the
TODO it adds or removes).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from confnote.store.records import Talk
from confnote.ui.messages import MarkStored, TalksChanged, TodosLoaded
from confnote.ui.pending_marks import FIELDS
from confnote.ui.requests import StoreRequest

if TYPE_CHECKING:
    from textual.message import Message

    from confnote.schedule.model import TalkDetails
    from confnote.store import Store

SETTERS: dict[str, Callable[[Store, int, Any], Talk]] = {
    "star": lambda store, talk_id, level: store.set_star(talk_id, level),
    "attended": lambda store, talk_id, on: store.set_attended(talk_id, on),
    "hide": lambda store, talk_id, on: store.set_hidden(talk_id, on),
    "watch_later": lambda store, talk_id, on: store.set_watch_later(talk_id, on),
}


def mark_request(wanted: Talk, mark: str) -> StoreRequest:
    """Store the value ``wanted`` holds for ``mark`` (see ``pending_marks``) outright, so
    presses queued behind each other apply in order; the answer is a MarkStored."""
    set_mark, value = SETTERS[mark], getattr(wanted, FIELDS[mark])

    def job(store: Store) -> list[Message]:
        changed = set_mark(store, wanted.id, value)
        replies: list[Message] = [MarkStored(wanted.id, mark, changed)]
        if mark == "watch_later":
            replies.append(TodosLoaded.of(store, changed.conference_id))
        return replies

    def failed(reason: str) -> Message:
        return MarkStored(wanted.id, mark, None, reason)

    return StoreRequest(job, lambda replies: replies, failed)


def save_talk_request(conference_id: int, talk: Talk | None, details: TalkDetails) -> StoreRequest:
    """Add a talk to the conference (``talk`` None) or write new schedule fields into it."""

    def job(store: Store) -> Talk:
        if talk is None:
            return store.add_talk(conference_id, details)
        return store.update_talk(talk.id, details)

    return StoreRequest(job, lambda saved: TalksChanged([saved]))
