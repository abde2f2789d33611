"""The store jobs behind the schedule pane's keys: marks on a talk, and a talk added or edited.

Each becomes a StoreRequest whose reply shows the changed talk (and, for watch later, the
TODO it adds or removes).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from confnote.store.records import Talk
from confnote.ui.messages import TalksChanged, TodosLoaded
from confnote.ui.requests import StoreRequest

if TYPE_CHECKING:
    from textual.message import Message

    from confnote.schedule.model import TalkDetails
    from confnote.store import Store

MARKS: dict[str, Callable[[Talk], Callable[[Store], Talk]]] = {
    "star": lambda talk: lambda store: store.cycle_star(talk.id, shown=talk.star),
    "attended": lambda talk: lambda store: store.set_attended(talk.id, not talk.attended),
    "hide": lambda talk: lambda store: store.set_hidden(talk.id, not talk.hidden),
    "watch_later": lambda talk: lambda store: store.set_watch_later(talk.id, not talk.watch_later),
}


def mark_request(talk: Talk, mark: str) -> StoreRequest:
    """Toggle one of the attendee's marks (``MARKS``) on ``talk``."""
    change = MARKS[mark](talk)

    def job(store: Store) -> list[Message]:
        changed = change(store)
        replies: list[Message] = [TalksChanged([changed])]
        if mark == "watch_later":
            replies.append(TodosLoaded.of(store, changed.conference_id))
        return replies

    return StoreRequest(job, lambda replies: replies)


def save_talk_request(conference_id: int, talk: Talk | None, details: TalkDetails) -> StoreRequest:
    """Add a talk to the conference (``talk`` None) or write new schedule fields into it."""

    def job(store: Store) -> Talk:
        if talk is None:
            return store.add_talk(conference_id, details)
        return store.update_talk(talk.id, details)

    return StoreRequest(job, lambda saved: TalksChanged([saved]))
