from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from confnote.note_merge import MINE_MARKER, THEIRS_MARKER, merge_with_markers


def test_shared_lines_appear_once_and_each_difference_is_marked() -> None:
    mine = "# Talk\n\nintro\n AAA\n"
    theirs = "# Talk\n\nintro\n BBB\n"
    assert merge_with_markers(mine, theirs) == (
        "# Talk\n\nintro\n<<<<<<< this window\n AAA\n=======\n BBB\n>>>>>>> other window\n"
    )


def test_a_last_line_without_newline_never_runs_into_a_marker() -> None:
    merged = merge_with_markers("start\n AAA", "start\n BBB")
    assert merged.splitlines() == [
        "start",
        MINE_MARKER,
        " AAA",
        "=======",
        " BBB",
        THEIRS_MARKER,
    ]


def test_equal_texts_merge_to_themselves() -> None:
    assert merge_with_markers("same\ntext", "same\ntext") == "same\ntext"


lines = st.lists(st.sampled_from(["a", "b", "c", " AAA", ""]), max_size=8)


@given(lines, lines)
def test_every_line_of_both_texts_survives_the_merge(mine: list[str], theirs: list[str]) -> None:
    mine_text, theirs_text = "\n".join(mine), "\n".join(theirs)
    merged = merge_with_markers(mine_text, theirs_text).splitlines()
    for line in {*mine_text.splitlines(), *theirs_text.splitlines()}:
        assert line in merged
