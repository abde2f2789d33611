from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from confnote.errors import ConfnoteError, StoreError
from confnote.store import Store, migrations
from tests.helpers import talk_details


def test_database_file_is_private_and_in_wal_mode(db_path: Path, store: Store) -> None:
    store.create_conference("C")
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_every_connection_enforces_foreign_keys(db_path: Path, store: Store) -> None:
    conference = store.create_conference("C")
    talk = store.add_talk(conference.id, talk_details("a", "One"))
    store.save_talk_note(talk.id, "zebra")
    store.add_todo(conference.id, "linked", talk_id=talk.id)
    store.delete_conference(conference.id)  # cascades only where foreign keys are on
    with sqlite3.connect(db_path) as connection:
        for table in ("talk", "note", "todo", "talk_speaker"):
            assert connection.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
    assert store.search("zebra") == []


def test_schema_is_at_the_latest_version(db_path: Path, store: Store) -> None:
    with sqlite3.connect(db_path) as connection:
        assert migrations.schema_version(connection) == migrations.LATEST_VERSION


def test_models_match_the_migrated_schema(db_path: Path, store: Store) -> None:
    from confnote.store.models import Base

    with sqlite3.connect(db_path) as connection:
        for table in Base.metadata.sorted_tables:
            columns = {row[1] for row in connection.execute(f"PRAGMA table_info({table.name})")}
            assert columns == {column.name for column in table.columns}, table.name


def _write_version_1_database(path: Path) -> None:
    """A database as confnote's first schema wrote it, with one row of everything."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    migrations.migrate(connection, target=1)
    connection.executescript(
        """
        INSERT INTO conference (id, name, slug, time_zone, created_at)
            VALUES (1, 'Old Conf', 'old-conf', 'Europe/Paris', 1);
        INSERT INTO talk (id, conference_id, key, title, starts_at, duration)
            VALUES (1, 1, 'guid-1', 'Old talk', 1700000000, 1800);
        INSERT INTO speaker (id, name) VALUES (1, 'Old Speaker');
        INSERT INTO talk_speaker (talk_id, speaker_id, position) VALUES (1, 1, 0);
        INSERT INTO talk_state (talk_id, star, attended, rating, hidden) VALUES (1, 2, 1, 5, 0);
        INSERT INTO note (id, conference_id, talk_id, title, body, updated_at, version)
            VALUES (1, 1, 1, 'Old talk', 'precious words', 2, 3);
        INSERT INTO note_revision (note_id, body, version, saved_at) VALUES (1, 'older', 2, 1);
        INSERT INTO todo (conference_id, talk_id, text, kind, created_at)
            VALUES (1, 1, 'watch it', 'watch_later', 3);
        INSERT INTO tag (id, name) VALUES (1, 'python');
        INSERT INTO talk_tag (talk_id, tag_id) VALUES (1, 1);
        """
    )
    connection.close()


def test_opening_an_older_database_migrates_it_and_keeps_every_row(db_path: Path) -> None:
    _write_version_1_database(db_path)
    with Store.open(db_path) as store:
        (conference,) = store.list_conferences()
        (talk,) = store.list_talks(conference.id)
        assert (conference.name, conference.time_zone) == ("Old Conf", "Europe/Paris")
        assert (talk.title, talk.speakers, talk.tags) == ("Old talk", ("Old Speaker",), ("python",))
        assert (talk.star, talk.attended, talk.rating, talk.watch_later) == (2, True, 5, True)
        assert (talk.cancelled, talk.changed) == (False, ())
        note = store.note_for_talk(talk.id)
        assert note is not None and (note.body, note.version) == ("precious words", 3)
        assert [r.body for r in store.note_revisions(note.id)] == ["older"]
        assert [h.talk_id for h in store.search("precious")] == [talk.id]


def test_a_backup_is_made_before_migrating(db_path: Path) -> None:
    _write_version_1_database(db_path)
    Store.open(db_path).close()
    (backup,) = (db_path.parent / "backups").iterdir()
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    with sqlite3.connect(backup) as connection:
        assert migrations.schema_version(connection) == 1
        assert connection.execute("SELECT body FROM note").fetchone() == ("precious words",)


def test_a_fresh_database_needs_no_backup(db_path: Path) -> None:
    Store.open(db_path).close()
    assert not (db_path.parent / "backups").exists()


def test_a_database_from_a_newer_confnote_is_refused(db_path: Path) -> None:
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    with pytest.raises(StoreError, match="newer than this confnote"):
        Store.open(db_path)


def test_a_file_that_is_not_a_database_is_a_one_line_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello, not sqlite\n" * 200)
    with pytest.raises(StoreError) as error:
        Store.open(bogus)
    assert "notes.txt" in str(error.value) and "\n" not in str(error.value)


def test_writes_are_transactional(store: Store) -> None:
    conference = store.create_conference("C")
    store.add_talk(conference.id, talk_details("a", "One"))
    with pytest.raises(ConfnoteError, match="needs a title"):
        store.add_talk(conference.id, talk_details("b", "   "))
    assert [t.key for t in store.list_talks(conference.id)] == ["a"]


def test_nothing_is_created_at_import_and_the_store_never_imports_textual(tmp_path: Path) -> None:
    code = (
        "import sys, os\n"
        "import confnote, confnote.store, confnote.cli, confnote.paths, confnote.agenda\n"
        "import confnote.store.api, confnote.schedule\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
        "assert os.listdir('.') == [], os.listdir('.')\n"
    )
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "d"), "PATH": "/usr/bin"}
    workdir = tmp_path / "empty"
    workdir.mkdir()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=workdir, env=env)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]


def test_importing_confnote_loads_neither_sqlalchemy_nor_textual() -> None:
    code = (
        "import sys, confnote, confnote.cli, confnote.store\n"
        "print(sorted(m for m in ('sqlalchemy', 'textual') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    assert result.stdout.strip() == "[]"


def test_data_version_moves_on_another_connections_commit_not_on_our_own(
    db_path: Path, store: Store
) -> None:
    before = store.data_version()
    store.create_conference("Ours")
    assert store.data_version() == before
    with Store.open(db_path) as other:
        other.create_conference("Theirs")
    assert store.data_version() != before
