"""Finding the conference, days, talks, notes, TODOs and links in a write-up's Markdown.

Talk boundaries come from the heading level where most headings read as talks (a
"Speaker - Title" or "[Title](url) by …" pattern counts double), or, with no such
headings, from the list items or bold paragraphs that name talks. Headings above
that level are days, containers and conference sections; those below belong to
the section they sit in.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from confnote.writeups.blocks import list_items, trailing_reference_list
from confnote.writeups.conference import find_conference
from confnote.writeups.dates import find_date
from confnote.writeups.headings import Role, container_kind, heading_role, plain_heading
from confnote.writeups.links import (
    labelled_links,
    link_in,
    make_link,
    media_links,
    reference_definitions,
)
from confnote.writeups.model import (
    Metadata,
    ParsedWriteup,
    SectionNote,
    WrittenLink,
    WrittenTalk,
    WrittenTodo,
)
from confnote.writeups.names import split_names
from confnote.writeups.outline import Section, sections
from confnote.writeups.talk_bullets import BulletTalk, talks_in_bold_paragraphs, talks_in_bullets
from confnote.writeups.talk_line import TalkLine, read_talk_line, speaker_first_vote
from confnote.writeups.todos import FOLLOW_UP, WATCH_LATER, inline_follow_ups, section_todos

_SPEAKER_LINE = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|_)?(?:speakers?|presenters?|presented\s+by|by|sprecher(?:in)?"
    r"|orateur|ponente|スピーカー|登壇者)(?:\*\*|_)?[ \t]*[:：]?(?:\*\*|_)?[ \t]+(?P<names>\S.*)$",
    re.I,
)
_SESSION = re.compile(r"lightning|keynote|talk|session|tutorial|workshop|panel", re.I)
_ID_PART = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])\S+$")
_TITLE_NUMBER = re.compile(r"^(?:[A-Z]?\d{1,3}|part\s*\d+)\s*[：:.)]\s*", re.I)
_RELATIVE_IMAGE = re.compile(r"!\[[^\]]*\]\((?!https?:|data:|//)(?P<path>[^)\s]+)[^)]*\)")
DOMINANT_SHARE = 0.6
# Features that mark the talk headings of a document apart from other headings at their level.
_MARKERS = frozenset({"emoji", "type", "link"})
MIN_DOMINANT = 3


@dataclass(slots=True)
class _Talk:
    line: TalkLine
    day: str
    kind: str
    body: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Note:
    title: str
    body: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Todos:
    level: int
    kind: str
    container: bool = False


@dataclass(slots=True)
class _Walk:
    talk_level: int | None
    speaker_first: bool
    dominant: frozenset[str]
    talks: list[_Talk] = field(default_factory=list)
    notes: list[_Note] = field(default_factory=list)
    todos: list[WrittenTodo] = field(default_factory=list)
    link_bodies: list[str] = field(default_factory=list)
    days: list[str] = field(default_factory=list)
    day: str = ""
    kind: str = ""
    in_container: bool = False
    inner_level: int | None = None  # the level of talks found below a container heading
    target: _Talk | _Note | None = None
    todo_section: _Todos | None = None


def segment(markdown: str, metadata: Metadata, *, source: str, fmt: str) -> ParsedWriteup:
    found = sections(markdown)
    preamble, headed = found[0], found[1:]
    title = metadata.title
    lone_h1 = headed and headed[0].level == 1 and sum(1 for s in headed if s.level == 1) == 1
    opening_h1 = (
        headed and headed[0].level == 1 and not preamble.body.strip() and not metadata.title
    )
    if lone_h1 or opening_h1:
        title = title or _clean_title(headed[0].text)
        first = headed.pop(0)
        preamble = Section(0, "", "\n\n".join(p for p in (preamble.body, first.body) if p))
    elif headed and title and plain_heading(headed[0].text) == plain_heading(title):
        first = headed.pop(0)
        preamble = Section(0, "", "\n\n".join(p for p in (preamble.body, first.body) if p))
    walk = _plan(headed)
    intro = _Note("Introduction", [preamble.body] if preamble.body.strip() else [])
    walk.notes.append(intro)
    for section in headed:
        _visit(walk, section)
    talks = [_finish(talk) for talk in walk.talks]
    if not talks:
        talks = _talks_without_headings(walk, title)
    notes = [SectionNote(n.title, _join(n.body)) for n in walk.notes if _join(n.body)]
    links, talks, notes = _links(markdown, walk, talks, notes)
    todos = _link_todos(walk.todos + _inline_todos(talks), talks)
    if metadata.published is None:
        # "2022-04-15-pycon-notes.md": a date in the file name is the post's date.
        metadata = replace(metadata, published=find_date(PurePath(source).name))
    conference = find_conference(title, markdown, source, metadata.published)
    return ParsedWriteup(
        source=source,
        format=fmt,
        conference=conference,
        metadata=metadata
        if metadata.title
        else Metadata(title, metadata.published, metadata.author, metadata.tags),
        days=tuple(dict.fromkeys(walk.days + [t.day for t in talks if t.day])),
        talks=tuple(talks),
        notes=tuple(notes),
        todos=tuple(todos),
        links=tuple(links),
        warnings=tuple(_warnings(markdown, talks)),
    )


# Choosing the talk level


def _plan(headed: list[Section]) -> _Walk:
    roles = [heading_role(s.text) for s in headed]
    candidates = [s for s, role in zip(headed, roles, strict=True) if role is Role.TALK]
    speaker_first = speaker_first_vote([s.text for s in candidates])
    scores: Counter[int] = Counter()
    lines: dict[int, list[TalkLine]] = {}
    for section in candidates:
        line = read_talk_line(section.text, speaker_first=speaker_first)
        scores[section.level] += 2 if line.explicit else 1
        lines.setdefault(section.level, []).append(line)
    if not scores:
        return _Walk(None, speaker_first, frozenset())
    level = min(scores, key=lambda lv: (-scores[lv], lv))
    at_level = lines[level]
    features = Counter(f for line in at_level for f in line.features & _MARKERS)
    dominant = frozenset(
        f
        for f, n in features.items()
        if n >= MIN_DOMINANT and n >= DOMINANT_SHARE * len(at_level) and n < len(at_level)
    )
    return _Walk(level, speaker_first, dominant)


# Walking the sections


def _visit(walk: _Walk, section: Section) -> None:
    role = heading_role(section.text)
    level, text, body = section.level, section.text, section.body
    if level <= (walk.talk_level or 99):
        walk.inner_level = None
        if role is not Role.CONTAINER:
            walk.in_container = role is Role.TALK and level < (walk.talk_level or 99)
    if walk.todo_section and _inside_todos(walk.todo_section, level, role):
        _todo_subsection(walk, walk.todo_section, section, role)
        return
    walk.todo_section = None
    talk_level = walk.talk_level or 99
    if role in (Role.TODO, Role.WATCH, Role.FOLLOW) and (
        level <= talk_level or walk.target is None
    ):
        kind = WATCH_LATER if role is Role.WATCH else FOLLOW_UP
        walk.todo_section = _Todos(level, kind, container=role is Role.TODO)
        walk.todos.extend(section_todos(body, kind))
        walk.target = None
        return
    if role is Role.LINKS and level <= talk_level:
        walk.link_bodies.append(body)
        walk.target = None
        return
    if role is Role.DAY and level <= talk_level:
        walk.day = plain_heading(text)
        walk.days.append(walk.day)
        walk.kind = ""
        walk.target = _note(walk, text, body) if body.strip() else None
        return
    if role is Role.CONFERENCE and level <= talk_level:
        walk.target = _note(walk, text, body)
        return
    if role is Role.CONTAINER and level <= talk_level:
        walk.kind = container_kind(text)
        walk.target = _note(walk, text, body) if body.strip() else None
        walk.in_container = True
        return
    if role is Role.TALK and _starts_talk(walk, section):
        line = read_talk_line(text, speaker_first=walk.speaker_first)
        talk = _Talk(line, walk.day, line.kind if line.kind != "talk" else walk.kind or "talk")
        talk.body.append(body)
        walk.talks.append(talk)
        walk.target = talk
        return
    if role is Role.TALK and level < talk_level:
        walk.kind = ""
        walk.target = _note(walk, text, body) if body.strip() else None
        walk.in_container = True
        return
    heading = "#" * min(6, level + 1) + " " + text
    if walk.target is None:
        walk.notes[0].body.append(heading + "\n\n" + body)
    else:
        walk.target.body.append(heading + ("\n\n" + body if body else ""))


def _starts_talk(walk: _Walk, section: Section) -> bool:
    level = walk.talk_level
    if level is None:
        return False
    if section.level == level:
        if not walk.dominant:
            return True
        line = read_talk_line(section.text, speaker_first=walk.speaker_first)
        return bool(line.features & walk.dominant)
    if section.level > level and walk.in_container and walk.inner_level in (None, section.level):
        walk.inner_level = section.level
        return True
    return False


def _inside_todos(todos: _Todos, level: int, role: Role) -> bool:
    if level > todos.level:
        return True
    return (
        level == todos.level
        and todos.container
        and role in (Role.TALK, Role.WATCH, Role.FOLLOW, Role.LABEL)
    )


def _todo_subsection(walk: _Walk, todos: _Todos, section: Section, role: Role) -> None:
    if (todos.container and section.level == todos.level) or (
        todos.container and role in (Role.WATCH, Role.FOLLOW)
    ):
        kind = WATCH_LATER if role is Role.WATCH else FOLLOW_UP
        walk.todos.extend(section_todos(section.body, kind))
        return
    walk.todos.extend(section_todos(section.text, todos.kind))
    walk.todos.extend(section_todos(section.body, todos.kind))


def _note(walk: _Walk, heading: str, body: str) -> _Note:
    note = _Note(plain_heading(heading) or heading.strip(), [body] if body.strip() else [])
    walk.notes.append(note)
    return note


def _finish(talk: _Talk) -> WrittenTalk:
    line = talk.line
    note = _join(talk.body)
    speakers = line.speakers
    if not speakers:
        speakers, note = _speakers_from_note(note)
    links = tuple(labelled_links(note)) + tuple(media_links(note))
    if line.url:
        links = (make_link(line.url, "talk"), *links)
    return WrittenTalk(
        title=line.title,
        speakers=speakers,
        kind=talk.kind,
        tags=line.tags,
        day=talk.day,
        note=note,
        url=line.url,
        links=links,
    )


def _speakers_from_note(note: str) -> tuple[tuple[str, ...], str]:
    """A "Speakers: Ada and Bo" or "by Ada" line among the first lines of a note."""
    lines = note.split("\n")
    for index, line in enumerate(lines[:4]):
        match = _SPEAKER_LINE.match(line)
        names = split_names(match["names"]) if match else None
        if names:
            rest = "\n".join(lines[:index] + lines[index + 1 :]).strip("\n")
            return names, rest
    return (), note


# Talks without talk headings


def _talks_without_headings(walk: _Walk, title: str) -> list[WrittenTalk]:
    """Talks from list items or bold paragraphs of the intro, days and containers; else the
    whole document as one session when its title names one."""
    talks: list[WrittenTalk] = []
    for note in walk.notes:
        body = _join(note.body)
        found, rest = talks_in_bullets(body)
        if not found:
            found, rest = talks_in_bold_paragraphs(body)
        if found:
            day = note.title if heading_role(note.title) is Role.DAY else ""
            talks.extend(_bullet_talk(talk, day, container_kind(note.title)) for talk in found)
            note.body = [rest]
    if talks or not title or not _SESSION.search(title):
        return talks
    intro = walk.notes[0]
    session = read_talk_line(_clean_title(title))
    day = next((p for p in _title_parts(title) if heading_role(p) is Role.DAY), "")
    if day:
        walk.days.append(day)
    body = _join(intro.body)
    intro.body = []
    kind = container_kind(title) or session.kind
    return [
        WrittenTalk(title=_clean_title(title), kind=kind, day=day, note=body, tags=session.tags)
    ]


def _bullet_talk(found: BulletTalk, day: str, kind: str) -> WrittenTalk:
    line = found.line
    links = (make_link(line.url, "talk"),) if line.url else ()
    return WrittenTalk(
        title=line.title,
        speakers=line.speakers,
        kind=line.kind if line.kind != "talk" else kind or "talk",
        tags=line.tags,
        day=day,
        note=found.note,
        url=line.url,
        links=links + tuple(labelled_links(found.note)) + tuple(media_links(found.note)),
    )


def _title_parts(title: str) -> list[str]:
    return [p.strip() for p in re.split(r"\s+[-–—|]\s+", _TITLE_NUMBER.sub("", title)) if p.strip()]


def _clean_title(title: str) -> str:
    """A title without a leading "P12：" number or trailing uploader and video ids."""
    parts = _title_parts(title)
    while len(parts) > 1 and _ID_PART.match(parts[-1]):
        parts.pop()
    return " - ".join(parts) or title.strip()


# Links and TODOs


def _links(
    markdown: str, walk: _Walk, talks: list[WrittenTalk], notes: list[SectionNote]
) -> tuple[list[WrittenLink], list[WrittenTalk], list[SectionNote]]:
    """Reference lists and link sections go to the talks they name; the rest is the conference's."""
    loose: list[WrittenLink] = []
    for body in walk.link_bodies:
        loose.extend(link_in(item.first) for item in list_items(body))
    if talks:
        trailing = trailing_reference_list(talks[-1].note)
        if trailing:
            items, rest = trailing
            talks[-1] = _replace_note(talks[-1], rest)
            loose.extend(link_in(item) for item in items)
    by_talk: dict[int, list[WrittenLink]] = {}
    conference: list[WrittenLink] = []
    for label, link in reference_definitions(markdown):
        index = next(
            (
                n
                for n, t in enumerate(talks)
                if f"][{label}]" in t.note or f"[{label}]" in t.note.replace(f"[{label}]:", "")
            ),
            None,
        )
        (by_talk.setdefault(index, []) if index is not None else conference).append(link)
    for link in loose:
        index = _talk_named(link.label, talks)
        (by_talk.setdefault(index, []) if index is not None else conference).append(link)
    for index, extra in by_talk.items():
        talk = talks[index]
        talks[index] = WrittenTalk(
            title=talk.title,
            speakers=talk.speakers,
            kind=talk.kind,
            tags=talk.tags,
            day=talk.day,
            note=talk.note,
            url=talk.url,
            links=talk.links + tuple(extra),
        )
    return conference, talks, notes


