"""The headings of a Markdown text (ATX and setext, never inside code fences), and the
lines each one owns."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BLOCK_START = re.compile(r"^ {0,3}(?:[-*+]\s|\d{1,9}[.)]\s|>|\||<|```|~~~)")


@dataclass(frozen=True, slots=True)
class Section:
    """A heading (level 0 and empty text for the lines before the first heading) and its body."""

    level: int
    text: str
    body: str


def sections(markdown: str) -> list[Section]:
    lines = markdown.split("\n")
    found: list[Section] = []
    level, text, body = 0, "", []
    fence = ""
    previous_blank = True
    index = 0
    while index < len(lines):
        line = lines[index]
        if fence:
            body.append(line)
            if line.strip().startswith(fence):
                fence = ""
            index += 1
            previous_blank = False
            continue
        opening = _FENCE.match(line)
        if opening:
            fence = opening[1][0] * len(opening[1])
            body.append(line)
            index += 1
            previous_blank = False
            continue
        atx = _ATX.match(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        setext = (
            previous_blank
            and line.strip()
            and not _BLOCK_START.match(line)
            and _SETEXT.match(following)
            and not _ATX.match(line)
        )
        if atx or setext:
            found.append(Section(level, text, "\n".join(body).strip("\n")))
            if atx:
                level, text = len(atx[1]), (atx[2] or "").strip()
                index += 1
            else:
                level, text = (1 if following.strip()[0] == "=" else 2), line.strip()
                index += 2
            body = []
            previous_blank = True
            continue
        body.append(line)
        previous_blank = not line.strip()
        index += 1
    found.append(Section(level, text, "\n".join(body).strip("\n")))
    return found
