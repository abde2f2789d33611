"""The recap post: intro, table of contents, talks grouped by day, track or tag, what
to watch later, open follow-ups and links, under the target's front matter.

Rendering is pure: it works on a :class:`PostSource` and never touches the store.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from confnote import agenda
from confnote.errors import ConfnoteError
from confnote.export.escapes import escape_templating
from confnote.export.note_body import (
    clean_note,
    defined_labels,
    markdown_parser,
    outline,
    rename_labels,
    shift_headings,
)
from confnote.export.post_source import PostSource, Selection
from confnote.export.slugs import check_slug, post_slug
from confnote.export.targets import FrontMatter, PostMeta, Target, TocStyle, target_named
from confnote.store.records import Talk, Todo

GROUP_LEVEL, TALK_LEVEL = 2, 3
# A post about every talk of a big conference would otherwise carry a tag per track.
MAX_TAGS = 8
UNGROUPED = {"track": "Other talks", "tag": "Untagged"}
# The one group of a conference whose days are not known (a write-up without dates).
UNDATED = "Talks"
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


class Grouping(StrEnum):
    DAY = "day"
    TRACK = "track"
    TAG = "tag"


@dataclass(frozen=True, slots=True)
class PostOptions:
    target: str = "hugo"
    selection: Selection = Selection.NOTES
    group: Grouping = Grouping.DAY
    toc: bool = False
    title: str = ""
    day: date | None = None  # the post's date; today when None
    author: str = ""
    slug: str = ""
    toml: bool = False  # TOML front matter for Hugo
    follow_ups: bool = False


@dataclass(frozen=True, slots=True)
class Post:
    text: str
    path: str  # where the target wants it, relative to the site's root
    title: str
    talks: int
    watch_later: int


def render_post(source: PostSource, options: PostOptions, today: date) -> Post:
    """The whole post as ``options.target`` wants it, and its path in the site."""
    target = target_named(options.target)
    if options.toml and target.name != "hugo":
        raise ConfnoteError("TOML front matter is an option for Hugo only (Zola always uses it)")
    title = options.title.strip() or default_title(source)
    day = options.day or today
    if options.slug:
        check_slug(options.slug)
    slug = options.slug or post_slug(title, fallback=source.conference.slug)
    talks = source.chosen_talks(options.selection)
    intro, extra_notes = _intro_and_extra_notes(source)
    meta = PostMeta(
        title=title,
        day=day,
        tags=_tags(talks),
        description=first_sentence(intro),
        author=options.author.strip(),
        slug=slug,
        toc=options.toc,
    )
    writer = _BodyWriter(source, target)
    body = writer.body(title, intro, talks, extra_notes, options)
    text = target.front_matter_text(meta, toml=options.toml) + body
    return Post(text, target.file_path(slug, day), title, len(talks), len(source.watch_later()))


def default_title(source: PostSource) -> str:
    """ "<Conference> <year>: my notes", without repeating a year the name already has."""
    conference = source.conference
    year = conference.starts_on.year if conference.starts_on else None
    if year is None and source.talks:
        year = source.talks[0].starts_at.year
    name = conference.name
    # "PyCon 2025", "PyData Berlin 2022" and "DebConf 23" already say a year.
    if year is not None and not re.search(rf"\b(?:(?:19|20)\d\d|{year % 100:02d})\b", name):
        name = f"{name} {year}"
    return f"{name}: my notes"


def first_sentence(markdown: str) -> str:
    """The first sentence of the first paragraph, as plain text."""
    tokens = markdown_parser().parse(markdown)
    for index, token in enumerate(tokens):
        if token.type == "paragraph_open":
            inline = tokens[index + 1]
            text = "".join(
                child.content if child.type != "softbreak" else " "
                for child in inline.children or ()
            )
            text = " ".join(text.split())
            return _SENTENCE_END.split(text, maxsplit=1)[0] if text else ""
    return ""


def _intro_and_extra_notes(source: PostSource) -> tuple[str, list[tuple[str, str]]]:
    """The first conference note is the intro; the others become sections of their own."""
    cleaned = [
        (note.title, body)
        for note in source.conference_notes
        if (body := clean_note(note.body, note.title))
    ]
    if not cleaned:
        return "", []
    return cleaned[0][1], cleaned[1:]


def _tags(talks: list[Talk]) -> tuple[str, ...]:
    """Tracks and tags of the talks in the post, most used first."""
    counts = Counter(
        name.strip().casefold()
        for talk in talks
        for name in (talk.track, *talk.tags)
        if name.strip()
    )
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple(name for name, _ in ranked[:MAX_TAGS])


def escape_inline(text: str) -> str:
    """A title or name as literal Markdown text on one line."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    # A heading's closing run of "#" would be dropped; a leading one would make a heading.
    if escaped.endswith("#"):
        escaped = escaped[:-1] + "\\#"
    if escaped.startswith(("#", "-", "+", "=")):
        escaped = "\\" + escaped
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", escaped)


