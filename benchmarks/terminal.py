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


def launch_and_watch(
    argv: Sequence[str],
    wanted: Sequence[str],
    *,
    size: tuple[int, int] = (120, 40),
    env: dict[str, str] | None = None,
    timeout: float = 60.0,
    settle: float = 0.0,
) -> Launch:
    """Start ``argv`` on a new pty of ``size`` (columns, rows) and time each text of
    ``wanted`` appearing on it; peak RSS is read ``settle`` seconds after the last one.
    The program is then sent SIGTERM (and SIGKILL if it lingers)."""
    columns, rows = size
    started = time.perf_counter()
    pid, fd = os.forkpty()
    if pid == 0:  # the child: become the program
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        os.execvpe(argv[0], list(argv), {**os.environ, "TERM": "xterm-256color", **(env or {})})
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    result = Launch()
    text = b""
    deadline = started + timeout
    try:
        while len(result.seen) < len(wanted) and time.perf_counter() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            text += _ESCAPES.sub(b"", chunk)
            now = time.perf_counter() - started
            for item in wanted:
                if item not in result.seen and item.encode() in text:
                    result.seen[item] = now
        settle_until = time.perf_counter() + settle
        while time.perf_counter() < settle_until:  # keep draining so the program never blocks
            if select.select([fd], [], [], 0.05)[0]:
                try:
                    os.read(fd, 65536)
                except OSError:
                    break
        result.peak_rss_mb = _peak_rss_mb(pid)
    finally:
        _stop(pid, fd)
    return result


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
