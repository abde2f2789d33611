from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from confnote.store import Conference, Store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "confnote.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened


@pytest.fixture
def conference(store: Store) -> Conference:
    return store.create_conference("ExampleConf 2025", time_zone="Europe/Brussels")


@pytest.fixture(autouse=True)
def no_user_config(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the config file (or a setting's override) of whoever runs the tests."""
    monkeypatch.setenv("CONFNOTE_CONFIG", "/nonexistent/confnote-tests/config.toml")
    monkeypatch.delenv("CONFNOTE_BACKUPS_KEEP", raising=False)
