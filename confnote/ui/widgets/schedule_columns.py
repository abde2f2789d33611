"""How wide each schedule column is: the title first, then room, track and speakers.

Pure functions over the talks shown and the width available, so the rules can be tested
without a terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from zlib import crc32

from confnote.store.records import Talk

# Enough for most conference titles to show whole (FOSDEM's median title is ~50 characters).
TITLE_GOAL = 46
TITLE_MIN = 16
TITLE_ROOMY = 64
# Once each column has its narrowest: room codes whole, the track, whole room names, a
# longer title, speakers; "-short" is a room without its parenthesised name.
GROWTH = ("room-short", "track", "room", "title", "speakers")
# (key, label, narrowest useful width, widest worth giving); claimed in this order.
OPTIONAL = (
    ("room", "Room", 6, 24),
    ("track", "Track", 8, 24),
    ("speakers", "Speakers", 10, 32),
)
SLOTS = ("star", "note", "attended", "watch", "alert")
# Distinct hues that read on dark and light themes; a track keeps its colour across runs.
TRACK_COLOURS = (
    "#e06c75",
    "#61afef",
    "#98c379",
    "#e5c07b",
    "#c678dd",
    "#56b6c2",
    "#d19a66",
    "#be5046",
    "#7f9fff",
    "#b5cea8",
    "#ff9ee0",
    "#a0a0ff",
)


@dataclass(frozen=True, slots=True)
class Layout:
    """Widths of the columns shown, in order; a column missing from ``widths`` is not shown."""

    widths: dict[str, int]

    @property
    def keys(self) -> list[str]:
        return list(self.widths)


def column_text(talk: Talk, key: str) -> str:
    if key == "title":
        return talk.title + (f" — {talk.subtitle}" if talk.subtitle else "")
    if key == "speakers":
        return ", ".join(talk.speakers)
    value: str = getattr(talk, key)
    return value


def cell_text(talk: Talk, key: str, width: int) -> str:
    """What the ``key`` column shows for ``talk`` in ``width`` cells."""
    return shorten(column_text(talk, key), width, room=key == "room")


def room_code(room: str) -> str:
    """A room without its parenthesised name: "H.1302 (Depage)" is "H.1302"."""
    return room.split(" (", 1)[0]


def shorten(text: str, width: int, *, room: bool = False) -> str:
    """``text`` cut to ``width`` cells; a room like "H.1302 (Depage)" first drops its
    parenthesised name, which is the part people need least."""
    if room and len(text) > width:
        text = room_code(text)
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def fit_columns(talks: Sequence[Talk], available: int, fixed: dict[str, int]) -> Layout:
    """Give ``fixed`` columns their width, the title up to its goal, then room, track and
    speakers (those the talks use) their narrowest, then widen them in ``GROWTH`` order;
    the title takes whatever is left.

    Every width, ``fixed`` ones included, counts the one-cell gap after the column.
    """
    natural = {
        key: max((len(column_text(talk, key)) for talk in talks), default=0) + GAP
        for key in ("title", *(key for key, *_ in OPTIONAL))
    }
    short_rooms = max((len(room_code(talk.room)) for talk in talks), default=0)
    free = available - sum(fixed.values())
    widths = {"title": max(TITLE_MIN + GAP, min(natural["title"], TITLE_GOAL + GAP, free))}
    free -= widths["title"]
    targets = {"room-short": short_rooms + GAP, "title": TITLE_ROOMY + GAP}
    for key, _label, narrowest, widest in OPTIONAL:
        if natural[key] == GAP:
            continue  # no talk has one
        width = min(narrowest + GAP, natural[key])
        if width > free:
            break
        widths[key], targets[key] = width, min(widest + GAP, natural[key])
        free -= width
    for stage in GROWTH:
        key = stage.removesuffix("-short")
        if key in widths and stage in targets:
            grow = max(0, min(free, targets[stage] - widths[key], natural[key] - widths[key]))
            widths[key], free = widths[key] + grow, free - grow
    widths["title"] += max(free, 0)
    return Layout({**fixed, **widths})


GAP = 1
LABELS = {"title": "Title", **{key: label for key, label, *_ in OPTIONAL}}


def talk_marks(talk: Talk, conflicts: set[int]) -> dict[str, tuple[str, str]]:
    """The marks a talk carries, by slot: (glyph, style)."""
    marks: dict[str, tuple[str, str]] = {}
    if talk.star:
        marks["star"] = ("★" * talk.star, "bold yellow")
    if talk.has_note:
        marks["note"] = ("✎", "cyan")
    if talk.attended:
        marks["attended"] = ("✓", "green")
    if talk.watch_later:
        marks["watch"] = ("◷", "magenta")
    if talk.cancelled:
        marks["alert"] = ("✗", "bold red")
    elif talk.id in conflicts:
        marks["alert"] = ("!", "bold red reverse")
    elif talk.changed:
        marks["alert"] = ("Δ", "bold yellow")
    return marks


def mark_slots(talks: Sequence[Talk], conflicts: set[int]) -> dict[str, int]:
    """The mark slots the talks use, in a fixed order, with the width of each."""
    widths: dict[str, int] = {}
    for talk in talks:
        for slot, (glyph, _style) in talk_marks(talk, conflicts).items():
            widths[slot] = max(widths.get(slot, 0), len(glyph))
    return {slot: widths[slot] for slot in SLOTS if slot in widths}


def track_colour(track: str) -> str:
    """A colour for ``track``, the same every run."""
    return TRACK_COLOURS[crc32(track.encode()) % len(TRACK_COLOURS)]
