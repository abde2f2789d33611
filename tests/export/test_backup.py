"""`confnote backup` and `confnote restore`: one versioned JSON file that gives back the
same store, refuses to overwrite by accident, and says in one line what is wrong."""

from __future__ import annotations

import json
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from confnote.cli import main
from confnote.errors import ConfnoteError, InputError
from confnote.export.backup import VERSION, read_backup, restore_backup, write_backup
from confnote.schedule.model import TalkDetails
from confnote.store import Store, TodoKind
from tests.export.conftest import Recap, build_recap


def test_restore_into_an_empty_store_gives_back_the_same_data(
    store: Store, recap: Recap, tmp_path: Path
) -> None:
    store.save_talk_note(recap.typing.id, "a second version of the note")
    store.untag_talk(recap.typing.id, "typing")  # an unused tag is kept too
    backup = write_backup(store, tmp_path / "backup.json")
    with Store.open(tmp_path / "other" / "restored.db") as restored:
        report = restore_backup(restored, backup)
        assert restored.snapshot() == store.snapshot()
        assert report.conferences == 1 and report.talks == 4 and report.safety_copy is None
        [hit] = restored.search("second version")
        assert hit.title == 'Typing: without "tears" #1'
        assert restored.list_todos() == store.list_todos()
        assert restored.list_talks(report_id(restored)) == store.list_talks(recap.conference.id)


def report_id(store: Store) -> int:
    return store.list_conferences()[0].id


def test_the_backup_is_private_versioned_json(store: Store, recap: Recap, tmp_path: Path) -> None:
    path = write_backup(store, tmp_path / "b.json")
    assert path.stat().st_mode & 0o777 == 0o600
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "confnote-backup" and document["version"] == VERSION
    [conference] = document["conferences"]
    typing = next(t for t in conference["talks"] if t["key"] == "typing")
    assert typing["state"] == {"star": 2, "attended": False, "rating": 4, "hidden": False}
    assert typing["speakers"] == ["Ada Example", "Bo Sample"]
    assert {note["talk"] for note in conference["notes"]} >= {"typing", None}


def test_a_store_that_holds_data_is_replaced_only_with_force_after_a_copy(
    store: Store, recap: Recap, tmp_path: Path
) -> None:
    backup = write_backup(store, tmp_path / "b.json")
    store.create_conference("Added later", time_zone="UTC")
    with pytest.raises(ConfnoteError, match="not empty; restore with --force"):
        restore_backup(store, backup)
    assert len(store.list_conferences()) == 2
    report = restore_backup(store, backup, force=True)
    assert [c.name for c in store.list_conferences()] == ["ExampleConf 2025"]
    assert report.safety_copy is not None and report.safety_copy.parent.name == "backups"
    with Store.open(report.safety_copy) as copy:
        assert len(copy.list_conferences()) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "b.json: line 1 column 2: not JSON"),
        ('{"format": "something else"}', "b.json: not a confnote backup"),
        ('{"format": "confnote-backup", "version": 99}', "backup format 99 is newer than"),
        ('{"format": "confnote-backup", "version": "1"}', "unknown backup version '1'"),
    ],
)
def test_unreadable_backups_are_refused_in_one_line(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_backup(path)
    assert message in str(error.value) and "\n" not in str(error.value)


def test_a_broken_backup_names_the_place_and_changes_nothing(
    store: Store, recap: Recap, tmp_path: Path
) -> None:
    path = write_backup(store, tmp_path / "b.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    del document["conferences"][0]["talks"][1]["title"]
    document["conferences"][0]["notes"][0]["talk"] = "typing"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = store.snapshot()
    with pytest.raises(InputError, match=r"conferences\[0\]\.talks\[1\]: missing 'title'"):
        restore_backup(store, path, force=True)
    assert store.snapshot() == before


def test_cli_backup_and_restore(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db_path) as store:
        build_recap(store)
    out = tmp_path / "all.json"
    assert main(["--db", str(db_path), "backup", str(out)]) == 0
    assert capsys.readouterr().out == f"wrote {out} (1 conference)\n"
    assert main(["--db", str(db_path), "backup", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    other = tmp_path / "other.db"
    assert main(["--db", str(other), "restore", str(out)]) == 0
    assert capsys.readouterr().out == "restored 1 conference, 4 talks, 5 notes, 2 TODOs\n"
    assert main(["--db", str(other), "restore", str(out)]) == 1
    assert "not empty" in capsys.readouterr().err
    assert main(["--db", str(other), "restore", str(out), "--force"]) == 0
    assert capsys.readouterr().out.startswith("copied the database to ")
    newer = tmp_path / "newer.json"
    newer.write_text('{"format": "confnote-backup", "version": 2}', encoding="utf-8")
    assert main(["--db", str(other), "restore", str(newer), "--force"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "backup format 2 is newer than this confnote" in err


_text = st.text(max_size=20).filter(lambda text: "\x00" not in text)
_instant = st.integers(1_600_000_000, 1_900_000_000).map(
    lambda seconds: datetime.fromtimestamp(seconds).astimezone()
)


@st.composite
def stores(draw: st.DrawFn, store: Store) -> None:
    """Fill ``store`` with a generated conference or two."""
    for number in range(draw(st.integers(1, 2))):
        conference = store.create_conference(
            f"Conf {number} {draw(_text)}",
            time_zone=draw(st.sampled_from(["UTC", "Europe/Brussels"])),
            starts_on=draw(st.none() | st.just(date(2025, 5, 17))),
            url=draw(_text),
        )
        talks = []
        for index in range(draw(st.integers(0, 4))):
            talk = store.add_talk(
                conference.id,
                TalkDetails(
                    key=f"k{index}-{draw(_text)}",
                    title=draw(_text.filter(str.strip)),
                    starts_at=draw(_instant),
                    duration=timedelta(minutes=draw(st.integers(0, 300))),
                    abstract=draw(_text),
                    track=draw(_text),
                    speakers=tuple(draw(st.lists(_text.filter(str.strip), max_size=3))),
                ),
            )
            talks.append(talk)
            if draw(st.booleans()):
                store.set_star(talk.id, draw(st.integers(0, 2)))
                store.set_rating(talk.id, draw(st.none() | st.integers(1, 5)))
            if draw(st.booleans()):
                store.save_talk_note(talk.id, draw(_text))
                store.save_talk_note(talk.id, draw(_text))
            if draw(st.booleans()):
                store.tag_talk(talk.id, draw(_text.filter(lambda t: t.strip().lstrip("#"))))
            if draw(st.booleans()):
                store.set_watch_later(talk.id, True)
        for _ in range(draw(st.integers(0, 2))):
            talk_id = draw(st.sampled_from([None, *(t.id for t in talks)]))
            store.add_todo(
                conference.id,
                draw(_text.filter(str.strip)),
                kind=draw(st.sampled_from([TodoKind.ACTION, TodoKind.FOLLOW_UP])),
                talk_id=talk_id,
                due_on=draw(st.none() | st.just(date(2025, 6, 1))),
            )
        if draw(st.booleans()):
            store.add_conference_note(conference.id, draw(_text.filter(str.strip)), draw(_text))


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.data())
def test_backup_then_restore_gives_identical_data(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        with Store.open(root / "a.db") as original:
            data.draw(stores(original))
            backup = write_backup(original, root / "b.json")
            expected: dict[str, Any] = original.snapshot()
        with Store.open(root / "c.db") as restored:
            restore_backup(restored, backup)
            assert restored.snapshot() == expected
