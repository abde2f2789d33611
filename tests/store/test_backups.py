"""Automatic, rotating backups made with SQLite's backup API, listed and restored."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from confnote.cli import main
from confnote.errors import NotFoundError, StoreError
from confnote.schedule.model import ParsedSchedule
from confnote.store import Store
from confnote.store.backups import (
    back_up_daily_in_background,
    backup_if_due,
    list_backups,
    make_backup,
    restore_backup,
)
from tests.helpers import talk_details, use_config_file
from tests.store_digest import store_digest


def test_a_backup_is_a_private_consistent_copy_listed_newest_first(store: Store) -> None:
    store.create_conference("Kept safe")
    first = make_backup(store.path, "manual")
    store.create_conference("Added later")
    second = make_backup(store.path, "manual")
    assert [b.path for b in list_backups(store.path)] == [second, first]
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    with Store.open(first) as copy:
        assert [c.name for c in copy.list_conferences()] == ["Kept safe"]


def test_the_config_file_sets_how_many_backups_are_kept(
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    Store.open(db_path).close()
    use_config_file(tmp_path, monkeypatch, "[backups]\nkept = 3\n")
    made = [make_backup(db_path, f"n{n}") for n in range(5)]
    assert [b.path for b in list_backups(db_path)] == made[:1:-1]
    assert not made[0].exists() and not made[1].exists()
    assert main(["--db", str(db_path), "backups"]) == 0
    assert "3 of at most 3 kept in " in capsys.readouterr().out


def test_the_environment_variable_overrides_the_config_file(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_config_file(tmp_path, monkeypatch, "[backups]\nkept = 3\n")
    monkeypatch.setenv("CONFNOTE_BACKUPS_KEEP", "2")
    made = [make_backup(store.path, f"n{n}") for n in range(4)]
    assert [b.path for b in list_backups(store.path)] == made[:1:-1]


def test_the_startup_backup_is_made_at_most_once_a_day(store: Store) -> None:
    store.create_conference("Daily")
    now = [1_900_000_000.0]
    made = backup_if_due(store.path, clock=lambda: now[0])
    assert made is not None and made.name.endswith("-daily.db")
    os.utime(made, (now[0], now[0]))
    now[0] += 23 * 3600
    assert backup_if_due(store.path, clock=lambda: now[0]) is None
    now[0] += 2 * 3600
    assert backup_if_due(store.path, clock=lambda: now[0]) is not None


def test_a_large_import_is_backed_up_first(store: Store) -> None:
    store.create_conference("Before the big one")
    talks = tuple(
        talk_details(f"k{n}", f"Talk {n}", f"2025-05-17T{8 + n // 60:02d}:{n % 60:02d}:00+02:00")
        for n in range(250)
    )
    parsed = ParsedSchedule(format="test", title="Bigcon", time_zone="Europe/Brussels", talks=talks)
    store.import_schedule(parsed)
    (backup,) = list_backups(store.path)
    assert backup.reason == "before-import"
    with Store.open(backup.path) as copy:
        assert [c.name for c in copy.list_conferences()] == ["Before the big one"]


def test_restoring_a_backup_brings_its_content_back_and_keeps_the_current_one(
    store: Store,
) -> None:
    store.create_conference("Original")
    backup = make_backup(store.path, "manual")
    store.create_conference("Made after the backup")
    restored, safety = restore_backup(store.path, backup.name)
    assert restored.path == backup
    assert [c.name for c in store.list_conferences()] == ["Original"]
    assert safety is not None
    with Store.open(safety) as copy:
        assert {c.name for c in copy.list_conferences()} == {"Original", "Made after the backup"}


def test_restoring_a_damaged_backup_is_refused_and_changes_nothing(store: Store) -> None:
    store.create_conference("Intact")
    backup = make_backup(store.path, "manual")
    backup.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    before = store_digest(store.path)
    with pytest.raises(StoreError, match="not a usable backup"):
        restore_backup(store.path, backup.name)
    assert store_digest(store.path) == before


def test_only_backups_in_the_backups_folder_can_be_restored(store: Store, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="no backup named"):
        restore_backup(store.path, "../confnote.db")


def test_backups_command_lists_and_restores(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db_path) as store:
        store.create_conference("Listed")
    name = make_backup(db_path, "manual").name
    with Store.open(db_path) as store:
        store.create_conference("Gone after restore")
    assert main(["--db", str(db_path), "backups"]) == 0
    assert name in capsys.readouterr().out
    assert main(["--db", str(db_path), "backups", "restore", name]) == 0
    out = capsys.readouterr().out
    assert f"restored {name}" in out and "before-restore" in out
    with Store.open(db_path) as store:
        assert [c.name for c in store.list_conferences()] == ["Listed"]


def test_restoring_an_unknown_backup_is_one_line(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store.open(db_path).close()
    assert main(["--db", str(db_path), "backups", "restore", "nope"]) == 1
    assert capsys.readouterr().err == (
        "confnote: error: no backup named 'nope' (see `confnote backups`)\n"
    )


def test_the_daily_backup_runs_in_its_own_thread(store: Store) -> None:
    store.create_conference("Daily")
    thread = back_up_daily_in_background(store.path)
    assert thread is not threading.current_thread()
    thread.join(10)
    assert [b.reason for b in list_backups(store.path)] == ["daily"]


def test_a_backup_can_be_restored_when_the_database_file_is_gone(store: Store) -> None:
    store.create_conference("Survivor")
    backup = make_backup(store.path, "manual")
    store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{store.path}{suffix}").unlink(missing_ok=True)
    _, safety = restore_backup(store.path, backup.name)
    assert safety is None
    with Store.open(store.path) as reopened:
        assert [c.name for c in reopened.list_conferences()] == ["Survivor"]
