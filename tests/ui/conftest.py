from __future__ import annotations

from pathlib import Path

import pytest

from confnote.store import Conference, Store
from confnote.store.records import Talk
from confnote.ui.app import ConfnoteApp
from confnote.ui.widgets import note_pane
from tests.helpers import talk_details
from tests.ui.pilot_helpers import Programme, make_app


@pytest.fixture
def programme(store: Store, conference: Conference) -> Programme:
    def add(key: str, title: str, start: str, minutes: int, **fields: object) -> Talk:
        return store.add_talk(conference.id, talk_details(key, title, start, minutes, **fields))

    return Programme(
        conference=conference,
        opening=add(
            "opening",
            "Opening keynote",
            "2025-05-17T09:00:00+02:00",
            30,
            room="Main Hall",
            track="Keynotes",
            speakers=("Ada Lovelace",),
            video_url="https://video.example.org/opening",
        ),
        parallel=add(
            "parallel",
            "Parsing with parsers",
            "2025-05-17T09:15:00+02:00",
            30,
            room="Room B",
            track="Python",
            speakers=("Grace Hopper",),
        ),
        late=add(
            "late",
            "Late morning databases",
            "2025-05-17T11:00:00+02:00",
            30,
            room="Main Hall",
            track="Data",
        ),
        tomorrow=add(
            "tomorrow",
            "Second day sprints",
            "2025-05-18T10:00:00+02:00",
            30,
            room="Main Hall",
            track="Python",
        ),
    )


@pytest.fixture
def no_autosave(monkeypatch: pytest.MonkeyPatch) -> None:
    """Push the autosave an hour away, so only the save under test can write the note."""
    monkeypatch.setattr(note_pane, "AUTOSAVE_DELAY", 3600.0)


@pytest.fixture
def app(db_path: Path) -> ConfnoteApp:
    """The app on the test's database, at 09:20 on 17 May 2025 in Brussels; home is New York."""
    return make_app(db_path)
