"""Rotating copies of the database, made with SQLite's backup API, and restoring one.

A copy is consistent even while another process writes. Copies live in the
``backups`` folder beside the database, named ``<db>-<YYYYmmdd-HHMMSS>-<reason>.db``;
only the newest ``keep`` are kept (``backups.kept`` of the config file). Made at startup
at most once a day, and before every migration, restore and large import.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from confnote.errors import NotFoundError, StoreError
from confnote.paths import backup_dir, create_private_file, ensure_private_dir

log = logging.getLogger("confnote")

DAILY_S = 24 * 60 * 60
_STAMP = "%Y%m%d-%H%M%S"
_PARTIAL = ".partial"


@dataclass(frozen=True, slots=True)
class Backup:
    """One copy: ``name`` is what `confnote backups restore` takes."""

    name: str
    path: Path
    made_at: datetime
    reason: str
    size: int


def keep_count() -> int:
    """How many copies to keep: ``backups.kept`` of the config file, which
    ``$CONFNOTE_BACKUPS_KEEP`` overrides (default 10). Read at each backup, so the app and
    every command follow the file as it is now."""
    from confnote.config import load_config
    from confnote.paths import locations

    return load_config(locations().config_file).settings.backups_kept


def make_backup(
    database: Path, reason: str, *, keep: int | None = None, prune: bool = True
) -> Path:
    """Copy the live database into its backups folder, then drop copies past ``keep``
    (``keep_count()`` when not given), unless ``prune`` is false."""
    folder = ensure_private_dir(backup_dir(database))
    stamp = time.strftime(_STAMP)
    target = folder / f"{database.stem}-{stamp}-{reason}.db"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{database.stem}-{stamp}-{reason}-{counter}.db"
    partial = target.with_name(target.name + _PARTIAL)
    create_private_file(partial)
    try:
        with (
            contextlib.closing(sqlite3.connect(database)) as source,
            contextlib.closing(sqlite3.connect(partial)) as copy,
        ):
            source.backup(copy)
        partial.replace(target)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise StoreError(f"{target}: backup failed: {_first_line(error)}") from None
    if prune:
        prune_backups(database, keep if keep is not None else keep_count())
    return target


def list_backups(database: Path) -> list[Backup]:
    """The database's backups, newest first."""
    folder = backup_dir(database)
    pattern = re.compile(rf"{re.escape(database.stem)}-(\d{{8}}-\d{{6}})-(.+)\.db")
    found: list[Backup] = []
    order: dict[str, int] = {}
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            match = pattern.fullmatch(path.name)
            if match is None or not path.is_file():
                continue
            status = path.stat()
            made = datetime.strptime(match[1], _STAMP).astimezone(UTC)
            found.append(Backup(path.name, path, made, match[2], status.st_size))
            order[path.name] = status.st_mtime_ns
    return sorted(found, key=lambda backup: (backup.made_at, order[backup.name]), reverse=True)


def prune_backups(database: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups; return what was deleted."""
    removed = [backup.path for backup in list_backups(database)[keep:]]
    for path in removed:
        with contextlib.suppress(OSError):
            path.unlink()
    return removed


def backup_if_due(
    database: Path,
    *,
    every_s: float = DAILY_S,
    keep: int | None = None,
    clock: Callable[[], float] = time.time,
) -> Path | None:
    """A "daily" backup when the newest one is older than ``every_s`` (or there is none)."""
    if not database.is_file():
        return None
    backups = list_backups(database)
    if backups and clock() - backups[0].path.stat().st_mtime < every_s:
        return None
    return make_backup(database, "daily", keep=keep)


def back_up_daily_in_background(database: Path) -> threading.Thread:
    """Start the once-a-day backup in its own thread, so startup never waits on it.

    A failure is logged; the thread is not a daemon, so a copy under way is finished
    (the copy is written to a ``.partial`` file and renamed only when complete).
    """

    def run() -> None:
        try:
            made = backup_if_due(database)
        except Exception as error:  # a backup problem must never stop the app
            log.warning("daily backup of %s failed: %s", database, error)
        else:
            if made is not None:
                log.info("daily backup: %s", made)

    thread = threading.Thread(target=run, name="confnote-daily-backup")
    thread.start()
    return thread


def find_backup(database: Path, name: str) -> Backup:
    """The backup called ``name`` (with or without ``.db``); only files in the backups folder."""
    for backup in list_backups(database):
        if name in (backup.name, backup.path.stem):
            return backup
    raise NotFoundError(f"no backup named {name!r} (see `confnote backups`)")


def restore_backup(
    database: Path, name: str, *, keep: int | None = None
) -> tuple[Backup, Path | None]:
    """Put backup ``name`` in place of the database's content; return it and the copy made
    of the current content first (itself a backup, so a restore can be undone), if the
    database was there at all."""
    from confnote.store.engine import prepare_database

    backup = find_backup(database, name)
    _check_backup(backup.path)
    safety = None
    if database.is_file():
        safety = make_backup(database, "before-restore", prune=False)
    else:
        create_private_file(database)
    try:
        with (
            contextlib.closing(sqlite3.connect(f"file:{backup.path}?mode=ro", uri=True)) as source,
            contextlib.closing(sqlite3.connect(database, timeout=5)) as live,
        ):
            source.backup(live)
    except sqlite3.Error as error:
        reason = _first_line(error)
        raise StoreError(f"{database}: restore failed, nothing changed: {reason}") from None
    prepare_database(database)
    prune_backups(database, keep if keep is not None else keep_count())
    return backup, safety


def _check_backup(path: Path) -> None:
    """Refuse a file that is not an intact confnote database, before anything is touched."""
    from confnote.store.migrations import LATEST_VERSION

    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as copy:
            (check,) = copy.execute("PRAGMA quick_check").fetchone()
            (version,) = copy.execute("PRAGMA user_version").fetchone()
            tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
    except sqlite3.Error as error:
        raise StoreError(f"{path}: not a usable backup: {_first_line(error)}") from None
    if check != "ok":
        raise StoreError(f"{path}: not a usable backup: damaged ({check})")
    if "conference" not in tables:
        raise StoreError(f"{path}: not a usable backup: not a confnote database")
    if version > LATEST_VERSION:
        raise StoreError(f"{path}: made by a newer confnote (schema {version}); upgrade first")


def _first_line(error: BaseException) -> str:
    return (str(error) or type(error).__name__).splitlines()[0]
