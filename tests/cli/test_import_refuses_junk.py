"""A file that yields no talk is refused in one line, and the store is left as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from confnote.cli import main
from confnote.schedule import ScheduleError, parse_schedule
from confnote.store import Store
from tests.store_digest import store_digest

JUNK = {
    "all-null.json": json.dumps(
        {"schedule": {"version": None, "conference": {"title": None, "days": None}}}
    ),
    "days-a-string.json": json.dumps(
        {"schedule": {"conference": {"title": "Junk", "days": "monday"}}}
    ),
    "empty-days.json": json.dumps({"schedule": {"conference": {"title": "Junk", "days": []}}}),
    "header-only.csv": "title,start,end,room\n",
    "no-events.xml": (
        '<schedule><conference><title>Junk</title></conference><day date="2025-05-17"/></schedule>'
    ),
    "no-events.ics": "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//junk//\r\nEND:VCALENDAR\r\n",
    "all-events-broken.csv": "title,start\nOpening,not a time\n,2025-05-17T09:00:00+02:00\n",
}


@pytest.mark.parametrize("name", sorted(JUNK))
def test_a_schedule_without_talks_is_refused_by_the_parser(name: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(JUNK[name].encode(), name)
    message = str(caught.value)
    assert message.startswith(f"{name}: not a schedule: no talk in it")
    assert "\n" not in message


@pytest.mark.parametrize("name", sorted(JUNK))
def test_importing_a_schedule_without_talks_changes_nothing(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "confnote.db"
    with Store.open(db) as store:
        store.create_conference("Already here")
    before = store_digest(db)
    source = tmp_path / name
    source.write_text(JUNK[name], encoding="utf-8")
    assert main(["--db", str(db), "import", "schedule", str(source)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no talk in it" in err and "Traceback" not in err
    assert store_digest(db) == before
