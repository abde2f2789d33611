"""Plain-text notes as Markdown: bare lines become headings, "•"-style bullets become
nested lists by their indentation, runs of code become fenced blocks, and the header
lines at the top (title, author, date, tags) become metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass

from confnote.writeups.dates import find_date
from confnote.writeups.model import Metadata

_BULLET = re.compile(
    r"^(?P<indent>[ \t]*)(?P<mark>[•◦▪▫‣○●·∙–\-*+]|\d{1,3}[.)])[ \t]+(?P<text>\S.*)$"
)
_CODE_LINE = re.compile(
    r"^\s*(?:def |class |import |from \S+ import |return\b|raise\b|yield\b|for \S.* in .*:$"
    r"|(?:if|elif|while|with|try|except|else|finally)\b.*:$|@\w|#(?!#)|print\(|del \w"
    r"|[\w.\[\]\"']+\s*(?:=|\+=|-=|\|=)\s*\S|[\w.]+\(.*\)\s*(?:#.*)?$"
    r"|[{}\[\]()]\s*$|\.\.\.|\$ |>>> )"
)
_SENTENCE_END = re.compile(r"[.!,;:]\s*$")
_LABEL = re.compile(r"^(?:speakers?|presenters?|by|author|published|date|update|note)\b\s*:?", re.I)
_HEADER_LABELS = {"author", "authors", "published", "date", "posted", "posted on", "updated"}
MAX_HEADING = 110
MAX_HEADER_LINES = 16


@dataclass(frozen=True, slots=True)
class _Block:
    lines: list[str]


def read_text(text: str) -> tuple[Metadata, str]:
    """Metadata from the header lines, and the rest as Markdown."""
    text = text.lstrip("\ufeff")
    tabbed = _is_tab_outline(text)
    text = text.expandtabs(4)
    blocks = _blocks(text)
    metadata, title, blocks = (Metadata(), "", blocks) if tabbed else _header(blocks)
    out: list[str] = [f"# {title}"] if title else []
    ladder: list[tuple[int, int]] = []
    for block in blocks:
        first = block.lines[0]
        if tabbed:
            out.append(_outline(block.lines))
            continue
        if _BULLET.match(first):
            out.append(_list(block.lines, ladder))
            continue
        ladder = []
        if _is_code(block.lines):
            out.append(_fence(block.lines))
        elif len(block.lines) == 1 and is_heading_line(first):
            out.append("## " + first.strip())
        else:
            out.append("\n".join(line.strip() for line in block.lines))
    return metadata, "\n\n".join(out) + "\n"


def _is_tab_outline(text: str) -> bool:
    """Notes typed as an outline: unindented lines head sections, tabs nest the notes."""
    lines = [line for line in text.split("\n") if line.strip()]
    return len(lines) >= 5 and sum(1 for line in lines if line.startswith("\t")) * 2 >= len(lines)


def _outline(lines: list[str]) -> str:
    """A block of a tab outline: an unindented line is a heading, indented lines are
    bullets nested one level per tab."""
    unindented = len(lines[0]) - len(lines[0].lstrip()) < 4
    if len(lines) == 1 and unindented and len(lines[0].strip()) <= MAX_HEADING:
        return "## " + lines[0].strip().rstrip(" -")
    out = []
    for line in lines:
        depth = max(0, (len(line) - len(line.lstrip())) // 4 - 1)
        out.append("  " * depth + "- " + line.strip())
    return "\n".join(out)


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(_Block(current))
            current = []
    if current:
        blocks.append(_Block(current))
    return blocks


def is_heading_line(line: str) -> bool:
    """A bare line that reads as a heading: short, no closing punctuation, not a label."""
    stripped = line.strip().strip('“”"')
    if not stripped or len(stripped) > MAX_HEADING or _SENTENCE_END.search(stripped):
        return False
    if (stripped[0].isascii() and stripped[0].islower()) or _LABEL.match(stripped):
        return False
    return not stripped.startswith(("http://", "https://", "[", "(", "|", ">"))


def _header(blocks: list[_Block]) -> tuple[Metadata, str, list[_Block]]:
    """Leading one-line blocks up to a date line (site, title, author, tags, date), else
    just a first heading line: the title."""
    lines: list[str] = []
    used = 0
    for block in blocks[:MAX_HEADER_LINES]:
        if any(len(line.strip()) > MAX_HEADING for line in block.lines):
            break
        lines.extend(line.strip() for line in block.lines)
        used += 1
        if find_date(lines[-1]) or len(lines) > MAX_HEADER_LINES:
            break
    if not lines or find_date(lines[-1]) is None:
        first = blocks[0].lines if blocks else []
        if len(first) == 1 and is_heading_line(first[0]):
            return Metadata(title=first[0].strip()), first[0].strip(), blocks[1:]
        return Metadata(), "", blocks
    author, tags, named = "", [], []
    for index, line in enumerate(lines[:-1]):
        after = lines[index - 1].rstrip(":").lower() if index else ""
        if line.rstrip(":").lower() in _HEADER_LABELS or after in _HEADER_LABELS - {
            "author",
            "authors",
        }:
            continue
        if after in ("author", "authors"):
            author = line
        elif re.fullmatch(r"[a-z][\w-]*", line):
            tags.append(line)
        else:
            named.append(line)
    year = re.compile(r"\b(?:19|20)\d\d\b")
    title = next((n for n in named if year.search(n)), named[0] if named else "")
    metadata = Metadata(
        title=title, published=find_date(lines[-1]), author=author, tags=tuple(tags)
    )
    return metadata, title, blocks[used:]


def _is_code(lines: list[str]) -> bool:
    coded = sum(1 for line in lines if len(line) < 120 and _CODE_LINE.match(line))
    prose = any(
        len(line.split()) > 14 or (len(line.split()) > 8 and line.rstrip().endswith("."))
        for line in lines
    )
    if prose or coded * 2 < len(lines) or not coded:
        return False
    return len(lines) > 1 or lines[0].rstrip().endswith((")", ":"))


def _fence(lines: list[str]) -> str:
    margin = min(len(line) - len(line.lstrip()) for line in lines)
    return "```\n" + "\n".join(line[margin:] for line in lines) + "\n```"


def _list(lines: list[str], ladder: list[tuple[int, int]]) -> str:
    """A list block as Markdown. ``ladder`` holds (source indent, content offset) of the
    open items, kept across blank-separated items of one list."""
    out: list[str] = []
    for line in lines:
        match = _BULLET.match(line)
        if match is None:
            offset = ladder[-1][1] if ladder else 2
            out.append(" " * offset + line.strip())
            continue
        indent = len(match["indent"])
        while ladder and ladder[-1][0] >= indent:
            ladder.pop()
        parent = ladder[-1][1] if ladder else 0
        mark = match["mark"]
        marker = mark if mark[0].isdigit() else "-"
        ladder.append((indent, parent + len(marker) + 1))
        out.append(" " * parent + f"{marker} {match['text'].strip()}")
    return "\n".join(out)
