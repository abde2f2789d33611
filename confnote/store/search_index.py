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

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

# SQLite allows 32,766 bound values per statement; stay well below.
_CHUNK = 500

_HOLD = "INSERT INTO search_hold (held) VALUES (1)"
_RELEASE = "DELETE FROM search_hold"
_FORGET = text("DELETE FROM search_index WHERE rowid IN :docs").bindparams(
    bindparam("docs", expanding=True)
)
_INDEX = text(
    "INSERT INTO search_index (rowid, title, speakers, abstract, body) "
    "SELECT doc, title, speakers, abstract, body FROM talk_document WHERE talk_id IN :talks"
).bindparams(bindparam("talks", expanding=True))


@contextmanager
def held_search_index(session: Session) -> Iterator[set[int]]:
    """Hold the talk search triggers for the block; yields the set of talk ids to
    index once when it ends. Runs inside the caller's transaction: if the block
    raises, the rollback that follows takes the hold away with it."""
    session.flush()
    session.connection().exec_driver_sql(_HOLD)
    stale: set[int] = set()
    yield stale
    session.flush()
    session.connection().exec_driver_sql(_RELEASE)
    reindex_talks(session, stale)


def reindex_talks(session: Session, talk_ids: Iterable[int]) -> None:
    """Rebuild the search document of each talk in ``talk_ids``, in a few statements."""
    ordered = sorted(talk_ids)
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        session.execute(_FORGET, {"docs": [talk_id * 2 for talk_id in chunk]})
        session.execute(_INDEX, {"talks": chunk})


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


def index_new_talks(session: Session, talks: Iterable[NewTalk]) -> None:
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
        session.connection().exec_driver_sql(_INDEX_NEW, documents)
