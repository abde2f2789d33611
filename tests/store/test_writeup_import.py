"""Store.apply_writeups: one transaction, idempotent re-import, updates from a changed file,
attaching to scheduled talks without overwriting notes."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from confnote.errors import ConfnoteError, NotFoundError
from confnote.store import RevisionKind, Store, TodoKind
from confnote.writeups import read_writeup
from tests.helpers import talk_details

POST = """---
title: "ExampleConf 2025 recap"
date: 2025-05-20
---

Two days in Example City.

## Day 1

### Typing Without Tears by Ada Example

Gradual typing.

### Parsing Fast by Bo Sample

Fast parsers. [Video](https://www.youtube.com/watch?v=1)

## Day 2

### Tiny Parsers by Cy Placeholder

Small.

## Talks to watch

- Huge Parsers
- [Parsing Fast](https://www.youtube.com/watch?v=1)

## Hallway track

Met people.
"""


def write(tmp_path: Path, text: str, name: str = "recap.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def digest(db: Path) -> str:
    with sqlite3.connect(db) as connection:
        return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()


def test_a_write_up_makes_a_conference_with_talks_notes_and_todos(
    store: Store, tmp_path: Path
) -> None:
    report = store.apply_writeups([read_writeup(write(tmp_path, POST))])[0]
    conference = report.conference
    assert conference.name == "ExampleConf 2025"
    talks = {talk.title: talk for talk in store.list_talks(conference.id)}
    assert set(talks) == {"Typing Without Tears", "Parsing Fast", "Tiny Parsers"}
    assert talks["Parsing Fast"].speakers == ("Bo Sample",)
    assert talks["Parsing Fast"].video_url == "https://www.youtube.com/watch?v=1"
    assert talks["Tiny Parsers"].starts_at.date() == talks[
        "Typing Without Tears"
    ].starts_at.date() + timedelta(days=1)
    note = store.note_for_talk(talks["Typing Without Tears"].id)
    assert note is not None and note.body == "Gradual typing."
    assert [n.title for n in store.conference_notes(conference.id)] == [
        "Introduction",
        "Hallway track",
    ]
    todos = store.list_todos(conference.id)
    assert [(t.text, t.kind, t.talk_title) for t in todos] == [
        ("Huge Parsers", TodoKind.WATCH_LATER, ""),
        ("Parsing Fast", TodoKind.WATCH_LATER, "Parsing Fast"),
    ]
    assert report.talks_added == ("Typing Without Tears", "Parsing Fast", "Tiny Parsers")


def test_importing_the_same_file_again_writes_nothing(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, POST)
    store.apply_writeups([read_writeup(path)])
    before = digest(store.path)
    report = store.apply_writeups([read_writeup(path)])[0]
    assert report.unchanged
    assert digest(store.path) == before


def test_a_changed_file_updates_what_it_imported_instead_of_adding_twice(
    store: Store, tmp_path: Path
) -> None:
    path = write(tmp_path, POST)
    conference = store.apply_writeups([read_writeup(path)])[0].conference
    changed = POST.replace("Gradual typing.", "Gradual typing, revised.").replace(
        "- Huge Parsers\n", ""
    )
    write(tmp_path, changed)
    report = store.apply_writeups([read_writeup(path)])[0]
    assert not report.unchanged and report.talks_added == ()
    talks = {talk.title: talk for talk in store.list_talks(conference.id)}
    assert len(talks) == 3
    note = store.note_for_talk(talks["Typing Without Tears"].id)
    assert note is not None and note.body == "Gradual typing, revised."
    assert [t.text for t in store.list_todos(conference.id)] == ["Parsing Fast"]
    assert len(store.conference_notes(conference.id)) == 2


def test_talks_attach_to_scheduled_talks_and_existing_notes_are_appended_to(
    store: Store, tmp_path: Path
) -> None:
    conference = store.create_conference("ExampleConf 2025")
    scheduled = store.add_talk(
        conference.id, talk_details("g1", "Typing without tears!", speakers=("Ada Example",))
    )
    other = store.add_talk(
        conference.id, talk_details("g2", "Parsing fast", speakers=("Bo Sample",))
    )
    store.save_talk_note(scheduled.id, "My live notes.")
    report = store.apply_writeups([read_writeup(write(tmp_path, POST))])[0]
    assert report.conference.id == conference.id
    assert set(report.talks_matched) == {"Typing Without Tears", "Parsing Fast"}
    assert report.talks_added == ("Tiny Parsers",)
    talks = store.list_talks(conference.id)
    assert len(talks) == 3
    note = store.note_for_talk(scheduled.id)
    assert note is not None
    assert note.body.startswith("My live notes.\n\n## Imported from recap.md\n\nGradual typing.")
    assert [(r.body, r.kind) for r in store.note_revisions(note.id)] == [
        ("My live notes.", RevisionKind.IMPORT)  # pinned: never pruned
    ]
    assert store.talk(other.id).starts_at == other.starts_at
    again = store.apply_writeups([read_writeup(write(tmp_path, POST + "\nMore.\n"))])[0]
    assert again.talks_added == ()
    body = store.note_for_talk(scheduled.id).body  # type: ignore[union-attr]
    assert body.count("## Imported from recap.md") == 1 and body.startswith("My live notes.")


def test_several_posts_merge_into_one_conference(store: Store, tmp_path: Path) -> None:
    day2 = "# ExampleConf 2025 day 2\n\n## Huge Parsers by Di Example\n\nBig.\n"
    reports = store.apply_writeups(
        [read_writeup(write(tmp_path, POST)), read_writeup(write(tmp_path, day2, "day2.md"))]
    )
    assert reports[0].conference.id == reports[1].conference.id
    assert len(store.list_talks(reports[0].conference.id)) == 4


def test_a_named_conference_receives_the_write_up(store: Store, tmp_path: Path) -> None:
    target = store.create_conference("Somewhere Else")
    report = store.apply_writeups([read_writeup(write(tmp_path, POST))], conference_id=target.id)[0]
    assert report.conference.id == target.id
    assert store.find_conference("ExampleConf 2025") is None


def test_a_failed_import_leaves_the_store_unchanged(store: Store, tmp_path: Path) -> None:
    store.apply_writeups([read_writeup(write(tmp_path, "# Other 2024\n\n## A by Ada Example\n"))])
    before = digest(store.path)
    good = read_writeup(write(tmp_path, POST))
    with pytest.raises(NotFoundError):
        store.apply_writeups([good], conference_id=999)
    assert digest(store.path) == before
    with pytest.raises(ConfnoteError):
        store.apply_writeups([good, good], conference_id=999)
    assert digest(store.path) == before


def test_day_names_place_talks_on_the_conference_days(store: Store, tmp_path: Path) -> None:
    text = (
        "# ExampleConf 2021\n\nI attended ExampleConf 2021 on May 14-15.\n\n"
        "## Friday\n\n### A by Ada Example\n\n## Saturday\n\n### B by Bo Sample\n"
    )
    conference = store.apply_writeups([read_writeup(write(tmp_path, text))])[0].conference
    assert (conference.starts_on, conference.ends_on) == (date(2021, 5, 14), date(2021, 5, 15))
    days = [talk.starts_at.date() for talk in store.list_talks(conference.id)]
    assert days == [date(2021, 5, 14), date(2021, 5, 15)]
    assert all(isinstance(t.starts_at, datetime) for t in store.list_talks(conference.id))
