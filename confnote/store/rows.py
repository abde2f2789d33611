"""Small helpers every store module shares: fetching a row by id, instants as stored
seconds, and conference rows (slugs, time zones) read into records."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar

from confnote import agenda, slugs
from confnote.errors import ConfnoteError, NotFoundError
from confnote.store.records import Conference

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from confnote.store.models import ConferenceRow

RowT = TypeVar("RowT")


def get_row(session: Session, model: type[RowT], key: int, what: str) -> RowT:
    """The ``model`` row with primary key ``key``; ``what`` names it in the NotFoundError."""
    row = session.get(model, key)
    if row is None:
        raise NotFoundError(f"no {what} with id {key}")
    return row


def sqlite_connection(session: Session) -> sqlite3.Connection:
    """The session's own sqlite3 connection, inside its transaction, for plain reads."""
    session.flush()
    connection = session.connection().connection.driver_connection
    assert isinstance(connection, sqlite3.Connection)
    return connection


def epoch(instant: datetime) -> int:
    """An aware datetime as the whole seconds since the epoch the store keeps."""
    if instant.tzinfo is None:
        raise ValueError("instants must be timezone-aware")
    return int(instant.timestamp())


def instant(seconds: int) -> datetime:
    """Stored seconds since the epoch as an aware UTC datetime."""
    return datetime.fromtimestamp(seconds, UTC)


def conference_record(row: ConferenceRow) -> Conference:
    return Conference(
        id=row.id,
        name=row.name,
        slug=row.slug,
        time_zone=row.time_zone,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        url=row.url,
    )


def slugify(name: str) -> str:
    """A URL-safe, lower-case slug: "PyCon US 2025" → "pycon-us-2025"."""
    return slugs.slugify(name) or "conference"


def unique_slug(database: Session | sqlite3.Connection, slug: str) -> str:
    """``slug``, or ``slug-2``, ``slug-3``… when another conference already has it."""
    connection = (
        database if isinstance(database, sqlite3.Connection) else sqlite_connection(database)
    )
    taken = {
        taken
        for (taken,) in connection.execute(
            "SELECT slug FROM conference WHERE slug LIKE ?", (f"{slug}%",)
        )
    }
    candidate, counter = slug, 1
    while candidate in taken:
        counter += 1
        candidate = f"{slug}-{counter}"
    return candidate


def check_zone(name: str) -> None:
    if not agenda.is_known_zone(name):
        raise ConfnoteError(f"unknown time zone {name!r}; use an IANA name like Europe/Brussels")
