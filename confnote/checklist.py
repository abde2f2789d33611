"""Markdown checklist lines (``- [ ] text``) inside notes: finding and ticking them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from confnote.store.records import ChecklistEntry

_ITEM = re.compile(r"^(?P<lead>\s*[-*+]\s+\[)(?P<mark>[ xX])(?P<tail>\]\s+)(?P<text>\S.*?)\s*$")


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    line: int
    text: str
    done: bool


def checklist_items(body: str) -> list[ChecklistItem]:
    """Every checklist line of a Markdown body, with its 0-based line number."""
    items = []
    for number, line in enumerate(body.splitlines()):
        match = _ITEM.match(line)
        if match:
            items.append(ChecklistItem(number, match["text"], match["mark"] != " "))
    return items


def set_checked(body: str, item: ChecklistItem, done: bool) -> str | None:
    """``body`` with the item ticked or unticked, or None if that line no longer holds it."""
    lines = body.split("\n")
    if item.line >= len(lines):
        return None
    match = _ITEM.match(lines[item.line])
    if match is None or match["text"] != item.text:
        return None
    mark = "x" if done else " "
    lines[item.line] = f"{match['lead']}{mark}{match['tail']}{match['text']}"
    return "\n".join(lines)


def with_check_boxes(body: str) -> str:
    """``body`` with each checklist line's ``[ ]``/``[x]`` drawn as ☐/☑, for a preview
    (Markdown itself has no check boxes, so they would show as a bullet and "[ ]")."""
    lines = body.split("\n")
    for number, line in enumerate(lines):
        match = _ITEM.match(line)
        if match:
            box = "☐" if match["mark"] == " " else "☑"
            lines[number] = f"{match['lead'][:-1]}{box} {match['text']}"
    return "\n".join(lines)


class _NoteLike(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def talk_id(self) -> int | None: ...
    @property
    def title(self) -> str: ...
    @property
    def body(self) -> str: ...


def note_checklist(note: _NoteLike) -> list[ChecklistEntry]:
    """The checklist lines of one note (a record or a row), as the TODO pane shows them."""
    return [
        ChecklistEntry(
            note_id=note.id,
            talk_id=note.talk_id,
            title=note.title,
            line=item.line,
            text=item.text,
            done=item.done,
        )
        for item in checklist_items(note.body)
    ]
