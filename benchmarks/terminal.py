"""Running a program in a real pseudo-terminal and timing what appears on its screen."""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

# CSI and OSC sequences, and the two-byte escapes: what is left is the text drawn.
_ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


@dataclass
class Launch:
    """When each awaited text first showed, in seconds after the launch, and peak RSS."""

    seen: dict[str, float] = field(default_factory=dict)
    peak_rss_mb: float = 0.0
    steps_done: int = 0  # of ``then``


def launch_and_watch(
    argv: Sequence[str],
    wanted: Sequence[str],
    *,
    size: tuple[int, int] = (120, 40),
    env: dict[str, str] | None = None,
    timeout: float = 60.0,
    settle: float = 0.0,
    then: Sequence[tuple[str, str]] = (),
) -> Launch:
    """Start ``argv`` on a new pty of ``size`` (columns, rows) and time each text of
    ``wanted`` appearing on it; then, for each (keys, text) of ``then``, type the keys and
    wait for the text to show again. Peak RSS is read ``settle`` seconds after all that.
    The program is then sent SIGTERM (and SIGKILL if it lingers)."""
    columns, rows = size
    started = time.perf_counter()
    pid, fd = os.forkpty()
    if pid == 0:  # the child: become the program
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        os.execvpe(argv[0], list(argv), {**os.environ, "TERM": "xterm-256color", **(env or {})})
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    result = Launch()
    screen = _Screen(fd, started + timeout)
    try:
        while len(result.seen) < len(wanted) and screen.read():
            for item in wanted:
                if item not in result.seen and item.encode() in screen.text:
                    result.seen[item] = screen.last_read - started
        for keys, text in then:
            mark = len(screen.text)
            os.write(fd, keys.encode())
            if screen.wait_for(text.encode(), mark):
                result.steps_done += 1
        screen.drain(settle)  # keep reading so the program never blocks on its output
        result.peak_rss_mb = _peak_rss_mb(pid)
    finally:
        _stop(pid, fd)
    return result


class _Screen:
    """The text a program has drawn on its pty so far, its escapes taken out."""

    def __init__(self, fd: int, deadline: float) -> None:
        self.fd = fd
        self.deadline = deadline
        self.text = b""
        self.last_read = 0.0

    def wait_for(self, wanted: bytes, since: int = 0) -> bool:
        """Read until ``wanted`` shows in what was drawn after offset ``since``; False
        if the program ends or the deadline passes first."""
        while wanted not in self.text[since:]:
            if not self.read():
                return False
        return True

    def drain(self, seconds: float) -> None:
        until = time.perf_counter() + seconds
        while time.perf_counter() < until and self.read():
            pass

    def read(self) -> bool:
        """Read what is drawn within 0.05 s; False once the program has ended or the
        deadline has passed."""
        if self.fd < 0 or time.perf_counter() > self.deadline:
            return False
        if not select.select([self.fd], [], [], 0.05)[0]:
            return True
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            self.fd = -1
            return False
        self.text += _ESCAPES.sub(b"", chunk)
        self.last_read = time.perf_counter()
        return True


def _peak_rss_mb(pid: int) -> float:
    try:
        with Path(f"/proc/{pid}/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _stop(pid: int, fd: int) -> None:
    os.kill(pid, signal.SIGTERM)
    for _ in range(40):
        if os.waitpid(pid, os.WNOHANG)[0]:
            break
        try:
            while select.select([fd], [], [], 0.05)[0] and os.read(fd, 65536):
                pass
        except OSError:
            pass
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)
