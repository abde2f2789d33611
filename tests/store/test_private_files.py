"""What confnote creates or opens is readable by the user only: folders 0700, files 0600."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from confnote.store import Store


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask most systems ship (022): what mkdir and open would give without care."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_a_new_database_its_wal_and_shm_and_every_new_folder_are_private(tmp_path: Path) -> None:
    db = tmp_path / "new" / "chain" / "of" / "folders" / "confnote.db"
    with Store.open(db) as store:
        store.create_conference("Private matters")
        assert {p.name: oct(mode(p)) for p in db.parent.iterdir() if p.is_file()} == {
            "confnote.db": "0o600",
            "confnote.db-wal": "0o600",
            "confnote.db-shm": "0o600",
        }
    for folder in (tmp_path / "new", db.parent.parent, db.parent):
        assert oct(mode(folder)) == "0o700", folder


def test_an_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    with Store.open(shared / "confnote.db"):
        pass
    assert oct(mode(shared)) == "0o755"


def test_an_existing_world_readable_database_and_its_wal_are_tightened(tmp_path: Path) -> None:
    db = tmp_path / "confnote.db"
    with Store.open(db) as store:
        store.create_conference("Open to all")
    for path in (db, db.with_name("confnote.db-wal"), db.with_name("confnote.db-shm")):
        path.touch()
        path.chmod(0o644)
    with Store.open(db) as store:
        assert [c.name for c in store.list_conferences()] == ["Open to all"]
        for path in (db, db.with_name("confnote.db-wal"), db.with_name("confnote.db-shm")):
            assert oct(mode(path)) == "0o600", path


def test_the_log_file_and_its_new_folders_are_private(tmp_path: Path) -> None:
    from confnote.ui.launch import log_to

    log_file = tmp_path / "state" / "confnote" / "log" / "confnote.log"
    handler = log_to(log_file)
    try:
        assert handler is not None
        logging.getLogger("confnote").warning("written")
        assert oct(mode(log_file)) == "0o600"
        assert oct(mode(log_file.parent)) == "0o700"
        assert oct(mode(tmp_path / "state")) == "0o700"
    finally:
        if handler is not None:
            logging.getLogger("confnote").removeHandler(handler)
            handler.close()


def test_an_existing_world_readable_log_file_is_tightened(tmp_path: Path) -> None:
    from confnote.ui.launch import log_to

    log_file = tmp_path / "confnote.log"
    log_file.write_text("old lines\n")
    log_file.chmod(0o644)
    handler = log_to(log_file)
    try:
        assert oct(mode(log_file)) == "0o600"
    finally:
        if handler is not None:
            logging.getLogger("confnote").removeHandler(handler)
            handler.close()
