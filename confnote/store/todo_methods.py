"""The Store's TODOs: adding, listing, changing, ticking and ordering them."""

from __future__ import annotations

import sqlite3
from datetime import date

from confnote.errors import ChangedElsewhereError, ConfnoteError, NotFoundError
from confnote.store.plain_reads import conference_by_id
from confnote.store.records import Todo, TodoKind
from confnote.store.talk_methods import TalkMethods
from confnote.store.todo_rows import next_position, read_todos, watch_later


class TodoMethods(TalkMethods):
    """TODOs; part of :class:`confnote.store.api.Store`."""

    def add_todo(
        self,
        conference_id: int,
        text: str,
        *,
        kind: TodoKind = TodoKind.ACTION,
        talk_id: int | None = None,
        due_on: date | None = None,
        url: str = "",
    ) -> Todo:
        text = text.strip()
        if not text:
            raise ConfnoteError("a TODO needs some text")
        with self._sql_write() as connection:
            if kind is TodoKind.WATCH_LATER and talk_id is not None:
                watch_later(connection, talk_id, True, now=self._now())
                return read_todos(
                    connection,
                    "td.talk_id = ? AND td.kind = ?",
                    (talk_id, TodoKind.WATCH_LATER.value),
                )[0]
            conference_by_id(connection, conference_id)
            if talk_id is not None:
                _check_talk(connection, talk_id)
            cursor = connection.execute(
                "INSERT INTO todo"
                " (conference_id, talk_id, text, kind, done, due_on, url, position, created_at)"
                " VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?)",
                (
                    conference_id,
                    talk_id,
                    text,
                    TodoKind(kind).value,
                    due_on.isoformat() if due_on else None,
                    url,
                    next_position(connection, conference_id),
                    self._now(),
                ),
            )
            assert cursor.lastrowid is not None
            return _todo(connection, cursor.lastrowid)

    def todo(self, todo_id: int) -> Todo:
        with self._sql_read() as connection:
            return _todo(connection, todo_id)

    def list_todos(
        self,
        conference_id: int | None = None,
        *,
        open_only: bool = False,
        kind: TodoKind | None = None,
    ) -> list[Todo]:
        """TODOs in their list order; optionally one conference, open ones, one kind."""
        conditions, parameters = ["1"], list[object]()
        if conference_id is not None:
            conditions.append("td.conference_id = ?")
            parameters.append(conference_id)
        if open_only:
            conditions.append("NOT td.done")
        if kind is not None:
            conditions.append("td.kind = ?")
            parameters.append(TodoKind(kind).value)
        with self._sql_read() as connection:
            return read_todos(connection, " AND ".join(conditions), parameters)

    def update_todo(
        self,
        todo_id: int,
        *,
        text: str | None = None,
        kind: TodoKind | None = None,
        due_on: date | None = None,
        clear_due: bool = False,
        url: str | None = None,
        talk_id: int | None = None,
        base: Todo | None = None,
    ) -> Todo:
        """Change a TODO. With ``base`` (the TODO as the user saw it), refuse with
        ChangedElsewhereError when another window changed it since."""
        changes: dict[str, object] = {}
        if text is not None:
            if not text.strip():
                raise ConfnoteError("a TODO needs some text")
            changes["text"] = text.strip()
        if kind is not None:
            changes["kind"] = TodoKind(kind).value
        if due_on is not None or clear_due:
            changes["due_on"] = due_on.isoformat() if due_on else None
        if url is not None:
            changes["url"] = url
        if talk_id is not None:
            changes["talk_id"] = talk_id
        with self._sql_write() as connection:
            current = _todo(connection, todo_id)
            if base is not None and _editable(current) != _editable(base):
                raise ChangedElsewhereError(f"the TODO “{base.text}” was changed in another window")
            if talk_id is not None:
                _check_talk(connection, talk_id)
            for column, value in changes.items():
                connection.execute(f"UPDATE todo SET {column} = ? WHERE id = ?", (value, todo_id))
            return _todo(connection, todo_id)

    def set_todo_done(self, todo_id: int, done: bool) -> Todo:
        with self._sql_write() as connection:
            _todo(connection, todo_id)
            connection.execute("UPDATE todo SET done = ? WHERE id = ?", (done, todo_id))
            return _todo(connection, todo_id)

    def move_todo(self, todo_id: int, steps: int) -> list[Todo]:
        """Move a TODO up (negative) or down in its conference's list; return the new order."""
        with self._sql_write() as connection:
            conference_id = _todo(connection, todo_id).conference_id
            ids = [
                each
                for (each,) in connection.execute(
                    "SELECT id FROM todo WHERE conference_id = ? ORDER BY position, id",
                    (conference_id,),
                )
            ]
            index = ids.index(todo_id)
            target = max(0, min(len(ids) - 1, index + steps))
            ids.insert(target, ids.pop(index))
            connection.executemany(
                "UPDATE todo SET position = ? WHERE id = ?", list(enumerate(ids))
            )
            return read_todos(connection, "td.conference_id = ?", (conference_id,))


def _todo(connection: sqlite3.Connection, todo_id: int) -> Todo:
    todos = read_todos(connection, "td.id = ?", (todo_id,))
    if not todos:
        raise NotFoundError(f"no TODO with id {todo_id}")
    return todos[0]


def _check_talk(connection: sqlite3.Connection, talk_id: int) -> None:
    if connection.execute("SELECT 1 FROM talk WHERE id = ?", (talk_id,)).fetchone() is None:
        raise NotFoundError(f"no talk with id {talk_id}")


def _editable(todo: Todo) -> tuple[object, ...]:
    return (todo.text, todo.kind, todo.due_on, todo.url, todo.talk_id)
