"""Completes file paths in an Input, reading folders off the UI thread."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from textual.suggester import Suggester


def complete_path(value: str) -> str | None:
    """The first entry of the typed folder that extends ``value`` (folders end in "/")."""
    if not value or "://" in value:
        return None
    typed = Path(value).expanduser()
    folder, prefix = (typed, "") if value.endswith(os.sep) else (typed.parent, typed.name)
    try:
        names = sorted(
            entry.name + (os.sep if entry.is_dir() else "")
            for entry in os.scandir(folder)
            if entry.name.startswith(prefix)
        )
    except OSError:
        return None
    hidden = prefix.startswith(".")
    for name in names:
        if name.startswith(".") and not hidden:
            continue
        return value + name[len(prefix) :]
    return None


class PathSuggester(Suggester):
    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return await asyncio.to_thread(complete_path, value)
