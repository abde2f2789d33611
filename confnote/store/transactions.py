"""What every part of the Store shares: the database path, one SQLite connection,
transactions on it (each Store method is one) and the clock.

Most methods run plain SQL through ``_sql_write``/``_sql_read``. The few that use
the ORM (imports, snapshots, the trash, adding talks) go through ``_transaction``/
``_reading``, which load SQLAlchemy and the mapped models on first use (about
0.3 s and 30 MB) and run their session on the same connection, so both kinds
of transaction queue on one lock and see each other's commits at once.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Self

from confnote.errors import StoreError, StoreLockedError, is_lock_error
from confnote.store.engine import BUSY_TIMEOUT_MS, open_database

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

Clock = Callable[[], float]


class StoreBase:
    """The connection and transactions of a :class:`confnote.store.api.Store`."""

    def __init__(
        self,
        path: Path,
        connection: sqlite3.Connection,
        clock: Clock = time.time,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = connection
        self._busy_timeout_ms = busy_timeout_ms
        # One transaction at a time on the connection, whichever thread asks.
        self._lock = threading.RLock()
        self._sessions: tuple[sessionmaker[Session], sessionmaker[Session]] | None = None
        self._clock = clock

    def close(self) -> None:
        """Close the connection; a later call opens a new one."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
            self._connection = None
            self._sessions = None

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the database."""
        with self._lock:
            try:
                (version,) = self._connected().execute("PRAGMA data_version").fetchone()
            except sqlite3.Error as error:
                raise StoreError(f"{self.path}: {first_line(error)}") from None
            return int(version)

    def _connected(self) -> sqlite3.Connection:
        """The connection, opened again after ``close``; call it holding the lock."""
        if self._connection is None:
            self._connection = open_database(self.path, self._busy_timeout_ms)
        return self._connection

    def backup(self, reason: str) -> Path:
        """A rotating copy of the database, made with SQLite's backup API (see ``backups``)."""
        from confnote.store.backups import make_backup

        return make_backup(self.path, reason)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _now(self) -> int:
        return int(self._clock())

    # Plain SQL

    @contextmanager
    def _sql_write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: it takes the write lock when it begins."""
        with self._sql("BEGIN IMMEDIATE") as connection:
            yield connection

    @contextmanager
    def _sql_read(self) -> Iterator[sqlite3.Connection]:
        """A read-only transaction: deferred, so it runs beside another process's write."""
        with self._sql("BEGIN DEFERRED") as connection:
            yield connection

    @contextmanager
    def _sql(self, begin: str) -> Iterator[sqlite3.Connection]:
        with self._lock:
            connection = self._connected()
            try:
                connection.execute(begin)
                try:
                    yield connection
                    connection.execute("COMMIT")
                finally:
                    if connection.in_transaction:
                        connection.execute("ROLLBACK")
            except sqlite3.IntegrityError as error:
                raise StoreError(f"{self.path}: refused: {first_line(error)}") from None
            except sqlite3.Error as error:
                kind = StoreLockedError if is_lock_error(error) else StoreError
                raise kind(f"{self.path}: {first_line(error)}") from None

    # The ORM, loaded on first use

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        """An ORM write transaction: it takes the write lock when it begins."""
        with self._session(write=True) as session:
            yield session

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        """An ORM read-only transaction, deferred like ``_sql_read``."""
        with self._session(write=False) as session:
            yield session

    @contextmanager
    def _session(self, *, write: bool) -> Iterator[Session]:
        from sqlalchemy.exc import IntegrityError, SQLAlchemyError

        with self._lock:
            if self._sessions is None:
                from confnote.store.engine import session_makers

                self._sessions = session_makers(self._connected())
            sessions = self._sessions[0 if write else 1]
            try:
                with sessions() as session, session.begin():
                    yield session
            except IntegrityError as error:
                raise StoreError(f"{self.path}: refused: {first_line(error.orig)}") from None
            except SQLAlchemyError as error:
                cause = getattr(error, "orig", None) or error
                kind = StoreLockedError if is_lock_error(cause) else StoreError
                raise kind(f"{self.path}: {first_line(cause)}") from None


def first_line(error: object) -> str:
    return (str(error) or type(error).__name__).splitlines()[0]
