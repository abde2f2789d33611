"""The text a new talk note starts from: a template whose ``$placeholders`` take the talk's facts.

The default template ships as ``assets/note-template.md``; the config file may name another.
Unknown placeholders and stray ``$`` signs are left as typed. ``$cursor`` marks where the
cursor starts; without it, the cursor starts at the end. The default template leaves the
talk's facts to the note pane's header, which stays current when the schedule changes.
"""

from __future__ import annotations

from datetime import tzinfo
from functools import cache
from string import Template

from confnote.clock_format import clock_time, time_span
from confnote.resources import asset
from confnote.store.records import Talk

# What a template can use, for `confnote config` and the README.
PLACEHOLDERS = (
    "title",
    "subtitle",
    "speakers",
    "day",
    "start",
    "end",
    "room",
    "track",
    "url",
    "facts",
    "cursor",
)
# Stands in for $cursor while substituting: a private-use character no talk contains.
_CURSOR_MARK = "\ue000"


@cache
def default_template() -> str:
    try:
        return asset("note-template.md").read_text(encoding="utf-8")
    except OSError:  # a broken install: a heading still beats nothing
        return "# $title\n_${facts}_\n\n"


def note_template(
    talk: Talk, where: tzinfo, template: str | None = None, *, twelve_hour: bool = False
) -> str:
    """The first text of ``talk``'s note, its times shown in the zone ``where``."""
    return note_start(talk, where, template, twelve_hour=twelve_hour)[0]


def note_start(
    talk: Talk, where: tzinfo, template: str | None = None, *, twelve_hour: bool = False
) -> tuple[str, tuple[int, int]]:
    """The first text of ``talk``'s note from ``template`` (None: the packaged one) and the
    (row, column) its cursor starts at."""
    start, end = talk.starts_at.astimezone(where), talk.ends_at.astimezone(where)
    fields = {
        "title": talk.title,
        "subtitle": talk.subtitle,
        "speakers": ", ".join(talk.speakers),
        "day": f"{start:%a %d %b}",
        "start": clock_time(start, twelve_hour),
        "end": clock_time(end, twelve_hour),
        "room": talk.room,
        "track": talk.track,
        "url": talk.url,
    }
    when = time_span(start, end, twelve_hour)
    fields["facts"] = " · ".join(f for f in (fields["speakers"], when, talk.room) if f)
    fields["cursor"] = _CURSOR_MARK
    text = Template(default_template() if template is None else template).safe_substitute(fields)
    before, marked, after = text.partition(_CURSOR_MARK)
    if not marked:
        lines = text.split("\n")
        return text, (len(lines) - 1, len(lines[-1]))
    lines = before.split("\n")
    return before + after.replace(_CURSOR_MARK, ""), (len(lines) - 1, len(lines[-1]))
