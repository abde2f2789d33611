"""Opening the SQLite file: private permissions, pragmas on every connection, migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from confnote.errors import StoreError, StoreLockedError, is_lock_error
from confnote.paths import create_private_file, make_private
from confnote.store import migrations
from confnote.store.backups import make_backup

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 5000


# Execution option that makes a transaction begin deferred: a read-only one, which
# WAL lets run beside another process's write transaction.
READ_ONLY = "confnote_read_only"


def configure_connection(
    connection: sqlite3.Connection, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> None:
    """Pragmas every connection gets: wait on locks, WAL, enforced foreign keys."""
    connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")


def open_database(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> sqlite3.Connection:
    """Create the file if needed and migrate it (backing it up first when it holds
    data); return the connection, in autocommit mode (callers BEGIN themselves), with
    the pragmas, usable from any one thread at a time."""
    try:
        create_private_file(path)
        make_companions_private(path)
        connection = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, timeout=busy_timeout_ms / 1000
        )
    except (OSError, sqlite3.Error) as error:
        raise StoreError(f"{path}: cannot open database: {_reason(error)}") from None
    try:
        configure_connection(connection, busy_timeout_ms)
        migrations.migrate(
            connection,
            backup=lambda version: make_backup(path, f"before-v{migrations.LATEST_VERSION}"),
        )
    except sqlite3.DatabaseError as error:
        connection.close()
        kind = StoreLockedError if is_lock_error(error) else StoreError
        raise kind(f"{path}: cannot use database: {_reason(error)}") from None
    return connection


def prepare_database(path: Path) -> None:
    """Create the file if needed and migrate it, backing it up first when it holds data."""
    open_database(path).close()


def make_companions_private(database: Path) -> None:
    """SQLite gives ``-wal`` and ``-shm`` the database's mode when it makes them; ones
    left from when the database was looser are tightened here."""
    for suffix in ("-wal", "-shm", "-journal"):
        make_private(database.with_name(database.name + suffix))


def session_makers(
    connection: sqlite3.Connection,
) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
    """ORM sessions over ``connection`` (one that ``open_database`` returned): for
    writes, whose transactions begin IMMEDIATE (take the write lock up front, so two
    writers queue instead of deadlocking), and for reads, which begin deferred and
    never take the write lock. Importing SQLAlchemy is the cost of calling this."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.orm import sessionmaker
    from sqlalchemy.pool import StaticPool

    engine = create_engine("sqlite+pysqlite://", creator=lambda: connection, poolclass=StaticPool)

    @event.listens_for(engine, "begin")
    def _on_begin(sqla_connection: Any) -> None:
        read_only = sqla_connection.get_execution_options().get(READ_ONLY, False)
        sqla_connection.exec_driver_sql("BEGIN DEFERRED" if read_only else "BEGIN IMMEDIATE")

    return (
        sessionmaker(engine, expire_on_commit=False),
        sessionmaker(engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False),
    )


def _reason(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text.splitlines()[0]
