"""TODO rows read into records, in their list order, and where a new TODO goes in that order."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from confnote.store.models import TalkRow, TodoRow
from confnote.store.records import Todo, TodoKind


def load_todos(session: Session, condition: ColumnElement[bool]) -> list[Todo]:
    """TODO records matching ``condition``, with their talk's title, in list order."""
    rows = session.execute(
        select(TodoRow, TalkRow.title)
        .outerjoin(TalkRow, TalkRow.id == TodoRow.talk_id)
        .where(condition)
        .order_by(TodoRow.position, TodoRow.id)
    ).all()
    return [
        Todo(
            id=row.id,
            conference_id=row.conference_id,
            text=row.text,
            kind=TodoKind(row.kind),
            done=row.done,
            position=row.position,
            talk_id=row.talk_id,
            talk_title=title or "",
            due_on=row.due_on,
            url=row.url,
        )
        for row, title in rows
    ]


def next_position(session: Session, conference_id: int) -> int:
    """The list position after the conference's last TODO."""
    highest = session.scalar(
        select(func.max(TodoRow.position)).where(TodoRow.conference_id == conference_id)
    )
    return 0 if highest is None else highest + 1
