"""One thread that runs store calls in the order they were made.

The UI never waits on it: it submits a job and gets a message back. Serial
order matters: two quick star presses or two note saves must not race.
"""

from __future__ import annotations

import logging
import queue
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from textual.message import Message

from confnote.errors import ConfnoteError
from confnote.ui.messages import ConferenceLoaded, StoreFailed, StoreReady

if TYPE_CHECKING:
    from textual.app import App
    from textual.worker import Worker

    from confnote.store import Store
    from confnote.store.plain_reads import FirstScreen

Job = Callable[["Store"], Any]
Reply = Callable[[Any], "Message | Sequence[Message] | None"]
OnError = Callable[[str], "Message"]


class StoreRunner:
    def __init__(
        self,
        app: App[Any],
        open_store: Callable[[], Store],
        first_screen: Callable[[], FirstScreen | None] | None = None,
    ) -> None:
        self._app = app
        self._open_store = open_store
        self._first_screen = first_screen
        self._jobs: queue.Queue[tuple[Job, Reply | None, OnError | None] | None] = queue.Queue()
        self._worker: Worker[None] | None = None
        self.store: Store | None = None

    def start(self) -> None:
        self._worker = self._app.run_worker(
            self._run, name="store", group="store", thread=True, exit_on_error=False
        )

    def submit(self, job: Job, reply: Reply | None = None, on_error: OnError | None = None) -> None:
        """Run ``job(store)`` after every job submitted before it; post ``reply(result)``."""
        self._jobs.put((job, reply, on_error))

    def close(self) -> None:
        """No more jobs: the thread finishes what was submitted, closes the store and ends."""
        self._jobs.put(None)

    async def stop(self) -> None:
        """Finish every submitted job, close the store, and wait for the thread to end."""
        self.close()
        if self._worker is not None:
            await self._worker.wait()

    def _run(self) -> None:
        started = time.perf_counter()
        self._show_first_screen()
        try:
            store = self._open_store()
            self.store = store
            conferences = store.list_conferences()
        except ConfnoteError as error:
            self._app.post_message(StoreFailed(str(error)))
            self._drain()
            return
        self._app.post_message(StoreReady(conferences, time.perf_counter() - started))
        try:
            while (item := self._jobs.get()) is not None:
                job, reply, on_error = item
                try:
                    result = job(store)
                except ConfnoteError as error:
                    failure = on_error(str(error)) if on_error else StoreFailed(str(error))
                    self._app.post_message(failure)
                    continue
                except Exception as error:  # a bug: keep the thread alive, say what broke
                    logging.getLogger("confnote").exception("store job failed")
                    reason = f"internal error: {type(error).__name__}: {error}"
                    self._app.post_message(on_error(reason) if on_error else StoreFailed(reason))
                    continue
                replies = reply(result) if reply is not None else None
                if replies is None:
                    continue
                for message in [replies] if isinstance(replies, Message) else replies:
                    self._app.post_message(message)
        finally:
            store.close()

    def _show_first_screen(self) -> None:
        """Rows first: the opening conference read with plain sqlite3, so the schedule
        fills while SQLAlchemy loads. Its notes and TODOs follow once the store is open."""
        if self._first_screen is None:
            return
        try:
            early = self._first_screen()
        except Exception:  # only a head start: the store's own load follows regardless
            logging.getLogger("confnote").exception("first screen failed")
            return
        if early is not None:
            conference, talks, days = early
            self._app.post_message(ConferenceLoaded(conference, talks, [], days))

    def _drain(self) -> None:
        while self._jobs.get() is not None:
            pass
