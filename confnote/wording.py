"""Small pieces of English the CLI and the app share."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from confnote.store.records import ConferenceContents


def counted(number: int, noun: str) -> str:
    """ "1 talk", "2 talks": a count with its noun, plural when it is not one."""
    return f"{number} {noun}" + ("" if number == 1 else "s")


def held(contents: ConferenceContents) -> str:
    """ "12 talks, 3 notes and 1 TODO": what a conference holds."""
    talks, notes = counted(contents.talks, "talk"), counted(contents.notes, "note")
    return f"{talks}, {notes} and {counted(contents.todos, 'TODO')}"
