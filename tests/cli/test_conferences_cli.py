"""`confnote conferences rename/zone/delete`: the store's own changes, from the shell."""

from __future__ import annotations

from pathlib import Path

import pytest

from confnote.cli import main
from confnote.store import Store, TrashKind
from tests.helpers import TypedAnswer, talk_details


@pytest.fixture
def db(db_path: Path) -> list[str]:
    with Store.open(db_path) as store:
        conference = store.create_conference("ExampleConf 2025", time_zone="Europe/Brussels")
        talk = store.add_talk(conference.id, talk_details("a", "Typing Python"))
        store.save_talk_note(talk.id, "protocols are neat")
        store.add_todo(conference.id, "Try mypy strict", talk_id=talk.id)
    return ["--db", str(db_path)]


def test_conferences_rename_keeps_the_slug(
    db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*db, "conferences", "rename", "examplecconf-2025", "X"]) == 1
    assert "no conference named" in capsys.readouterr().err
    assert main([*db, "conferences", "rename", "exampleconf-2025", "Example Conf"]) == 0
    assert capsys.readouterr().out == "renamed 'ExampleConf 2025' to 'Example Conf'\n"
    assert main([*db, "conferences"]) == 0
    assert capsys.readouterr().out.startswith("exampleconf-2025             Example Conf")
    assert main([*db, "conferences", "rename", "exampleconf-2025", " "]) == 1
    assert capsys.readouterr().err == "confnote: error: a conference needs a name\n"


def test_conferences_zone_refuses_an_unknown_zone_in_one_line(
    db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*db, "conferences", "zone", "exampleconf-2025", "Europe/Brusels"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown time zone 'Europe/Brusels'" in err
    assert main([*db, "conferences", "zone", "exampleconf-2025", "Asia/Tokyo"]) == 0
    assert capsys.readouterr().out == "ExampleConf 2025 now shows its times in Asia/Tokyo\n"


def test_conferences_delete_asks_then_moves_it_to_the_trash(
    db: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", TypedAnswer("n\n"))
    assert main([*db, "conferences", "delete", "exampleconf-2025"]) == 1
    out, err = capsys.readouterr()
    assert "Move 'ExampleConf 2025' with its 1 talk, 1 note and 1 TODO to the trash?" in out
    assert "nothing deleted" in err
    monkeypatch.setattr("sys.stdin", TypedAnswer("y\n"))
    assert main([*db, "conferences", "delete", "exampleconf-2025"]) == 0
    assert "moved 'ExampleConf 2025' to the trash" in capsys.readouterr().out
    assert main([*db, "trash"]) == 0
    out = capsys.readouterr().out
    assert "conference" in out and "ExampleConf 2025" in out
    with Store.open(Path(db[1])) as store:
        (item,) = store.trash()
        assert item.kind is TrashKind.CONFERENCE
    assert main([*db, "trash", "restore", str(item.id)]) == 0
    assert "restored conference 'ExampleConf 2025'" in capsys.readouterr().out
    assert main([*db, "search", "protocols"]) == 0


def test_conferences_delete_without_a_terminal_needs_yes(
    db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*db, "conferences", "delete", "exampleconf-2025"]) == 1
    assert "add --yes" in capsys.readouterr().err
    assert main([*db, "conferences", "delete", "exampleconf-2025", "--yes"]) == 0
