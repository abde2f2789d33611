"""Reading the opening conference's rows before the UI exists.

``confnote`` with no command starts this read on a thread of its own first, then
imports Textual and the app: the two overlap, so the first day's talks are
usually there by the time the app can show them.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from confnote.store.plain_reads import FirstScreen


# How long a thread may keep Python's lock while another waits for it (the default is
# 5 ms). The app's UI thread is often busy for longer; at 1 ms the store thread's reads
# take about half as long beside it (0.13 s against 0.29 s for the first screen).
SWITCH_INTERVAL = 0.001


def share_the_lock_often() -> None:
    """Let the app's threads (UI, store, the read ahead) take turns every millisecond."""
    sys.setswitchinterval(SWITCH_INTERVAL)


def read_ahead(database: Path) -> Callable[[], FirstScreen | None]:
    """Start reading ``database``'s first screen; the callable returned waits for it.
    A read that fails gives None: it is only a head start, the store's own load follows."""
    found: list[FirstScreen | None] = [None]

    def read() -> None:
        from confnote.store.plain_reads import first_screen

        try:
            found[0] = first_screen(database)
        except Exception:
            logging.getLogger("confnote").exception("first screen failed")

    reader = threading.Thread(target=read, name="first-screen", daemon=True)
    reader.start()

    def result() -> FirstScreen | None:
        reader.join()
        return found[0]

    return result
