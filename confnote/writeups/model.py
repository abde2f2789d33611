"""What reading a write-up produces: plain frozen values, safe to pass between threads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from confnote.errors import InputError


class WriteupError(InputError):
    """A file that could not be read as a write-up: names the file, the place and the reason."""


@dataclass(frozen=True, slots=True)
class Metadata:
    """Front matter or page metadata; every field may be empty."""

    title: str = ""
    published: date | None = None
    author: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WrittenLink:
    """A link the write-up gives: ``kind`` is video, slides, schedule, repo or "" (other).
    ``url`` may be empty when only the label survived (a reference list in plain text)."""

    url: str
    label: str = ""
    kind: str = ""


@dataclass(frozen=True, slots=True)
class WrittenTalk:
    """One talk as the write-up tells it; ``note`` is Markdown."""

    title: str
    speakers: tuple[str, ...] = ()
    kind: str = "talk"
    tags: tuple[str, ...] = ()
    day: str = ""
    note: str = ""
    url: str = ""
    links: tuple[WrittenLink, ...] = ()


@dataclass(frozen=True, slots=True)
class SectionNote:
    """A conference-level note: intro, hallway track, sprints, closing words."""

    title: str
    body: str


@dataclass(frozen=True, slots=True)
class WrittenTodo:
    """A watch-later or follow-up item; ``talk_title`` names the talk it is about, if any."""

    text: str
    kind: str  # "watch_later" or "follow_up", as TodoKind values
    talk_title: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class ConferenceInfo:
    name: str = ""
    year: int | None = None
    starts_on: date | None = None
    ends_on: date | None = None


@dataclass(frozen=True, slots=True)
class ParsedWriteup:
    """A whole write-up, talks in file order."""

    source: str
    format: str
    conference: ConferenceInfo
    metadata: Metadata = field(default_factory=Metadata)
    days: tuple[str, ...] = ()
    talks: tuple[WrittenTalk, ...] = ()
    notes: tuple[SectionNote, ...] = ()
    todos: tuple[WrittenTodo, ...] = ()
    links: tuple[WrittenLink, ...] = ()
    warnings: tuple[str, ...] = ()
