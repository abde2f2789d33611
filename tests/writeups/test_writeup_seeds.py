"""The five real write-ups in ../shared/seeds import as issue 7 describes.

Skipped when ../shared is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from confnote.writeups import read_writeup
from confnote.writeups.model import ParsedWriteup
from tests.helpers import SHARED

SEEDS = SHARED / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not here")


def seed(name: str) -> ParsedWriteup:
    return read_writeup(SEEDS / name).parsed


def titles(parsed: ParsedWriteup) -> list[str]:
    return [talk.title for talk in parsed.talks]


def test_pycon_us_2021_has_five_friday_talks_with_speakers_and_intro_notes() -> None:
    parsed = seed("pycon-us-2021-notes-part-1.txt")
    assert parsed.conference.name == "PyCon US 2021"
    assert len(parsed.talks) == 5
    first, last = parsed.talks[0], parsed.talks[-1]
    assert first.title == "Analyze, Govern, and Approve Model Training Experiments with Rubicon"
    assert first.speakers == ("Mike", "Joe", "Ryan Soley", "Sri")
    assert last.title.startswith("Zero to Production-Ready: A Best-Practices Process")
    assert last.speakers == ("Itamar Turner-Trauring",)
    assert {talk.day for talk in parsed.talks} == {"Friday Talks"}
    notes = {note.title: note.body for note in parsed.notes}
    assert "I attended PyCon US 2021" in notes["Introduction"]
    assert "In part 2" in notes["Coming up"]
    assert not any("Speaker" in talk.note.split("\n")[0] for talk in parsed.talks)


def test_pycon_us_2017_bullets_become_six_talks_and_the_double_bullet_two() -> None:
    parsed = seed("pycon-us-2017-wrapup.txt")
    assert parsed.conference.name == "PyCon US 2017"
    assert len(parsed.talks) == 6
    assert parsed.talks[0].title == "Next Level Testing"
    assert parsed.talks[0].speakers == ("James Saryerwinnie",)
    assert [(t.title, t.speakers) for t in parsed.talks[-2:]] == [
        ("Hacking Cars With Python", ("Eric Evenchick",)),
        ("Hacking Classic Nintendo Games with Python", ("Sam Agnew",)),
    ]
    bodies = " ".join(note.body for note in parsed.notes).lower()
    assert "hallway track" in bodies and "sprints start after" in bodies


def test_pycon_de_2022_has_eleven_talks_code_blocks_emoji_tags_and_reference_links() -> None:
    parsed = seed("pycon-de-pydata-berlin-2022-notes.txt")
    assert len(parsed.talks) == 11
    assert parsed.talks[0].title == "Adding a new operator to Python"
    assert parsed.talks[-1].title == "Inclusive Open Source"
    assert "```\ndef double(x: float) -> float:\n    return x * x" in parsed.talks[0].note
    tags = {tag for talk in parsed.talks for tag in talk.tags}
    assert tags == {"🐍", "⚛️", "🌍"}
    labels = [link.label for talk in parsed.talks for link in talk.links] + [
        link.label for link in parsed.links
    ]
    assert len(labels) == 11
    assert parsed.talks[0].links[0].label.startswith("Demystifying Python")
    assert not any(line.startswith("1. Demystifying") for line in parsed.talks[-1].note.split("\n"))


def test_pycascades_2024_talks_watch_later_and_follow_ups_and_header() -> None:
    parsed = seed("pycascades-2024-notes.txt")
    assert titles(parsed)[0] == "Types? in Python"
    assert titles(parsed)[-1] == "PyGame for game developer"
    assert len(parsed.talks) == 6
    assert "- Typing concepts/categories\n  - strongly vs weakly" in parsed.talks[0].note
    watch = [todo for todo in parsed.todos if todo.kind == "watch_later"]
    follow = [todo for todo in parsed.todos if todo.kind == "follow_up"]
    assert len(watch) == 15 and watch[0].text.startswith("problem solving by dissolution")
    assert len(follow) == 2 and follow[0].url == "https://temporal.io"
    assert parsed.metadata.author == "Sunny Hospital"
    assert parsed.metadata.published is not None
    assert parsed.metadata.published.isoformat() == "2024-04-10"


def test_lightning_transcript_is_one_session_with_one_image_warning() -> None:
    parsed = seed("pycon-us-lightning-talks-day-1-transcript.md")
    assert len(parsed.talks) == 1
    session = parsed.talks[0]
    assert session.kind == "lightning"
    assert session.title == "Lightning Talks - Day 1"
    assert "Welcome to Lightning Talks" in session.note
    assert len(parsed.warnings) == 1 and "image" in parsed.warnings[0]


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*")) if SEEDS.is_dir() else [])
def test_every_seed_imports_into_the_store_once(name: str, tmp_path: Path) -> None:
    from confnote.store import Store

    read = read_writeup(SEEDS / name)
    with Store.open(tmp_path / "t.db") as store:
        first = store.apply_writeups([read])[0]
        again = store.apply_writeups([read])[0]
        assert not first.unchanged and again.unchanged
        talks = store.list_talks(first.conference.id)
        assert len(talks) == len(read.parsed.talks)
        assert len(store.list_todos(first.conference.id)) == len(read.parsed.todos)
