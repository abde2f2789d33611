"""What every part of the Store shares: the database path, the engine, transactions
(each Store method is one) and the clock."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from confnote.errors import StoreError, StoreLockedError, is_lock_error
from confnote.store.engine import READ_ONLY

Clock = Callable[[], float]


class StoreBase:
    """The connection and transactions of a :class:`confnote.store.api.Store`."""

    def __init__(self, path: Path, engine: Engine, clock: Clock = time.time) -> None:
        self.path = path
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(
            engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
        )
        self._clock = clock

    def close(self) -> None:
        self._engine.dispose()

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the database."""
        connection = self._engine.raw_connection()
        try:
            cursor = connection.cursor()
            (version,) = cursor.execute("PRAGMA data_version").fetchone()
            return int(version)
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: {first_line(error)}") from None
        finally:
            connection.close()

    def backup(self, reason: str) -> Path:
        """A rotating copy of the database, made with SQLite's backup API (see ``backups``)."""
        from confnote.store.backups import make_backup

        return make_backup(self.path, reason)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        """A write transaction: it takes the write lock when it begins."""
        with self._session(self._sessions) as session:
            yield session

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        """A read-only transaction: deferred, so it runs beside another process's write."""
        with self._session(self._read_sessions) as session:
            yield session

    @contextmanager
    def _session(self, sessions: sessionmaker[Session]) -> Iterator[Session]:
        try:
            with sessions() as session, session.begin():
                yield session
        except IntegrityError as error:
            raise StoreError(f"{self.path}: refused: {first_line(error.orig)}") from None
        except SQLAlchemyError as error:
            cause = getattr(error, "orig", None) or error
            kind = StoreLockedError if is_lock_error(cause) else StoreError
            raise kind(f"{self.path}: {first_line(cause)}") from None

    def _now(self) -> int:
        return int(self._clock())


def first_line(error: object) -> str:
    return (str(error) or type(error).__name__).splitlines()[0]
