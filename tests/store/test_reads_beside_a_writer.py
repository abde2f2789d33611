"""Reads run beside another process's write transaction (WAL lets them); writes wait."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from confnote.cli import main
from confnote.store import Conference, Store
from confnote.store.engine import configure_connection
from tests.helpers import talk_details


@contextmanager
def write_lock_held(path: Path, begin: str = "BEGIN IMMEDIATE") -> Iterator[None]:
    """Another connection in the middle of a write transaction, like a second confnote
    (IMMEDIATE) or the sqlite3 shell (EXCLUSIVE, the same thing under WAL)."""
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        configure_connection(other)
        other.execute(begin)
        other.execute("UPDATE conference SET name = name || ' (being renamed)'")
        try:
            yield
        finally:
            other.execute("ROLLBACK")


@pytest.fixture
def busy_store(store: Store, conference: Conference) -> Store:
    talk = store.add_talk(conference.id, talk_details("k1", "Parsing under pressure"))
    store.save_talk_note(talk.id, "pressure gauges")
    store.add_todo(conference.id, "read the paper", talk_id=talk.id)
    return store


def test_store_reads_succeed_while_another_process_holds_the_write_lock(
    busy_store: Store, conference: Conference
) -> None:
    with write_lock_held(busy_store.path):
        assert [c.name for c in busy_store.list_conferences()] == ["ExampleConf 2025"]
        (talk,) = busy_store.list_talks(conference.id)
        assert busy_store.note_for_talk(talk.id) is not None
        assert [t.text for t in busy_store.list_todos(conference.id)] == ["read the paper"]
        assert [hit.title for hit in busy_store.search("gauges")] == ["Parsing under pressure"]


def test_a_write_still_waits_for_the_lock_and_then_fails_in_one_line(
    busy_store: Store, conference: Conference
) -> None:
    from confnote.errors import StoreError

    reopened = Store.open(busy_store.path, busy_timeout_ms=200)
    with reopened, write_lock_held(busy_store.path), pytest.raises(StoreError) as raised:
        reopened.add_todo(conference.id, "written during the lock")
    assert "locked" in str(raised.value)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize("begin", ["BEGIN IMMEDIATE", "BEGIN EXCLUSIVE"])
@pytest.mark.parametrize(
    "command", [["conferences"], ["search", "gauges"], ["todo", "list"]], ids=" ".join
)
def test_read_only_commands_work_while_another_process_writes(
    busy_store: Store, command: list[str], begin: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with write_lock_held(busy_store.path, begin):
        assert main(["--db", str(busy_store.path), *command]) == 0
    out = capsys.readouterr().out
    assert out.strip()
