from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e.terminal import Terminal


@pytest.fixture
def terminals() -> Iterator[Callable[..., Terminal]]:
    """Open real terminals running confnote; every one is closed after the test."""
    opened: list[Terminal] = []

    def open_terminal(db: Path, env: dict[str, str] | None = None) -> Terminal:
        opened.append(Terminal(db, env=env))
        return opened[-1]

    yield open_terminal
    for terminal in opened:
        terminal.close()
