"""The note template: the default leaves facts to the header; $cursor says where typing starts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from confnote.note_template import note_start, note_template
from confnote.store.records import Talk

TALK = Talk(
    id=1,
    conference_id=1,
    key="k",
    title="Parsing with parsers",
    starts_at=datetime(2025, 5, 17, 7, 15, tzinfo=UTC),
    duration=timedelta(minutes=30),
    room="Room B",
    speakers=("Grace Hopper",),
)


def test_the_default_template_starts_typing_under_notes_and_repeats_no_facts() -> None:
    body, (row, column) = note_start(TALK, UTC)
    assert body.splitlines()[row - 2] == "## Notes"
    assert column == 0 and body.splitlines()[row] == ""
    assert "$cursor" not in body
    for fact in ("Parsing with parsers", "Grace Hopper", "Room B", "07:15"):
        assert fact not in body


def test_a_custom_template_places_the_cursor_at_its_mark_and_fills_facts() -> None:
    body, cursor = note_start(TALK, UTC, "# $title\n- $cursor\n_${facts}_\n")
    assert body == "# Parsing with parsers\n- \n_Grace Hopper · Sat 17 May 07:15–07:45 · Room B_\n"
    assert cursor == (1, 2)
    assert note_template(TALK, UTC, "# $title\n- $cursor\n") == "# Parsing with parsers\n- \n"


def test_without_a_mark_the_cursor_starts_at_the_end() -> None:
    assert note_start(TALK, UTC, "# $title\nnotes: ") == ("# Parsing with parsers\nnotes: ", (1, 7))
