"""TODO rows read into records, in their list order, and where a new TODO goes in that order."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date

from confnote.errors import NotFoundError
from confnote.store.records import Todo, TodoKind

_TODOS = """
SELECT td.id, td.conference_id, td.text, td.kind, td.done, td.position, td.talk_id,
       coalesce(t.title, ''), td.due_on, td.url
FROM todo td LEFT JOIN talk t ON t.id = td.talk_id
WHERE {where}
ORDER BY td.position, td.id
"""


def read_todos(
    connection: sqlite3.Connection, where: str, parameters: Sequence[object] = ()
) -> list[Todo]:
    """TODO records matching the SQL condition ``where`` (on ``todo td``), with their
    talk's title, in list order."""
    return [
        Todo(
            id=row[0],
            conference_id=row[1],
            text=row[2],
            kind=TodoKind(row[3]),
            done=bool(row[4]),
            position=row[5],
            talk_id=row[6],
            talk_title=row[7],
            due_on=date.fromisoformat(row[8]) if row[8] else None,
            url=row[9],
        )
        for row in connection.execute(_TODOS.format(where=where), parameters)
    ]


def next_position(connection: sqlite3.Connection, conference_id: int) -> int:
    """The list position after the conference's last TODO."""
    (highest,) = connection.execute(
        "SELECT max(position) FROM todo WHERE conference_id = ?", (conference_id,)
    ).fetchone()
    return 0 if highest is None else int(highest) + 1


def watch_later(connection: sqlite3.Connection, talk_id: int, watch: bool, *, now: int) -> None:
    """Give talk ``talk_id`` a "watch later" TODO carrying its video link, or take it away."""
    talk = connection.execute(
        "SELECT conference_id, title, video_url FROM talk WHERE id = ?", (talk_id,)
    ).fetchone()
    if talk is None:
        raise NotFoundError(f"no talk with id {talk_id}")
    conference_id, title, video_url = talk
    existing = connection.execute(
        "SELECT id FROM todo WHERE talk_id = ? AND kind = ? LIMIT 1",
        (talk_id, TodoKind.WATCH_LATER.value),
    ).fetchone()
    if watch and existing is None:
        connection.execute(
            "INSERT INTO todo (conference_id, talk_id, text, kind, done, url, position, created_at)"
            " VALUES (?, ?, ?, ?, 0, ?, ?, ?)",
            (
                conference_id,
                talk_id,
                f"Watch “{title}”",
                TodoKind.WATCH_LATER.value,
                video_url,
                next_position(connection, conference_id),
                now,
            ),
        )
    elif not watch and existing is not None:
        connection.execute("DELETE FROM todo WHERE id = ?", existing)
