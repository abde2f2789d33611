"""The real app as a separate process in a real terminal: each Terminal is its own tmux
server, so a test can type into it, read its screen, close it or kill it."""

from __future__ import annotations

import contextlib
import itertools
import os
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from confnote.store import Store
from tests.helpers import talk_details

_names = itertools.count()
WAIT = 40.0  # seconds: generous, the machine is shared and CI may run beside other builds


def needs_tmux() -> pytest.MarkDecorator:
    return pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


def make_talk_database(path: Path, title: str = "Alpha talk") -> int:
    """A database holding one conference with one talk; returns the talk's id."""
    with Store.open(path) as store:
        conference = store.create_conference("Conf", time_zone="UTC")
        talk = store.add_talk(
            conference.id, talk_details("a", title, "2025-05-17T09:00:00+00:00", 30)
        )
        return talk.id


class Terminal:
    def __init__(
        self, db: Path, *, size: tuple[int, int] = (100, 30), env: dict[str, str] | None = None
    ) -> None:
        self.db = db
        self.socket = f"confnote-test-{os.getpid()}-{next(_names)}"
        self._status_file = db.with_name(f"{self.socket}.status")
        # sh records the exit status (tmux 3.3 sometimes loses it); confnote runs as its child.
        command = (
            f"{sys.executable} -m confnote --db {shlex.quote(str(db))}; "
            f"echo $? > {shlex.quote(str(self._status_file))}"
        )
        self._tmux(
            "new-session", "-d", "-s", "app", "-x", str(size[0]), "-y", str(size[1]),
            *(f"-e{name}={value}" for name, value in (env or {}).items()), command,
            ";", "set-option", "-t", "app", "remain-on-exit", "on",
        )  # fmt: skip
        shell = int(self._tmux("display-message", "-p", "-t", "app", "#{pane_pid}"))
        self.pid = _child_of(shell)

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout.strip()

    def keys(self, *keys: str) -> None:
        """Press keys by tmux name: "Enter", "C-q", "F5"."""
        self._tmux("send-keys", "-t", "app", *keys)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", "app", "-l", text)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "app")

    def wait_for(self, text: str, timeout: float = WAIT) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never showed; the screen:\n{screen}")
            time.sleep(0.1)

    def open_first_talk(self, title: str = "Alpha talk") -> None:
        self.wait_for(title)
        self.keys("Enter")
        self.wait_for("## Key takeaways")

    def exit_status(self, timeout: float = WAIT) -> int:
        """Wait for the app to end; its exit status."""
        deadline = time.monotonic() + timeout
        while not self._status_file.exists() or not self._status_file.read_text().strip():
            if time.monotonic() > deadline:
                raise AssertionError(f"the app did not exit; the screen:\n{self.screen()}")
            time.sleep(0.05)
        return int(self._status_file.read_text())

    def kill(self, signum: int = signal.SIGKILL) -> None:
        os.kill(self.pid, signum)

    def alive(self) -> bool:
        try:
            stat = Path(f"/proc/{self.pid}/stat").read_text()
        except OSError:
            return False
        return stat.rpartition(")")[2].split()[0] != "Z"

    def close(self) -> None:
        """Close the terminal window: the tmux server goes, the app gets SIGHUP."""
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def _child_of(parent: int, timeout: float = WAIT) -> int:
    deadline = time.monotonic() + timeout
    children = Path(f"/proc/{parent}/task/{parent}/children")
    while True:
        with contextlib.suppress(OSError):
            found = children.read_text().split()
            if found:
                return int(found[0])
        if time.monotonic() > deadline:
            raise AssertionError(f"process {parent} never started confnote")
        time.sleep(0.02)


@contextlib.contextmanager
def held_lock(db: Path, *, readers_too: bool = False) -> Iterator[None]:
    """Another program holds the database's write lock (``BEGIN EXCLUSIVE``) for the block.

    Under WAL that lock still lets others read; ``readers_too`` takes the whole file
    (exclusive locking mode), so that not even a read gets through.
    """
    connection = sqlite3.connect(db, isolation_level=None)
    try:
        if readers_too:
            connection.execute("PRAGMA locking_mode = EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")
        yield
        connection.execute("COMMIT")
    finally:
        connection.close()


def stored_note(db: Path, talk_id: int) -> str:
    """The talk's note as the database holds it ('' when none), read without waiting."""
    with contextlib.closing(sqlite3.connect(db, timeout=10)) as connection:
        row = connection.execute("SELECT body FROM note WHERE talk_id = ?", (talk_id,)).fetchone()
    return str(row[0]) if row else ""


def wait_until(condition: Callable[[], object], what: str, timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout:g} s waiting for {what}")
        time.sleep(0.1)
