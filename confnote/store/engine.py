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
    from sqlalchemy import Engine

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


def prepare_database(path: Path) -> None:
    """Create the file if needed and migrate it, backing it up first when it holds data."""
    try:
        create_private_file(path)
        make_companions_private(path)
        connection = sqlite3.connect(path, isolation_level=None)
    except (OSError, sqlite3.Error) as error:
        raise StoreError(f"{path}: cannot open database: {_reason(error)}") from None
    try:
        configure_connection(connection)
        migrations.migrate(
            connection,
            backup=lambda version: make_backup(path, f"before-v{migrations.LATEST_VERSION}"),
        )
    except sqlite3.DatabaseError as error:
        kind = StoreLockedError if is_lock_error(error) else StoreError
        raise kind(f"{path}: cannot use database: {_reason(error)}") from None
    finally:
        connection.close()


def make_companions_private(database: Path) -> None:
    """SQLite gives ``-wal`` and ``-shm`` the database's mode when it makes them; ones
    left from when the database was looser are tightened here."""
    for suffix in ("-wal", "-shm", "-journal"):
        make_private(database.with_name(database.name + suffix))


def create_engine_for(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """A SQLAlchemy engine whose every connection carries the pragmas.

    Transactions begin IMMEDIATE (take the write lock up front, so two writers
    queue instead of deadlocking), except on a connection with the ``READ_ONLY``
    execution option, which begins deferred and never takes the write lock.
    """
    from sqlalchemy import create_engine, event

    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's own BEGIN drive transactions (pysqlite's implicit
        # transaction handling would otherwise defer BEGIN past our pragmas).
        dbapi_connection.isolation_level = None
        configure_connection(dbapi_connection, busy_timeout_ms)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN DEFERRED" if read_only else "BEGIN IMMEDIATE")

    return engine


def _reason(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text.splitlines()[0]