def _replace_note(talk: WrittenTalk, note: str) -> WrittenTalk:
    return WrittenTalk(
        title=talk.title,
        speakers=talk.speakers,
        kind=talk.kind,
        tags=talk.tags,
        day=talk.day,
        note=note,
        url=talk.url,
        links=talk.links,
    )


def _talk_named(label: str, talks: list[WrittenTalk]) -> int | None:
    """The talk whose title or note names ``label`` (fuzzily), if one does."""
    from rapidfuzz import fuzz

    wanted = " ".join(label.lower().split()).rstrip(".")
    if len(wanted) < 4:
        return None
    best, best_score = None, 0.0
    for index, talk in enumerate(talks):
        title = talk.title.lower()
        score = max(
            fuzz.ratio(wanted, title),
            fuzz.partial_ratio(title, wanted) if len(title) >= 8 else 0,
            95.0 if _named_in(wanted, talk.note) else 0,
        )
        if score > best_score:
            best, best_score = index, score
    return best if best_score >= 88 else None


def _named_in(label: str, note: str) -> bool:
    """Whether the note names the label, or the part of it before a colon."""
    text = " ".join(note.lower().split())
    head = label.split(":", 1)[0]
    return label in text or (len(head) >= 12 and head in text)


def _inline_todos(talks: list[WrittenTalk]) -> list[WrittenTodo]:
    return [todo for talk in talks for todo in inline_follow_ups(talk.note, talk.title)]


def _link_todos(todos: list[WrittenTodo], talks: list[WrittenTalk]) -> list[WrittenTodo]:
    linked = []
    for todo in todos:
        if not todo.talk_title:
            index = _talk_named(todo.text, talks)
            if index is not None:
                todo = WrittenTodo(todo.text, todo.kind, talks[index].title, todo.url)
        linked.append(todo)
    return linked


def _warnings(markdown: str, talks: list[WrittenTalk]) -> list[str]:
    warnings = []
    images = [m["path"] for m in _RELATIVE_IMAGE.finditer(markdown)]
    if images:
        warnings.append(
            f"{len(images)} image link(s) point to files beside the write-up ({images[0]}, …); "
            "they are kept as written and not opened"
        )
    if not talks:
        warnings.append("no talks found")
    return warnings


def _join(parts: list[str]) -> str:
    return re.sub(r"\n{3,}", "\n\n", "\n\n".join(p.strip("\n") for p in parts if p.strip())).strip()
