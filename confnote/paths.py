"""Where confnote keeps its files. Nothing is created until a caller asks."""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "confnote"
DB_ENV = "CONFNOTE_DB"
DB_FILENAME = "confnote.db"
CONFIG_ENV = "CONFNOTE_CONFIG"
CONFIG_FILENAME = "config.toml"
# Everything confnote creates is the user's alone: notes are private.
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


@dataclass(frozen=True, slots=True)
class Locations:
    data: Path
    config: Path
    config_file: Path
    backups: Path
    database: Path
    log_file: Path


def locations(db_override: str | os.PathLike[str] | None = None) -> Locations:
    """The data, config and backup folders and the database file.

    The database path comes from ``db_override`` (``--db``), then ``$CONFNOTE_DB``,
    then the platform's user data folder. Backups sit beside the database. The config file
    is ``$CONFNOTE_CONFIG``, else ``config.toml`` in the platform's user config folder.
    """
    import platformdirs

    data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    config = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    chosen = db_override if db_override is not None else os.environ.get(DB_ENV) or None
    database = Path(chosen).expanduser() if chosen is not None else data / DB_FILENAME
    config_file = Path(os.environ.get(CONFIG_ENV) or config / CONFIG_FILENAME).expanduser()
    log_file = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / "confnote.log"
    return Locations(
        data=data,
        config=config,
        config_file=config_file,
        backups=backup_dir(database),
        database=database,
        log_file=log_file,
    )


def backup_dir(database: Path) -> Path:
    """Backups of a database live in a ``backups`` folder next to it."""
    return database.parent / "backups"


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and each missing parent readable by the user only (0700).

    Folders that exist already keep their mode: the user may share them on purpose.
    """
    missing: list[Path] = []
    here = path
    while not here.exists() and here.parent != here:
        missing.append(here)
        here = here.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=PRIVATE_DIR)
    return path


def create_private_file(path: Path) -> Path:
    """Create ``path`` (and its folders) for the user only, unless it exists; make it private."""
    ensure_private_dir(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))
    make_private(path)
    return path


def make_private(path: Path) -> None:
    """Take group and other permissions off a file of the user's, if it exists."""
    try:
        status = path.stat()
    except OSError:
        return
    if status.st_mode & 0o077 and status.st_uid == os.getuid():
        with contextlib.suppress(OSError):
            path.chmod(stat.S_IMODE(status.st_mode) & PRIVATE_FILE)
