"""Note text kept in files when the database could not take it: a save that stayed
locked at quit, a closed terminal, an external editor's file. Each draft is a plain
Markdown file in the ``recovery`` folder beside the database; its name says which
note it belongs to. confnote offers every draft at the next start."""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from confnote.paths import ensure_private_dir

_NAME = re.compile(r"^(?P<db>.+)\.(?P<kind>talk|note)-(?P<id>\d+)\.(?P<stamp>\d+-\d+)\.md$")


@dataclass(frozen=True, slots=True)
class Draft:
    path: Path
    talk_id: int | None
    note_id: int | None
    saved_at: datetime

    def read(self) -> str:
        return self.path.read_text(encoding="utf-8")


def recovery_dir(database: Path) -> Path:
    return database.parent / "recovery"


def keep_draft(database: Path, body: str, *, talk_id: int | None, note_id: int | None) -> Draft:
    """Write ``body`` to a new draft file (private, synced to disk) and return it."""
    folder = ensure_private_dir(recovery_dir(database))
    kind, number = ("talk", talk_id) if talk_id is not None else ("note", note_id)
    stamp = f"{time.time_ns() // 1000:d}-{os.getpid()}"
    path = folder / f"{database.name}.{kind}-{number}.{stamp}.md"
    descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(body)
        file.flush()
        os.fsync(file.fileno())
    draft = _draft(path, database)
    assert draft is not None
    return draft


def drafts_of(database: Path) -> list[Draft]:
    """The drafts kept for ``database``, oldest first."""
    folder = recovery_dir(database)
    if not folder.is_dir():
        return []
    found = (_draft(path, database) for path in folder.iterdir())
    return sorted((d for d in found if d is not None), key=lambda d: d.saved_at)


def _draft(path: Path, database: Path) -> Draft | None:
    match = _NAME.match(path.name)
    if match is None or match["db"] != database.name:
        return None
    number = int(match["id"])
    saved_at = datetime.fromtimestamp(int(match["stamp"].split("-")[0]) / 1e6, UTC)
    if match["kind"] == "talk":
        return Draft(path, number, None, saved_at)
    return Draft(path, None, number, saved_at)
