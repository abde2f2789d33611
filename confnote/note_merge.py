"""Two texts of one note, merged line by line with conflict markers where they differ."""

from __future__ import annotations

import difflib

MINE_MARKER = "<<<<<<< this window"
SPLIT_MARKER = "======="
THEIRS_MARKER = ">>>>>>> other window"


def merge_with_markers(mine: str, theirs: str) -> str:
    """Lines both texts share appear once; each stretch where they differ appears as
    ``<<<<<<< this window`` / mine / ``=======`` / theirs / ``>>>>>>> other window``."""
    mine_lines = mine.splitlines(keepends=True)
    theirs_lines = theirs.splitlines(keepends=True)
    merged: list[str] = []
    matcher = difflib.SequenceMatcher(a=mine_lines, b=theirs_lines, autojunk=False)
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag == "equal":
            merged.extend(mine_lines[a_start:a_end])
            continue
        merged.append(MINE_MARKER + "\n")
        merged.extend(_ended(mine_lines[a_start:a_end]))
        merged.append(SPLIT_MARKER + "\n")
        merged.extend(_ended(theirs_lines[b_start:b_end]))
        merged.append(THEIRS_MARKER + "\n")
    text = "".join(merged)
    ends_open = not (mine.endswith("\n") or theirs.endswith("\n"))
    return text.removesuffix("\n") if ends_open and text.endswith(THEIRS_MARKER + "\n") else text


def _ended(lines: list[str]) -> list[str]:
    """The lines with a newline after the last, so a marker never joins a line."""
    if lines and not lines[-1].endswith("\n"):
        return [*lines[:-1], lines[-1] + "\n"]
    return lines
