"""The Store's TODOs: adding, listing, changing, ticking and ordering them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, select

from confnote.errors import ChangedElsewhereError, ConfnoteError, NotFoundError
from confnote.store.models import ConferenceRow, TalkRow, TodoRow
from confnote.store.records import Todo, TodoKind
from confnote.store.rows import get_row
from confnote.store.talk_methods import TalkMethods
from confnote.store.todo_rows import load_todos, next_position


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
        if kind is TodoKind.WATCH_LATER and talk_id is not None:
            self.set_watch_later(talk_id, True)
            return next(
                t
                for t in self.list_todos(conference_id)
                if t.talk_id == talk_id and t.kind is TodoKind.WATCH_LATER
            )
        with self._transaction() as session:
            get_row(session, ConferenceRow, conference_id, "conference")
            if talk_id is not None:
                get_row(session, TalkRow, talk_id, "talk")
            row = TodoRow(
                conference_id=conference_id,
                talk_id=talk_id,
                text=text,
                kind=TodoKind(kind).value,
                done=False,
                due_on=due_on,
                url=url,
                position=next_position(session, conference_id),
                created_at=self._now(),
            )
            session.add(row)
            session.flush()
            return load_todos(session, TodoRow.id == row.id)[0]

    def todo(self, todo_id: int) -> Todo:
        with self._reading() as session:
            todos = load_todos(session, TodoRow.id == todo_id)
            if not todos:
                raise NotFoundError(f"no TODO with id {todo_id}")
            return todos[0]

    def list_todos(
        self,
        conference_id: int | None = None,
        *,
        open_only: bool = False,
        kind: TodoKind | None = None,
    ) -> list[Todo]:
        """TODOs in their list order; optionally one conference, open ones, one kind."""
        condition: ColumnElement[bool] = TodoRow.id.is_not(None)
        if conference_id is not None:
            condition &= TodoRow.conference_id == conference_id
        if open_only:
            condition &= TodoRow.done.is_(False)
        if kind is not None:
            condition &= TodoRow.kind == TodoKind(kind).value
        with self._reading() as session:
            return load_todos(session, condition)

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
        with self._transaction() as session:
            row = get_row(session, TodoRow, todo_id, "TODO")
            if base is not None and _editable(load_todos(session, TodoRow.id == todo_id)[0]) != (
                _editable(base)
            ):
                raise ChangedElsewhereError(f"the TODO “{base.text}” was changed in another window")
            if text is not None:
                if not text.strip():
                    raise ConfnoteError("a TODO needs some text")
                row.text = text.strip()
            if kind is not None:
                row.kind = TodoKind(kind).value
            if due_on is not None or clear_due:
                row.due_on = due_on
            if url is not None:
                row.url = url
            if talk_id is not None:
                get_row(session, TalkRow, talk_id, "talk")
                row.talk_id = talk_id
            session.flush()
            return load_todos(session, TodoRow.id == todo_id)[0]

    def set_todo_done(self, todo_id: int, done: bool) -> Todo:
        with self._transaction() as session:
            row = get_row(session, TodoRow, todo_id, "TODO")
            row.done = done
            session.flush()
            return load_todos(session, TodoRow.id == todo_id)[0]

    def move_todo(self, todo_id: int, steps: int) -> list[Todo]:
        """Move a TODO up (negative) or down in its conference's list; return the new order."""
        with self._transaction() as session:
            row = get_row(session, TodoRow, todo_id, "TODO")
            rows = list(
                session.scalars(
                    select(TodoRow)
                    .where(TodoRow.conference_id == row.conference_id)
                    .order_by(TodoRow.position, TodoRow.id)
                )
            )
            index = rows.index(row)
            target = max(0, min(len(rows) - 1, index + steps))
            rows.insert(target, rows.pop(index))
            for position, each in enumerate(rows):
                each.position = position
            session.flush()
            return load_todos(session, TodoRow.conference_id == row.conference_id)


def _editable(todo: Todo) -> tuple[object, ...]:
    return (todo.text, todo.kind, todo.due_on, todo.url, todo.talk_id)
