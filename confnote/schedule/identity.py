"""Talk keys: the first id a schedule gives, made unique without dropping any talk."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime


def first_key(*candidates: str) -> str:
    """The first non-empty candidate, in the caller's precedence (guid, code, id, UID)."""
    for candidate in candidates:
        if candidate := candidate.strip():
            return candidate
    return ""


def fallback_key(title: str, starts_at: datetime, room: str) -> str:
    """A stable key for a talk whose file gives it no id: a hash of title, start and room."""
    seed = "\x1f".join((title.strip().casefold(), starts_at.isoformat(), room.strip().casefold()))
    return "auto:" + hashlib.sha1(seed.encode(), usedforsecurity=False).hexdigest()[:16]


def unique_keys(keys: Sequence[str]) -> list[str]:
    """``keys`` with repeats renamed ``key#2``, ``key#3``… in file order.

    The first occurrence keeps its key; a renamed key never takes a key that
    some other talk in the file has.
    """
    taken = set(keys)
    used: set[str] = set()
    result: list[str] = []
    for key in keys:
        if key in used:
            number = 2
            while f"{key}#{number}" in taken or f"{key}#{number}" in used:
                number += 1
            key = f"{key}#{number}"
        used.add(key)
        result.append(key)
    return result
