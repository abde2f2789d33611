"""Starting the app from the command line: the log file and the store opened off the UI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from confnote.ui.app import ConfnoteApp, log

if TYPE_CHECKING:
    from confnote.config import Config
    from confnote.store import Store
    from confnote.store.plain_reads import FirstScreen


def run(
    database: Path,
    log_file: Path | None,
    config: Config,
    first_screen: Callable[[], FirstScreen | None],
) -> None:
    """Open the app on the database at ``database`` (opened in the store thread), with the
    settings of ``config``; ``first_screen`` gives the opening rows read ahead (see
    ``confnote.first_read``)."""
    if log_file is not None:
        log_to(log_file)

    def open_store() -> Store:
        from confnote.store import Store
        from confnote.store.backups import back_up_daily_in_background

        store = Store.open(database)
        back_up_daily_in_background(store.path)
        return store

    app = ConfnoteApp(open_store, first_screen=first_screen, config=config)
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)


def log_to(log_file: Path) -> logging.Handler | None:
    """Startup times and store errors go to a small private log file, never to the terminal."""
    from confnote.paths import create_private_file

    try:
        handler = logging.FileHandler(create_private_file(log_file), encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return handler