def markdown_link(label: str, url: str) -> str:
    """``[label](url)``; the URL in angle brackets only when it holds spaces or parentheses."""
    if re.search(r"[\s()<>]", url):
        url = "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    return f"[{label}]({url})"


def github_anchor(heading: str, used: Counter[str]) -> str:
    """The id GitHub and dev.to give a heading, made unique like they do."""
    anchor = re.sub(r"[^\w\- ]", "", heading.casefold()).replace(" ", "-")
    count = used[anchor]
    used[anchor] += 1
    return f"{anchor}-{count}" if count else anchor


class _BodyWriter:
    def __init__(self, source: PostSource, target: Target) -> None:
        self.source = source
        self.target = target
        self.zone = agenda.zone(source.conference.time_zone)
        self.days = source.days or agenda.ProgrammeDays(self.zone)
        # A write-up without dates gives talks a stand-in day and no length: no day
        # headings then, rather than made-up weekdays.
        self.days_known = source.conference.starts_on is not None or any(
            talk.duration for talk in source.talks
        )
        self.headings: list[tuple[int, str]] = []
        # Reference and footnote labels defined so far: they are shared by the whole post.
        self.labels: set[str] = set()

    def escape(self, text: str) -> str:
        return escape_templating(text, self.target.templating)

    def heading(self, level: int, text: str) -> str:
        self.headings.append((level, text))
        return f"{'#' * level} {self.escape(escape_inline(text))}"

    def body(
        self,
        title: str,
        intro: str,
        talks: list[Talk],
        extra_notes: list[tuple[str, str]],
        options: PostOptions,
    ) -> str:
        blocks: list[str] = []
        if self.target.front_matter is FrontMatter.NONE:
            blocks.append(f"# {self.escape(escape_inline(title))}")
        if intro:
            blocks.append(self.note_text(intro, GROUP_LEVEL, "the intro"))
        toc_at = len(blocks)
        for group, members in self.groups(talks, options.group):
            blocks.append(self.heading(GROUP_LEVEL, group))
            blocks.extend(self.talk_section(talk) for talk in members)
        for note_title, note_body in extra_notes:
            blocks.append(self.heading(GROUP_LEVEL, note_title))
            blocks.append(self.note_text(note_body, TALK_LEVEL, f"the note “{note_title}”"))
        blocks.extend(self.watch_later_section())
        if options.follow_ups:
            blocks.extend(self.follow_ups_section())
        blocks.extend(self.links_section())
        if options.toc:
            toc = self.toc()
            if toc:
                blocks.insert(toc_at, toc)
        return "\n\n".join(block for block in blocks if block) + "\n"

    def groups(self, talks: list[Talk], grouping: Grouping) -> Iterator[tuple[str, list[Talk]]]:
        groups: dict[str, list[Talk]] = {}
        for talk in talks:
            groups.setdefault(self.group_of(talk, grouping), []).append(talk)
        last = UNGROUPED.get(grouping.value)
        for name, members in groups.items():
            if name != last:
                yield name, members
        if last in groups:
            yield last, groups[last]

    def group_of(self, talk: Talk, grouping: Grouping) -> str:
        if grouping is Grouping.DAY:
            if not self.days_known:
                return UNDATED
            day = self.days.day_of(talk.starts_at)
            return f"{day:%A} {day.day} {day:%B}"
        if grouping is Grouping.TRACK:
            return talk.track.strip() or UNGROUPED["track"]
        return sorted(talk.tags)[0] if talk.tags else UNGROUPED["tag"]

    def talk_section(self, talk: Talk) -> str:
        parts = [self.heading(TALK_LEVEL, talk.title)]
        if talk.speakers:
            parts.append("by " + self.escape(escape_inline(", ".join(talk.speakers))))
        links = [
            markdown_link(label, url)
            for label, url in (
                ("Video", talk.video_url),
                ("Slides", talk.slides_url),
                ("Schedule page", talk.url),
            )
            if url
        ]
        if links:
            parts.append(" · ".join(links))
        if talk.rating:
            parts.append(f"Rating: {'★' * talk.rating}{'☆' * (5 - talk.rating)} ({talk.rating}/5)")
        note = self.source.notes.get(talk.id, "")
        if note:
            parts.append(self.note_text(note, TALK_LEVEL + 1, f"the note of “{talk.title}”"))
        return "\n\n".join(parts)

    def note_text(self, note: str, top_level: int, what: str) -> str:
        """A note with its headings under ``top_level`` and its templating made literal;
        refused if that changed its structure beyond heading levels."""
        note = self.unique_labels(note)
        before = outline(note)
        shifted = shift_headings(note, top_level)
        for level, text in _top_headings(shifted):
            self.headings.append((level, text))
        ready = self.escape(shifted)
        if outline(ready) != before:
            raise ConfnoteError(f"{what}: rewriting it for {self.target.label} changed its layout")
        return ready

    def unique_labels(self, note: str) -> str:
        """Rename the note's reference and footnote labels that an earlier note defined."""
        labels = defined_labels(note)
        renames = {}
        for label in sorted(labels & self.labels):
            number = 2
            while f"{label}-{number}" in self.labels | labels:
                number += 1
            renames[label] = f"{label}-{number}"
        self.labels |= (labels - renames.keys()) | set(renames.values())
        return rename_labels(note, renames)

    def watch_later_section(self) -> list[str]:
        todos = self.source.watch_later()
        if not todos:
            return []
        return [self.heading(GROUP_LEVEL, "Talks to watch later"), self.todo_list(todos)]

    def follow_ups_section(self) -> list[str]:
        todos = self.source.open_follow_ups()
        if not todos:
            return []
        return [self.heading(GROUP_LEVEL, "Follow-ups"), self.todo_list(todos, box=True)]

    def todo_list(self, todos: list[Todo], *, box: bool = False) -> str:
        lines = []
        for todo in todos:
            talk = self.source.talk(todo.talk_id)
            if talk is not None and not box:
                text = escape_inline(talk.title)
                url = todo.url or talk.video_url or talk.url
                speakers = f" — {escape_inline(', '.join(talk.speakers))}" if talk.speakers else ""
            else:
                text, url, speakers = escape_inline(todo.text), todo.url, ""
                if talk is not None:
                    speakers = f" (from “{escape_inline(talk.title)}”)"
            item = markdown_link(text, url) if url else text
            lines.append(f"- {'[ ] ' if box else ''}{self.escape(item + speakers)}")
        return "\n".join(lines)

    def links_section(self) -> list[str]:
        conference = self.source.conference
        links = [
            "- " + markdown_link(label, url)
            for label, url in (
                (escape_inline(conference.name), conference.url),
                ("Schedule", self.source.schedule_url),
            )
            if url
        ]
        if not links:
            return []
        return [self.heading(GROUP_LEVEL, "Links"), "\n".join(links)]

    def toc(self) -> str:
        style = self.target.toc
        if style is TocStyle.MARKER:
            return self.target.toc_marker
        if style is not TocStyle.LIST:
            return ""
        used: Counter[str] = Counter()
        lines = []
        for level, text in self.headings:
            anchor = github_anchor(text, used)
            if level <= TALK_LEVEL:
                indent = "  " * (level - GROUP_LEVEL)
                lines.append(f"{indent}- [{self.escape(escape_inline(text))}](#{anchor})")
        return "\n".join(lines)


def _top_headings(markdown: str) -> list[tuple[int, str]]:
    tokens = markdown_parser().parse(markdown)
    return [
        (int(token.tag[1]), tokens[index + 1].content)
        for index, token in enumerate(tokens)
        if token.type == "heading_open" and token.level == 0
    ]
