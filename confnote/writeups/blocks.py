"""Markdown bodies cut into the pieces segmentation needs: top-level list items with
their nested lines, paragraphs, and a trailing reference list."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ITEM = re.compile(r"^ {0,3}(?:[-*+•]|\d{1,3}[.)])[ \t]+(?P<text>.*)$")
_ORDERED = re.compile(r"^ {0,3}\d{1,3}[.)][ \t]+\S")


@dataclass(frozen=True, slots=True)
class Item:
    """One top-level list item: its first line, the lines nested under it, and where it sits."""

    first: str
    rest: str
    start: int
    end: int


def list_items(body: str) -> list[Item]:
    lines = body.split("\n")
    items: list[Item] = []
    index = 0
    while index < len(lines):
        match = _ITEM.match(lines[index])
        if not match:
            index += 1
            continue
        start = index
        index += 1
        nested: list[str] = []
        while index < len(lines):
            line = lines[index]
            if _ITEM.match(line):
                break
            if line.strip() and not line.startswith((" ", "\t")):
                previous = lines[index - 1]
                if not previous.strip():
                    break
            nested.append(line)
            index += 1
        while nested and not nested[-1].strip():
            nested.pop()
            index -= 1
        index = max(index, start + 1)
        rest = "\n".join(_dedent(nested))
        items.append(Item(match["text"].strip(), rest, start, start + 1 + len(nested)))
    return items


def _dedent(lines: list[str]) -> list[str]:
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    margin = min(indents, default=0)
    return [line[margin:] for line in lines]


def remove_lines(body: str, spans: list[tuple[int, int]]) -> str:
    lines = body.split("\n")
    dropped = {number for start, end in spans for number in range(start, end)}
    kept = [line for number, line in enumerate(lines) if number not in dropped]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")


def paragraphs(body: str) -> list[str]:
    return [part.strip("\n") for part in re.split(r"\n[ \t]*\n", body) if part.strip()]


def trailing_reference_list(body: str) -> tuple[list[str], str] | None:
    """A numbered list of at least three one-line items that ends ``body``: its items and the
    body without it."""
    lines = body.rstrip().split("\n")
    end = len(lines)
    start = end
    while start > 0 and _ORDERED.match(lines[start - 1]):
        start -= 1
    count = end - start
    if count < 3 or any(len(line) > 200 for line in lines[start:end]):
        return None
    items = [_ITEM.match(line)["text"].strip() for line in lines[start:end]]  # type: ignore[index]
    return items, "\n".join(lines[:start]).rstrip()
