"""A deleted conference in the trash, inside the caller's transaction.

The conference is kept as the backup document keeps it (``snapshot``: talks named by
their schedule key), with the programme days its schedule declared and what its own
trash held. A restore makes it again under new ids and renumbers the references in
those trashed items to match.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from confnote.store import snapshot
from confnote.store.models import ConferenceRow, ProgrammeDayRow, TalkRow, TodoRow, TrashRow
from confnote.store.rows import get_row

Document = dict[str, Any]


def conference_document(session: Session, conference_id: int) -> Document:
    """Everything ``restore_conference`` needs to make the conference again."""
    row = get_row(session, ConferenceRow, conference_id, "conference")
    talk_keys = session.execute(
        select(TalkRow.id, TalkRow.key).where(TalkRow.conference_id == conference_id)
    )
    days = session.execute(
        select(ProgrammeDayRow.starts_at, ProgrammeDayRow.ends_at)
        .where(ProgrammeDayRow.conference_id == conference_id)
        .order_by(ProgrammeDayRow.starts_at)
    )
    trashed = session.scalars(
        select(TrashRow).where(TrashRow.conference_id == conference_id).order_by(TrashRow.id)
    )
    return {
        "conference": snapshot.dump_conference(session, row),
        "programme_days": [[starts_at, ends_at] for starts_at, ends_at in days],
        # The old ids that items in its trash refer to, to renumber them on restore.
        "talk_keys": {str(talk_id): key for talk_id, key in talk_keys},
        "todo_ids": list(
            session.scalars(
                select(TodoRow.id)
                .where(TodoRow.conference_id == conference_id)
                .order_by(TodoRow.id)
            )
        ),
        "trash": [
            {
                "kind": item.kind,
                "title": item.title,
                "payload": item.payload,
                "deleted_at": item.deleted_at,
            }
            for item in trashed
        ],
    }


def restore_conference(session: Session, document: Document) -> int:
    """Make the conference of ``document`` again; return its new id."""
    import json

    loaded = snapshot.load_conference(session, document["conference"], "the trash")
    for starts_at, ends_at in document["programme_days"]:
        session.add(ProgrammeDayRow(conference_id=loaded.id, starts_at=starts_at, ends_at=ends_at))
    talks = {
        int(old): loaded.talk_ids[key]
        for old, key in document["talk_keys"].items()
        if key in loaded.talk_ids
    }
    todos = dict(zip(document["todo_ids"], loaded.todo_ids, strict=True))
    for item in document["trash"]:
        payload = _renumbered(json.loads(item["payload"]), loaded.id, talks, todos)
        session.add(TrashRow(**item | {"conference_id": loaded.id, "payload": json.dumps(payload)}))
    session.flush()
    return loaded.id


def _renumbered(
    payload: Document, conference_id: int, talks: dict[int, int], todos: dict[int, int]
) -> Document:
    """A trashed talk, note or TODO of the restored conference, pointing at its new rows.

    A note of a talk that is not back points at no talk (0), so restoring it says its
    talk is gone; a TODO of such a talk comes back unlinked."""
    result = dict(payload)
    if "talk" in payload:
        result["talk"] = {**payload["talk"], "conference_id": conference_id}
    for table, missing in (("note", 0), ("todo", None)):
        if table not in payload:
            continue
        result[table] = [
            {**row, "conference_id": conference_id}
            | ({} if row["talk_id"] is None else {"talk_id": talks.get(row["talk_id"], missing)})
            for row in payload[table]
        ]
    if "todo_ids" in payload:
        result["todo_ids"] = [todos[old] for old in payload["todo_ids"] if old in todos]
    return result
