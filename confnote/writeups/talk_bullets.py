"""Talks written as list items or bold paragraphs instead of headings:
"- Title (Speaker) – notes", "- [Title](url) by Speaker", "**Title** (_Speaker_)",
and one bullet that names two talks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from confnote.writeups.blocks import Item, list_items, paragraphs, remove_lines
from confnote.writeups.talk_line import TalkLine, read_talk_line

_LEAD_WORD = re.compile(r"^(?:finally|also|and|lastly|plus),?\s+", re.I)
_HEAD_THEN_NOTE = re.compile(
    r"^(?P<head>.+?\)|\[[^\]]+\]\([^)]*\)(?:\s+by\s+[^–—:]+?)?)\s*(?:[–—:]|\s-\s)\s*(?P<note>\S.*)$"
)
_TWO_TALKS = re.compile(
    r"^(?P<a>[^()]+?)\s*\((?P<sa>[^()]+)\)\s*(?:,?\s*and|&)\s+(?P<b>[^()]+?)\s*\((?P<sb>[^()]+)\)"
    r"(?P<rest>.*)$"
)
MIN_TALKS = 2
_LEADING_IMAGES = re.compile(r"^(?:\s*(?:\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)|!\[[^\]]*\]\([^)]*\)))+")


@dataclass(frozen=True, slots=True)
class BulletTalk:
    line: TalkLine
    note: str


def talks_in_bullets(body: str) -> tuple[list[BulletTalk], str]:
    """The talks a body's list names (when at least two items name one) and the body
    without those items."""
    found: list[BulletTalk] = []
    spans: list[tuple[int, int]] = []
    items = list_items(body)
    for item in items:
        talks = _item_talks(item)
        if talks:
            found.extend(talks)
            spans.append((item.start, item.end))
    if len(spans) < MIN_TALKS or len(spans) * 2 < len(items):
        return [], body
    return found, remove_lines(body, spans)


def _item_talks(item: Item) -> list[BulletTalk]:
    first = _LEAD_WORD.sub("", item.first)
    whole = "\n\n".join(part for part in (item.first, item.rest) if part)
    two = _TWO_TALKS.match(first)
    if two:
        talks = [
            read_talk_line(f"{two['a']} ({two['sa']})"),
            read_talk_line(f"{two['b']} ({two['sb']})"),
        ]
        if all(talk.speakers for talk in talks):
            return [BulletTalk(talk, whole) for talk in talks]
    split = _HEAD_THEN_NOTE.match(first)
    if split:
        line = read_talk_line(split["head"])
        if line.speakers or line.url:
            note = "\n\n".join(part for part in (split["note"], item.rest) if part)
            return [BulletTalk(line, note)]
    line = read_talk_line(first)
    if line.speakers or (line.url and len(first) < 200):
        return [BulletTalk(line, item.rest)]
    return []


def talks_in_bold_paragraphs(body: str) -> tuple[list[BulletTalk], str]:
    """Talks that open with a bold label paragraph (``**Title** (_Speaker_)``), when at least
    two do; each takes the paragraphs up to the next label. Text before the first stays."""
    parts = paragraphs(body)
    starts = [n for n, part in enumerate(parts) if _bold_label(part)]
    if len(starts) < MIN_TALKS:
        return [], body
    found = []
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(parts)
        label = _bold_label(parts[start])
        assert label is not None
        _head, _, after = parts[start].partition("\n")
        note = "\n\n".join([after, *parts[start + 1 : end]] if after else parts[start + 1 : end])
        found.append(BulletTalk(read_talk_line(label, bare_name=True), note.strip()))
    return found, "\n\n".join(parts[: starts[0]])


def _bold_label(paragraph: str) -> str | None:
    first = paragraph.split("\n", 1)[0]
    first = _LEADING_IMAGES.sub("", first).strip()
    match = re.match(
        r"^(?:\*\*|__)(?P<label>[^*_]{2,150})(?:\*\*|__)(?P<rest>[^.!?]{0,120})$", first
    )
    if not match:
        return None
    return first
