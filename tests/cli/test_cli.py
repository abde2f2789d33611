from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from confnote import __version__
from confnote.cli import main
from confnote.store import Store, TodoKind
from tests.helpers import talk_details


@pytest.fixture
def filled_db(db_path: Path) -> Path:
    with Store.open(db_path) as store:
        conference = store.create_conference("ExampleConf 2025", time_zone="Europe/Brussels")
        talk = store.add_talk(
            conference.id, talk_details("a", "Typing Python", speakers=("Ada Lovelace",))
        )
        store.save_talk_note(talk.id, "protocols are neat")
        store.add_todo(conference.id, "Try mypy strict", talk_id=talk.id)
        done = store.add_todo(conference.id, "Say hi", kind=TodoKind.FOLLOW_UP)
        store.set_todo_done(done.id, True)
        store.set_watch_later(talk.id, True)
    return db_path


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"confnote {__version__}"


def test_paths_honours_db_option_and_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["--db", str(tmp_path / "a.db"), "paths"]) == 0
    out = capsys.readouterr().out
    assert f"database  {tmp_path / 'a.db'}" in out
    assert f"backups   {tmp_path / 'backups'}" in out
    monkeypatch.setenv("CONFNOTE_DB", str(tmp_path / "env.db"))
    assert main(["paths"]) == 0
    assert f"database  {tmp_path / 'env.db'}" in capsys.readouterr().out
    assert main(["paths", "--db", str(tmp_path / "b.db")]) == 0
    assert f"database  {tmp_path / 'b.db'}" in capsys.readouterr().out
    assert not (tmp_path / "a.db").exists()


def test_search_prints_title_speakers_and_snippet(
    filled_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(filled_db), "search", "protocols"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Typing Python — Ada Lovelace  [Sat 17 May 09:00]"
    assert lines[1].strip() == "protocols are neat"


def test_search_with_no_hits_exits_non_zero(
    filled_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(filled_db), "search", "C++"]) == 1
    assert "nothing matches" in capsys.readouterr().err


def test_search_in_an_unknown_conference_is_one_line_error(
    filled_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(filled_db), "search", "x", "--conference", "Nope"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("confnote: error: no conference named")


def test_todo_list_and_open_filter(filled_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(filled_db), "todo", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "[ ] Try mypy strict  (action; talk: Typing Python)",
        "[x] Say hi  (follow up)",
        "[ ] Watch “Typing Python”  (watch later; talk: Typing Python)",
    ]
    assert main(["--db", str(filled_db), "todo", "list", "--open", "--kind", "watch_later"]) == 0
    assert capsys.readouterr().out.splitlines() == [out[2]]


def test_conferences_lists_name_and_talk_count(
    filled_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(filled_db), "conferences"]) == 0
    assert "ExampleConf 2025" in capsys.readouterr().out


def test_a_directory_as_database_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(tmp_path), "todo", "list"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("confnote: error: ") and err.count("\n") == 1


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "confnote", *args], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    "command", [[], ["paths"], ["search"], ["todo"], ["todo", "list"], ["conferences"]]
)
def test_every_command_has_help(command: list[str]) -> None:
    result = _run(*command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: confnote")


def test_help_loads_neither_sqlalchemy_nor_textual() -> None:
    code = (
        "import sys\n"
        "from confnote.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('sqlalchemy', 'textual') if m in sys.modules), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stderr.strip() == "[]"


def test_bad_arguments_exit_non_zero_without_traceback() -> None:
    result = _run("todo", "list", "--kind", "nonsense")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
