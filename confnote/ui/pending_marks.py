"""Marks pressed in the schedule and not yet stored: quick presses neither get lost nor race.

A press steps from the value last asked for (not from the row the store last returned), the
store is asked for that value outright, and rows shown meanwhile carry it; once every press
of a mark is answered, the row shows what the store holds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from confnote.store.records import MAX_STAR, Talk

# The schedule's marks and the Talk field each one sets.
FIELDS = {"star": "star", "attended": "attended", "hide": "hidden", "watch_later": "watch_later"}


def next_value(mark: str, value: int | bool) -> int | bool:
    """Star levels cycle none, one, two; the other marks toggle."""
    if mark == "star":
        return (int(value) + 1) % (MAX_STAR + 1)
    return not value


@dataclass
class _Asked:
    waiting: int  # presses sent and not yet answered
    value: int | bool  # the value the last press asked for
    stored: int | bool  # the value the store last confirmed (or held before the first press)


class PendingMarks:
    """The presses of each talk's marks that the store has not answered yet."""

    def __init__(self) -> None:
        self._asked: dict[int, dict[str, _Asked]] = {}

    def press(self, talk: Talk, mark: str) -> Talk:
        """Count a press of ``mark`` on ``talk`` (as shown); returns the talk as asked for."""
        field = FIELDS[mark]
        marks = self._asked.setdefault(talk.id, {})
        current = getattr(talk, field)
        asked = marks.setdefault(mark, _Asked(0, current, current))
        asked.waiting += 1
        asked.value = next_value(mark, asked.value)
        return _with(talk, {field: asked.value})

    def shown(self, talk: Talk) -> Talk:
        """``talk`` with the values asked for by presses still waiting."""
        marks = self._asked.get(talk.id)
        if not marks:
            return talk
        return _with(talk, {FIELDS[mark]: asked.value for mark, asked in marks.items()})

    def answered(self, talk: Talk, mark: str, *, stored: bool) -> Talk:
        """Count one answer to a press of ``mark``: ``talk`` is the row the store returned
        (``stored``), or the row shown when the press failed. Returns the row to show."""
        marks = self._asked.get(talk.id, {})
        asked = marks.get(mark)
        if asked is None:  # pressed before a switch of conference
            return self.shown(talk)
        field = FIELDS[mark]
        asked.waiting -= 1
        if stored:
            asked.stored = getattr(talk, field)
        if asked.waiting == 0:
            del marks[mark]
            if not marks:
                del self._asked[talk.id]
            talk = _with(talk, {field: asked.stored})
        return self.shown(talk)


def _with(talk: Talk, values: dict[str, Any]) -> Talk:
    return replace(talk, **values)
