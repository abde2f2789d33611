"""Every schedule format fed hostile input through `confnote import schedule`.

Each case must end in one line on stderr (or warnings), exit 1, no traceback,
no hang past its deadline, and a store exactly as it was (compared by digest).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from confnote.cli import main
from confnote.schedule import fetch
from confnote.store import Store
from tests.hostile_server import hostile_server
from tests.store_digest import store_digest

FIXTURES = Path(__file__).parents[1] / "schedule" / "fixtures"
FORMATS = ("xml", "json", "ics", "csv")
# How long any one case may take, the slow server included (its deadline is 1 s here).
CASE_LIMIT_S = 10.0


def _valid(extension: str) -> bytes:
    return (FIXTURES / f"tinycon.{extension}").read_bytes()


def _deep(extension: str) -> bytes:
    depth = 100_000
    return {
        "xml": b"<schedule>" + b"<day>" * depth + b"</day>" * depth + b"</schedule>",
        "json": b'{"schedule": {"conference": {"days": ' + b"[" * depth + b"]" * depth + b"}}}",
        "ics": b"BEGIN:VCALENDAR\r\n"
        + b"BEGIN:VEVENT\r\n" * 5000
        + b"END:VEVENT\r\n" * 5000
        + b"END:VCALENDAR\r\n",
        "csv": b'title,start\n"' + b"x" * 300_000 + b'",2025-05-17T09:00:00Z\n',
    }[extension]


def _entity_expansion(extension: str) -> bytes:
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    return {
        "xml": f'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY l0 "lol">{laughs}]>'
        "<schedule><conference><title>&l9;</title></conference></schedule>".encode(),
        # The other formats have no entities: the nearest thing is a huge repeated value.
        "json": b'{"schedule": {"conference": {"title": "' + b"lol" * 1_000_000 + b'"}}}',
        "ics": b"BEGIN:VCALENDAR\r\nX-LOL:" + b"lol" * 1_000_000 + b"\r\nEND:VCALENDAR\r\n",
        "csv": b"title,start\n" + b"lol,lol\n" * 300_000,
    }[extension]


def _external_entity(extension: str) -> bytes:
    if extension == "xml":
        return (
            b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<schedule><conference><title>&x;</title></conference></schedule>"
        )
    # Elsewhere a reference to a local file is plain text that must never be followed.
    return {
        "json": b'{"$ref": "file:///etc/passwd", "schedule": {"$ref": "/etc/passwd"}}',
        "ics": b"BEGIN:VCALENDAR\r\nATTACH:file:///etc/passwd\r\nEND:VCALENDAR\r\n",
        "csv": b"title,start\n@/etc/passwd,file:///etc/passwd\n",
    }[extension]


def _wrong_type(extension: str) -> bytes:
    return {
        "xml": b"<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'/>",
        "json": b'{"schedule": {"conference": {"days": {"rooms": 3}, "title": [1, 2]}}}',
        "ics": b"BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nSUMMARY:not an event\r\nEND:VTODO\r\n"
        b"END:VCALENDAR\r\n",
        "csv": b"\x89PNG\r\n\x1a\n" + bytes(200),
    }[extension]


CONTENT: dict[str, Callable[[str], bytes]] = {
    "empty": lambda extension: b"",
    "binary": lambda extension: bytes(range(256)) * 64,
    "truncated": lambda extension: _valid(extension)[: len(_valid(extension)) // 3],
    "wrong-encoding": lambda extension: (
        _valid(extension).decode().replace('encoding="UTF-8"', "").encode("cp500")
    ),
    "deep-nesting": _deep,
    "entity-expansion": _entity_expansion,
    "external-entity": _external_entity,
    "wrong-type": _wrong_type,
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "confnote.db"
    with Store.open(path) as store:
        conference = store.create_conference("Already here", time_zone="Europe/Berlin")
        store.add_todo(conference.id, "keep me")
    return path


def _refused(db: Path, source: str, capsys: pytest.CaptureFixture[str]) -> str:
    before = store_digest(db)
    started = time.monotonic()
    code = main(["--db", str(db), "import", "schedule", source])
    took = time.monotonic() - started
    err = capsys.readouterr().err
    assert code == 1, err
    assert took < CASE_LIMIT_S
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.startswith("confnote: error: "), err
    assert store_digest(db) == before
    return err


@pytest.mark.parametrize("extension", FORMATS)
@pytest.mark.parametrize("kind", sorted(CONTENT))
def test_hostile_content_is_refused_in_one_line_and_changes_nothing(
    kind: str, extension: str, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / f"hostile.{extension}"
    source.write_bytes(CONTENT[kind](extension))
    err = _refused(db, str(source), capsys)
    assert str(source) in err


@pytest.mark.parametrize("extension", FORMATS)
def test_a_100_mb_file_is_refused_unread(
    extension: str, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / f"huge.{extension}"
    with source.open("wb") as stream:
        stream.write(_valid(extension))
        stream.truncate(100 * 1024 * 1024)  # sparse: no disk, no time
    assert "100.0 MB; confnote reads schedule files of at most 32 MB" in _refused(
        db, str(source), capsys
    )


@pytest.mark.parametrize("extension", FORMATS)
def test_a_fifo_is_refused_without_waiting_for_a_writer(
    extension: str, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / f"schedule.{extension}"
    os.mkfifo(fifo)
    assert "not a regular file (a fifo)" in _refused(db, str(fifo), capsys)


@pytest.fixture
def hostile_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setattr(fetch, "DEADLINE_S", 1.0)
    with hostile_server() as url:
        yield url


@pytest.mark.parametrize("extension", FORMATS)
def test_a_slow_server_is_given_up_at_the_deadline(
    extension: str, db: Path, hostile_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused(db, f"{hostile_url}/slow.{extension}", capsys)
    assert "not complete within 1 s" in err


def test_a_server_announcing_100_mb_is_refused_before_the_download(
    db: Path, hostile_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused(db, f"{hostile_url}/huge.xml", capsys)
    assert "100.0 MB; confnote reads schedule files of at most 32 MB" in err
