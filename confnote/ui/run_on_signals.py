"""Signals handled beside the message queue (which a quit waiting on a locked database holds)."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable, Coroutine, Mapping
from typing import Any

Handler = Callable[[], Coroutine[Any, Any, None]]


def run_on_signals(handlers: Mapping[signal.Signals, Handler]) -> None:
    """From now on, each signal starts its handler as a task of the running loop."""
    loop = asyncio.get_running_loop()
    tasks: set[asyncio.Task[None]] = set()  # held, so a running handler is not collected

    def start(run: Handler) -> None:
        tasks.add(task := loop.create_task(run()))
        task.add_done_callback(tasks.discard)

    for signum, handler in handlers.items():
        # Not possible off the main thread (tests) or on some platforms.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, start, handler)
