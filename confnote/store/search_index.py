"""Keeping ``search_index`` in step during bulk writes.

Triggers index a talk on every row written (the talk, each speaker link). For a
schedule import that means one rebuild per speaker, each concatenating all the
talk's speakers. ``held_search_index`` switches those triggers off for the
caller's transaction and indexes every talk it was told about once at the end.
Talks the block itself inserted can instead be indexed from what the caller
already holds (``index_new_talks``), without reading them back through the
``talk_document`` view.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from confnote.store.rows import sqlite_connection

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_HOLD = "INSERT INTO search_hold (held) VALUES (1)"
_RELEASE = "DELETE FROM search_hold"
_FORGET = "DELETE FROM search_index WHERE rowid IN (SELECT value * 2 FROM json_each(?))"
_INDEX = (
    "INSERT INTO search_index (rowid, title, speakers, abstract, body) "
    "SELECT doc, title, speakers, abstract, body FROM talk_document "
    "WHERE talk_id IN (SELECT value FROM json_each(?))"
)


@contextmanager
def held_index(connection: sqlite3.Connection) -> Iterator[set[int]]:
    """Hold the talk search triggers for the block; yields the set of talk ids to
    index once when it ends. Runs inside the caller's transaction: if the block
    raises, the rollback that follows takes the hold away with it."""
    connection.execute(_HOLD)
    stale: set[int] = set()
    yield stale
    connection.execute(_RELEASE)
    if stale:
        talks = json.dumps(sorted(stale))
        connection.execute(_FORGET, (talks,))
        connection.execute(_INDEX, (talks,))


@contextmanager
def held_search_index(session: Session) -> Iterator[set[int]]:
    """``held_index`` for an ORM session: its pending changes are written first and last."""
    with held_index(sqlite_connection(session)) as stale:
        yield stale
        session.flush()


@dataclass(frozen=True, slots=True)
class NewTalk:
    """A talk row just inserted, as its search document needs it: ``speakers`` in the
    order of their speaker ids, the order the ``talk_document`` view lists them in."""

    talk_id: int
    title: str
    subtitle: str
    abstract: str
    speakers: Sequence[str]


_INDEX_NEW = (
    "INSERT INTO search_index (rowid, title, speakers, abstract, body) VALUES (?, ?, ?, ?, '')"
)


def index_new_talks(connection: sqlite3.Connection, talks: Iterable[NewTalk]) -> None:
    """Index talks inserted in this transaction (none has a note yet) in one statement,
    each document exactly as the ``talk_document`` view would build it."""
    documents = [
        (
            talk.talk_id * 2,
            f"{talk.title} {talk.subtitle}" if talk.subtitle else talk.title,
            ", ".join(talk.speakers),
            talk.abstract,
        )
        for talk in talks
    ]
    if documents:
        connection.executemany(_INDEX_NEW, documents)
