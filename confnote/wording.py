"""Small pieces of English the CLI and the app share."""

from __future__ import annotations


def counted(number: int, noun: str) -> str:
    """ "1 talk", "2 talks": a count with its noun, plural when it is not one."""
    return f"{number} {noun}" + ("" if number == 1 else "s")
