"""Where the attendee left the app, kept in the store's one-row ``last_place`` table.

Read and written in plain sqlite3, so the app's first screen (which runs before
SQLAlchemy loads) opens at the place too. The read names only what still exists:
a talk or note deleted since, or one of another conference, reads as None.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Literal

Pane = Literal["schedule", "note", "todo"]
PANES: tuple[Pane, ...] = ("schedule", "note", "todo")
# How long saving the place waits for another program's write lock (seconds).
PLACE_WAIT = 0.2


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """The conference shown, its day (None: all days), the talk under the cursor, the
    open note (a talk's by ``note_talk_id`` or a conference note by ``note_id``) and
    the focused pane. Two places are equal wherever they were left, whenever."""

    conference_id: int
    day: date | None = None
    talk_id: int | None = None
    note_talk_id: int | None = None
    note_id: int | None = None
    pane: Pane = "schedule"
    left_at: datetime = field(compare=False)


_READ = """
SELECT p.conference_id, p.day, t.id, nt.id, n.id, p.pane, p.left_at
FROM last_place p
JOIN conference c ON c.id = p.conference_id
LEFT JOIN talk t ON t.id = p.talk_id AND t.conference_id = p.conference_id
LEFT JOIN talk nt ON nt.id = p.note_talk_id AND nt.conference_id = p.conference_id
LEFT JOIN note n ON n.id = p.note_id AND n.conference_id = p.conference_id AND n.talk_id IS NULL
WHERE p.id = 1
"""
# Names only rows of the place's conference that exist; no conference, no row.
_WRITE = """
INSERT OR REPLACE INTO last_place
    (id, conference_id, day, talk_id, note_talk_id, note_id, pane, left_at)
SELECT 1, c.id, ?,
    (SELECT id FROM talk WHERE id = ? AND conference_id = c.id),
    (SELECT id FROM talk WHERE id = ? AND conference_id = c.id),
    (SELECT id FROM note WHERE id = ? AND conference_id = c.id AND talk_id IS NULL),
    ?, ?
FROM conference c WHERE c.id = ?
"""


def read_place(connection: sqlite3.Connection) -> Place | None:
    """The place last left; None when none was kept or its conference is gone."""
    row = connection.execute(_READ).fetchone()
    if row is None:
        return None
    conference_id, day, talk_id, note_talk_id, note_id, pane, left_at = row
    return Place(
        conference_id=conference_id,
        day=date.fromisoformat(day) if day else None,
        talk_id=talk_id,
        note_talk_id=note_talk_id,
        note_id=note_id,
        pane=pane if pane in PANES else "schedule",
        left_at=datetime.fromtimestamp(left_at, UTC),
    )


def write_place(connection: sqlite3.Connection, place: Place, *, wait: float) -> None:
    """Keep ``place``, naming only what still exists, in a transaction of its own on
    ``connection`` (in autocommit mode). It waits at most ``wait`` seconds for another
    program's write lock, then raises: a place is not worth holding up a quit or the
    note saves queued behind it."""
    (usual,) = connection.execute("PRAGMA busy_timeout").fetchone()
    connection.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
    try:
        connection.execute("BEGIN IMMEDIATE")
        _write(connection, place)
        connection.execute("COMMIT")
    finally:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        connection.execute(f"PRAGMA busy_timeout = {int(usual)}")


def _write(connection: sqlite3.Connection, place: Place) -> None:
    connection.execute(
        _WRITE,
        (
            place.day.isoformat() if place.day else None,
            place.talk_id,
            place.note_talk_id,
            place.note_id,
            place.pane,
            int(place.left_at.timestamp()),
            place.conference_id,
        ),
    )
