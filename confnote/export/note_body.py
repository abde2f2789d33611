"""A talk note made ready for a post: template leftovers dropped, headings shifted.

A note starts from ``note_template``: a heading with the talk's title, a line of
facts, and sections ("Key takeaways", "Notes", "Action items") holding an empty
bullet or checkbox. In the post the talk has its own heading and facts, and an
unfinished section would print a heading over nothing, so those go. A note that
is only the untouched template comes out empty: the talk has no note.

Headings are found with markdown-it-py, so a ``#`` line inside a code fence is
never taken for one, and :func:`outline` lets a caller check that only heading
levels changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

MAX_HEADING_LEVEL = 6
# A line that holds nothing a reader would miss: blank, or an empty bullet or checkbox.
_EMPTY_LINE = re.compile(r"\s*(?:(?:[-*+]|\d{1,9}[.)])\s*)?(?:\[[ xX]?\]\s*)?")
# The template's facts line: "_Speaker · Sat 17 May 09:00–09:30 · Room_".
_FACTS_LINE = re.compile(r"_[^\n]*\d{1,2}:\d{2}–\d{1,2}:\d{2}[^\n]*_")


@cache
def markdown_parser() -> MarkdownIt:
    """CommonMark with the GFM tables and strikethrough that notes use."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


@dataclass(frozen=True, slots=True)
class _Heading:
    level: int
    first_line: int  # index of its first line
    end_line: int  # index after its last line (setext headings span two or more)
    text: str


def _headings(lines: list[str]) -> list[_Heading]:
    tokens = markdown_parser().parse("\n".join(lines))
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map is not None and token.level == 0:
            inline = tokens[index + 1]
            found.append(_Heading(int(token.tag[1]), token.map[0], token.map[1], inline.content))
    return found


def _same_title(heading: str, title: str) -> bool:
    def plain(text: str) -> str:
        return " ".join(re.sub(r"[\W_]+", " ", text).split()).casefold()

    return plain(heading) == plain(title)


def _is_empty(lines: list[str]) -> bool:
    return all(_EMPTY_LINE.fullmatch(line) for line in lines)


def clean_note(body: str, talk_title: str) -> str:
    """The note without its title heading, the template's facts line and empty sections.

    An empty string means the note says nothing (it is blank or the untouched template).
    """
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    headings = _headings(lines)
    drop: set[int] = set()
    if headings and headings[0].level == 1 and _same_title(headings[0].text, talk_title):
        first = headings[0]
        if _is_empty(lines[: first.first_line]):
            drop.update(range(first.first_line, first.end_line))
            after = first.end_line
            while after < len(lines) and not lines[after].strip():
                after += 1
            if after < len(lines) and _FACTS_LINE.fullmatch(lines[after].strip()):
                drop.add(after)
            headings = headings[1:]
    for position, heading in enumerate(headings):
        # A section runs to the next heading of the same or a higher rank.
        end = next(
            (h.first_line for h in headings[position + 1 :] if h.level <= heading.level),
            len(lines),
        )
        if _is_empty(lines[heading.end_line : end]):
            drop.update(range(heading.first_line, end))
    kept = [line for number, line in enumerate(lines) if number not in drop]
    return _tidy("\n".join(kept))


def _tidy(text: str) -> str:
    """Trailing spaces kept (hard breaks), runs of blank lines outside code left alone,
    but blank lines at either end removed."""
    return text.strip("\n").rstrip() if text.strip() else ""


def shift_headings(body: str, top_level: int) -> str:
    """``body`` with its highest-ranking heading at ``top_level`` and the rest kept in step.

    Setext headings become ATX ones; levels past six stay at six.
    """
    lines = body.split("\n")
    headings = _headings(lines)
    if not headings:
        return body
    shift = top_level - min(heading.level for heading in headings)
    starts = {heading.first_line: heading for heading in headings}
    out: list[str] = []
    number = 0
    while number < len(lines):
        heading = starts.get(number)
        if heading is None:
            out.append(lines[number])
            number += 1
            continue
        level = max(1, min(MAX_HEADING_LEVEL, heading.level + shift))
        text = " ".join(part.strip() for part in heading.text.splitlines())
        out.append(f"{'#' * level} {text}".rstrip())
        number = heading.end_line
    return "\n".join(out)


def outline(text: str) -> list[str]:
    """The block and inline structure of ``text``: token types and tags, in order, with
    heading levels and text left out. Two texts with the same outline differ only in
    words and heading levels."""
    return [entry for token in markdown_parser().parse(text) for entry in _outline_of(token)]


def _outline_of(token: Token) -> list[str]:
    if token.type == "inline":
        return [
            child.type for child in token.children or () if child.type not in ("text", "softbreak")
        ]
    if token.type.startswith("heading_"):
        return [token.type]
    return [f"{token.type}:{token.tag}"]


# A link reference definition or footnote definition: "[label]: …" / "[^label]: …".
_DEFINITION = re.compile(r"^ {0,3}\[(\^?[^\]\n]+)\]:", re.MULTILINE)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)


def defined_labels(body: str) -> set[str]:
    """Labels of the reference links and footnotes ``body`` defines, case-folded."""
    return {" ".join(label.split()).casefold() for label in _DEFINITION.findall(body)}


def rename_labels(body: str, renames: dict[str, str]) -> str:
    """``body`` with each ``[label]`` / ``[^label]`` in ``renames`` (case-folded keys) renamed,
    outside code blocks and code spans. Labels are document-wide in a post, so two notes
    that both define ``[1]`` would otherwise share the first one's link."""
    if not renames:
        return body
    pattern = re.compile(
        r"\[(" + "|".join(re.escape(label) for label in renames) + r")\]", re.IGNORECASE
    )

    def rename(match: re.Match[str]) -> str:
        return f"[{renames[match[1].casefold()]}]"

    lines = body.split("\n")
    in_code = _code_lines(body)
    for number, line in enumerate(lines):
        if number in in_code:
            continue
        pieces = _CODE_SPAN.split(line)
        spans = [m[0] for m in _CODE_SPAN.finditer(line)]
        # split() interleaves the captured backtick runs; rebuild text around the spans.
        texts = pieces[::2]
        rebuilt = [pattern.sub(rename, texts[0])]
        for span, text in zip(spans, texts[1:], strict=True):
            rebuilt.append(span + pattern.sub(rename, text))
        lines[number] = "".join(rebuilt)
    return "\n".join(lines)


def _code_lines(body: str) -> set[int]:
    lines: set[int] = set()
    for token in markdown_parser().parse(body):
        if token.type in ("fence", "code_block", "html_block") and token.map is not None:
            lines.update(range(*token.map))
    return lines
