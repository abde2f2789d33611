"""`confnote import writeup`: dry run, import, re-import, and one-line errors."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from confnote.cli import main
from confnote.store import Store

POST = (
    "# ExampleConf 2025 recap\n\nIntro.\n\n## Day 1\n\n### Typing Without Tears by Ada Example\n\n"
    "Gradual.\n\n### Parsing Fast (Bo Sample)\n\nFast.\n\n## Talks to watch\n\n- Tiny Parsers\n"
)


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), "import", "writeup", *args])


def digest(db: Path) -> str:
    with sqlite3.connect(db) as connection:
        return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()


@pytest.fixture
def post(tmp_path: Path) -> Path:
    path = tmp_path / "recap.md"
    path.write_text(POST, encoding="utf-8")
    return path


def test_dry_run_prints_the_structure_and_writes_nothing(
    db_path: Path, post: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, "--dry-run", str(post)) == 0
    out = capsys.readouterr().out
    assert "Conference: ExampleConf 2025" in out
    assert "Days: Day 1" in out
    assert "Talks: 2" in out
    assert "1. Typing Without Tears — Ada Example  (note 8 chars, Day 1)" in out
    assert "[watch later] Tiny Parsers" in out
    assert not db_path.exists()


def test_import_then_reimport_is_idempotent(
    db_path: Path, post: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, str(post)) == 0
    assert "2 talks added" in capsys.readouterr().out
    before = digest(db_path)
    assert run(db_path, str(post)) == 0
    assert "unchanged" in capsys.readouterr().out
    assert digest(db_path) == before
    with Store.open(db_path) as store:
        conference = store.find_conference("ExampleConf 2025")
        assert conference is not None
        assert len(store.list_talks(conference.id)) == 2


def test_into_a_named_conference(db_path: Path, post: Path) -> None:
    with Store.open(db_path) as store:
        store.create_conference("Elsewhere 2025")
    assert run(db_path, "--conference", "elsewhere-2025", str(post)) == 0
    with Store.open(db_path) as store:
        conference = store.find_conference("Elsewhere 2025")
        assert conference is not None and len(store.list_talks(conference.id)) == 2


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "the file is empty"), (None, "No such file or directory")],
)
def test_a_bad_file_is_one_error_line_and_changes_nothing(
    db_path: Path,
    post: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes | None,
    reason: str,
) -> None:
    assert run(db_path, str(post)) == 0
    before = digest(db_path)
    capsys.readouterr()
    bad = tmp_path / "bad.md"
    if content is not None:
        bad.write_bytes(content)
    post.write_text(POST + "\n## Hallway track\n\nChanged.\n", encoding="utf-8")
    assert run(db_path, str(post), str(bad)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("confnote: error: ")
    assert "Traceback" not in err
    assert digest(db_path) == before
    assert reason in err and "bad.md" in err


def test_an_unknown_conference_is_one_error_line(
    db_path: Path, post: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, "--conference", "nowhere", str(post)) == 1
    assert capsys.readouterr().err.startswith("confnote: error: no conference named 'nowhere'")


UNDATED = (
    "# ExampleConf 2019 recap\n\nIntro.\n\n## Typing Without Tears by Ada Example\n\nGradual.\n\n"
    "## Parsing Fast (Bo Sample)\n\nFast.\n"
)


def test_an_undated_write_up_stays_in_its_year_and_its_post_invents_no_days(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "recap.md"
    path.write_text(UNDATED, encoding="utf-8")
    assert run(db_path, str(path)) == 0
    with Store.open(db_path) as store:
        conference = store.find_conference("ExampleConf 2019")
        assert conference is not None and conference.starts_on is None
        assert {t.starts_at.year for t in store.list_talks(conference.id)} == {2019}
    capsys.readouterr()
    export = ["--db", str(db_path), "export", "post", "ExampleConf 2019", "--select", "all"]
    assert main([*export, "--stdout"]) == 0
    headings = [line for line in capsys.readouterr().out.splitlines() if line.startswith("## ")]
    assert headings == ["## Talks"]


def test_a_date_in_the_file_name_dates_an_undated_write_up(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "2019-05-04-recap.md"
    path.write_text(UNDATED, encoding="utf-8")
    assert run(db_path, str(path)) == 0
    with Store.open(db_path) as store:
        conference = store.find_conference("ExampleConf 2019")
        assert conference is not None
        days = {t.starts_at.date() for t in store.list_talks(conference.id)}
    assert days == {date(2019, 5, 4)}
