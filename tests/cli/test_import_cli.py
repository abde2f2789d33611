"""`confnote import schedule`: from a path or URL, refresh, and one-line errors."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import pytest

from confnote.cli import main
from confnote.store import Store
from tests.helpers import SHARED, loopback_server
from tests.schedule_files import Event, frab_xml

TALKS = [
    Event("g1", "Opening", "2025-05-17T09:00:00+02:00", speakers=("Ada",)),
    Event("g2", "Parsing Schedules", "2025-05-17T10:00:00+02:00", speakers=("Bob",)),
    Event("g3", "Closing", "2025-05-18T17:00:00+02:00"),
]
FOSDEM_2026 = SHARED / "samples" / "schedules" / "fosdem-2026.xml"


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), "import", "schedule", *args])


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("confnote: error: "), err
    assert "Traceback" not in err
    return err.removeprefix("confnote: error: ").strip()


@pytest.fixture
def schedule_file(tmp_path: Path) -> Path:
    path = tmp_path / "testconf.xml"
    path.write_bytes(frab_xml(TALKS))
    return path


# From a file


def test_import_from_a_path_prints_a_summary_and_stores_the_talks(
    db_path: Path, schedule_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, str(schedule_file)) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Imported TestConf 2025: 3 talks (frab-xml)",
        "  2 days: Sat 17 May 2025, Sun 18 May 2025 (Europe/Brussels)",
    ]
    with Store.open(db_path) as store:
        (conference,) = store.list_conferences()
        assert [talk.title for talk in store.list_talks(conference.id)] == [
            "Opening",
            "Parsing Schedules",
            "Closing",
        ]
        source = store.schedule_source(conference.id)
        assert source is not None and source.location == str(schedule_file)


def test_importing_the_same_file_again_says_no_changes(
    db_path: Path, schedule_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, str(schedule_file)) == 0
    capsys.readouterr()
    assert run(db_path, str(schedule_file)) == 0
    assert capsys.readouterr().out == "Refreshed TestConf 2025: no changes (3 talks)\n"


def test_a_refresh_lists_what_changed_with_starred_talks_first(
    db_path: Path, schedule_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, str(schedule_file)) == 0
    with Store.open(db_path) as store:
        (conference,) = store.list_conferences()
        closing = store.list_talks(conference.id)[-1]
        store.set_star(closing.id, 1)
    moved = TALKS[2].but(start="2025-05-18T16:00:00+02:00", room="Side Room")
    schedule_file.write_bytes(
        frab_xml([TALKS[0].but(title="Welcome"), moved, Event("g4", "Lightning Talks")])
    )
    capsys.readouterr()
    assert run(db_path, str(schedule_file)) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Refreshed TestConf 2025: 1 added, 2 changed (1 starred), 1 cancelled, 0 unchanged",
        "  ★ changed    Closing — time, room",
        "    changed    Welcome — title",
        "    cancelled  Parsing Schedules",
        "    added      Lightning Talks",
    ]


def test_a_file_without_a_zone_is_read_in_the_zone_given(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "meetup.csv"
    table.write_text("title,start,end,room\nIntro,2025-05-17 09:00,2025-05-17 09:30,A\n")
    assert run(db_path, str(table), "--zone", "Europe/Brussels") == 0
    with Store.open(db_path) as store:
        (conference,) = store.list_conferences()
        (talk,) = store.list_talks(conference.id)
        assert talk.starts_at.isoformat() == "2025-05-17T07:00:00+00:00"


def test_import_into_a_named_conference_uses_its_zone(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db_path) as store:
        store.create_conference("Meetup", time_zone="America/New_York")
    table = tmp_path / "meetup.csv"
    table.write_text("title,start,end\nIntro,2025-05-17 09:00,2025-05-17 09:30\n")
    assert run(db_path, str(table), "--conference", "meetup") == 0
    assert capsys.readouterr().out.startswith("Imported Meetup: 1 talk (csv)")
    with Store.open(db_path) as store:
        (conference,) = store.list_conferences()
        (talk,) = store.list_talks(conference.id)
        assert talk.starts_at.isoformat() == "2025-05-17T13:00:00+00:00"


def test_a_schedule_of_a_conference_already_there_is_not_silently_duplicated(
    db_path: Path, schedule_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, str(schedule_file)) == 0
    copy = tmp_path / "copy.xml"
    copy.write_bytes(schedule_file.read_bytes())
    capsys.readouterr()
    assert run(db_path, str(copy)) == 1
    assert "--conference testconf-2025" in one_error_line(capsys)
    assert run(db_path, str(copy), "--new") == 0
    assert run(db_path, str(copy), "--conference", "testconf-2025") == 0
    assert "Refreshed TestConf 2025: no changes" in capsys.readouterr().out
    with Store.open(db_path) as store:
        assert [c.slug for c in store.list_conferences()] == ["testconf-2025-2", "testconf-2025"]


def test_refresh_by_conference_reads_the_remembered_file_again(
    db_path: Path, schedule_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, str(schedule_file)) == 0
    schedule_file.write_bytes(frab_xml(TALKS[:2]))
    capsys.readouterr()
    assert run(db_path, "--refresh", "TestConf 2025") == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "Refreshed TestConf 2025: 1 cancelled, 2 unchanged"
    )


def test_refresh_of_a_conference_without_a_source_is_a_one_line_error(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db_path) as store:
        store.create_conference("Meetup")
    assert run(db_path, "--refresh", "Meetup") == 1
    assert "Meetup has no schedule imported" in one_error_line(capsys)


# Failures: one line naming the file, and an untouched store


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"just some notes\nnothing to see\n", "not"),
        (frab_xml(TALKS)[:400], "broken XML"),
        (b"", "empty"),
    ],
    ids=["not-a-schedule", "truncated", "empty"],
)
def test_a_file_that_is_no_schedule_is_one_line_naming_it_and_stores_nothing(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    reason: str,
) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes(content)
    assert run(db_path, str(bad)) == 1
    message = one_error_line(capsys)
    assert message.startswith(f"{bad}: ") and reason in message
    with Store.open(db_path) as store:
        assert store.is_empty()


def test_a_missing_file_or_a_folder_is_one_line(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, str(tmp_path / "nope.xml")) == 1
    assert one_error_line(capsys) == f"{tmp_path / 'nope.xml'}: no such file"
    assert run(db_path, str(tmp_path)) == 1
    assert one_error_line(capsys) == f"{tmp_path}: is a folder, not a schedule file"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_file_is_one_line(
    db_path: Path, schedule_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schedule_file.chmod(0)
    assert run(db_path, str(schedule_file)) == 1
    assert "permission denied" in one_error_line(capsys)


def test_an_unknown_conference_is_one_line(
    db_path: Path, schedule_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, str(schedule_file), "--conference", "Nope") == 1
    assert one_error_line(capsys).startswith("no conference named 'Nope'")


# From a URL


class _Handler(BaseHTTPRequestHandler):
    body: ClassVar[bytes] = b""
    seen: ClassVar[list[dict[str, str]]] = []

    def do_GET(self) -> None:
        type(self).seen.append(dict(self.headers.items()))
        if self.path != "/schedule.xml":
            self._send(404, b"no such schedule", {})
            return
        etag = '"' + hashlib.sha1(self.body).hexdigest()[:12] + '"'
        if self.headers.get("If-None-Match") == etag:
            self._send(304, b"", {"ETag": etag})
        else:
            self._send(200, self.body, {"ETag": etag})

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("no_proxy", "*")
    _Handler.body = frab_xml(TALKS)
    _Handler.seen = []
    with loopback_server(_Handler) as url:
        yield url


def test_a_url_is_fetched_once_then_skipped_while_not_modified(
    db_path: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{server}/schedule.xml"
    assert run(db_path, url) == 0
    assert capsys.readouterr().out.startswith("Imported TestConf 2025: 3 talks (frab-xml)")
    assert run(db_path, url) == 0
    assert capsys.readouterr().out == f"TestConf 2025: not modified since last import ({url})\n"
    assert "If-None-Match" not in _Handler.seen[0]
    assert _Handler.seen[1]["If-None-Match"].startswith('"')
    _Handler.body = frab_xml([*TALKS, Event("g4", "Encore")])
    assert run(db_path, "--refresh", "testconf-2025") == 0
    assert capsys.readouterr().out.splitlines() == [
        "Refreshed TestConf 2025: 1 added, 3 unchanged",
        "    added  Encore",
    ]


def test_a_url_that_answers_404_is_one_line_and_stores_nothing(
    db_path: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, f"{server}/missing.xml") == 1
    message = one_error_line(capsys)
    assert message.startswith(f"{server}/missing.xml: HTTP 404")
    with Store.open(db_path) as store:
        assert store.is_empty()


# Help


def _python(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=False, cwd=Path.cwd()
    )


@pytest.mark.parametrize("command", [["import"], ["import", "schedule"]])
def test_import_commands_have_help(command: list[str]) -> None:
    result = _python("-m", "confnote", *command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: confnote import")


def test_import_schedule_help_loads_neither_sqlalchemy_nor_textual() -> None:
    code = (
        "import sys\n"
        "from confnote.cli import main\n"
        "try:\n    main(['import', 'schedule', '--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('sqlalchemy', 'textual') if m in sys.modules), file=sys.stderr)\n"
    )
    assert _python("-c", code).stderr.strip() == "[]"


def test_import_schedule_needs_a_source_or_refresh() -> None:
    result = _python("-m", "confnote", "import", "schedule")
    assert result.returncode == 2 and "Traceback" not in result.stderr


# The real FOSDEM 2026 schedule


@pytest.mark.skipif(not FOSDEM_2026.is_file(), reason="shared samples not checked out")
def test_fosdem_2026_imports_883_talks_over_two_days_in_brussels(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, str(FOSDEM_2026)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "Imported FOSDEM 2026: 883 talks (frab-xml)",
        "  2 days: Sat 31 Jan 2026, Sun 1 Feb 2026 (Europe/Brussels)",
    ]
    with Store.open(db_path) as store:
        (conference,) = store.list_conferences()
        assert conference.time_zone == "Europe/Brussels"
        assert len(store.list_talks(conference.id)) == 883
        assert store.conference_days(conference.id) == [date(2026, 1, 31), date(2026, 2, 1)]
    assert run(db_path, str(FOSDEM_2026)) == 0
    assert capsys.readouterr().out == "Refreshed FOSDEM 2026: no changes (883 talks)\n"


def test_a_long_list_of_changes_is_capped_and_keeps_starred_talks() -> None:
    from confnote.import_summary import summary_lines
    from confnote.store import Conference, ImportedTalk, ImportReport

    report = ImportReport(
        conference=Conference(1, "BigConf", "bigconf", "UTC"),
        format="csv",
        refreshed=True,
        talk_count=30,
        added=tuple(ImportedTalk(n, f"New {n}") for n in range(20)),
        cancelled=(ImportedTalk(99, "Favourite", star=2),),
        unchanged=9,
    )
    lines = summary_lines(report, limit=5)
    assert lines[0] == "Refreshed BigConf: 20 added, 1 cancelled (1 starred), 9 unchanged"
    assert lines[1] == "  ★ cancelled  Favourite"
    assert lines[2:] == [*(f"    added      New {n}" for n in range(4)), "    … and 16 more"]
