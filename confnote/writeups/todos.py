"""Watch-later and follow-up items: one per list item (or heading) of a TODO section,
and ``TODO:`` / ``@name:`` lines inside notes."""

from __future__ import annotations

import re

from confnote.writeups.blocks import list_items
from confnote.writeups.links import link_in
from confnote.writeups.model import WrittenTodo

WATCH_LATER, FOLLOW_UP = "watch_later", "follow_up"
_INLINE = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:(?:TODO|FIXME|TBD)\b[ \t]*[:\-–]?|@\w+[ \t]*:)"
    r"[ \t]*(?P<text>\S.*)$",
    re.M,
)


def section_todos(body: str, kind: str) -> list[WrittenTodo]:
    """One item per top-level list item; a body with no list gives one per non-empty line."""
    items = [item.first for item in list_items(body)]
    if not items:
        items = [line.strip() for line in body.split("\n") if line.strip()]
    return [todo for text in items if (todo := todo_from(text, kind))]


def todo_from(text: str, kind: str) -> WrittenTodo | None:
    link = link_in(text)
    words = " ".join((link.label if link.url else text).replace("~~", "").split())
    if not words and not link.url:
        return None
    return WrittenTodo(text=words or link.url, kind=kind, url=link.url)


def inline_follow_ups(note: str, talk_title: str) -> list[WrittenTodo]:
    """``TODO: …``, ``FIXME …`` and ``@Sam: …`` lines of a note, as follow-ups of its talk."""
    return [
        WrittenTodo(text=match.group(0).strip(" -*+\t"), kind=FOLLOW_UP, talk_title=talk_title)
        for match in _INLINE.finditer(note)
    ]
