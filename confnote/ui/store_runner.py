"""One thread that runs store calls in the order they were made.

The UI never waits on it: it submits a job and gets a message back, on the widget that
asked or else on the screen given at start (whose unhandled messages bubble up to the app).
The thread's own news (ready, waiting for a lock, failed to open) goes to the app. Every
message passes through the app's queue first, in order with the keys. Serial
order matters: two quick star presses or two note saves must not race. Between
jobs it watches for other programs' writes and says so with DatabaseChanged.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from textual.message import Message

from confnote.errors import ConfnoteError, StoreLockedError
from confnote.ui.messages import (
    ConferenceLoaded,
    DatabaseChanged,
    StoreFailed,
    StoreReady,
    StoreWaiting,
)

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump
    from textual.worker import Worker

    from confnote.store import Conference, Store
    from confnote.store.place import Place
    from confnote.store.plain_reads import FirstScreen

Job = Callable[["Store"], Any]
Reply = Callable[[Any], "Message | Sequence[Message] | None"]
OnError = Callable[[str], "Message"]
Item = tuple[Job, "Reply | None", "OnError | None", "MessagePump | None"]


class Submit(Protocol):
    def __call__(
        self,
        job: Job,
        reply: Reply | None = None,
        on_error: OnError | None = None,
        to: MessagePump | None = None,
    ) -> None: ...


# How often the store thread looks for other programs' writes when idle (seconds).
WATCH_INTERVAL = 0.8
# How often a start that found the database locked tries again (seconds).
OPEN_RETRY = 1.0


class ChangeWatch:
    """Spots commits by other connections (another window, the CLI) with the cheap
    ``PRAGMA data_version``, at most once per ``WATCH_INTERVAL``."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._seen = store.data_version()
        self._checked = time.monotonic()

    def due(self) -> bool:
        return time.monotonic() - self._checked >= WATCH_INTERVAL

    def changed(self) -> bool:
        self._checked = time.monotonic()
        try:
            version = self._store.data_version()
        except ConfnoteError:
            return False
        changed, self._seen = version != self._seen, version
        return changed


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
        self._jobs: queue.Queue[Item | None] = queue.Queue()
        self._replies_to: MessagePump = app
        self._worker: Worker[None] | None = None
        self.store: Store | None = None
        self._closing = threading.Event()
        self.finished = threading.Event()  # set once the thread has closed the store

    def start(self, replies_to: MessagePump | None = None) -> None:
        """Open the store and serve jobs; replies go to ``replies_to`` unless a job names
        where its replies go."""
        if self._worker is not None:
            return  # already serving
        self._replies_to = replies_to or self._app
        self._worker = self._app.run_worker(
            self._run, name="store", group="store", thread=True, exit_on_error=False
        )

    def submit(
        self,
        job: Job,
        reply: Reply | None = None,
        on_error: OnError | None = None,
        to: MessagePump | None = None,
    ) -> None:
        """Run ``job(store)`` after every job submitted before it; post ``reply(result)``
        to ``to``, or where replies go by default."""
        self._jobs.put((job, reply, on_error, to))

    def close(self) -> None:
        """No more jobs: the thread finishes what was submitted, closes the store and ends."""
        self._closing.set()
        self._jobs.put(None)

    async def stop(self) -> None:
        """Finish every submitted job, close the store, and wait for the thread to end."""
        self.close()
        await self.wait()

    async def wait(self) -> None:
        if self._worker is not None:
            await self._worker.wait()

    def _run(self) -> None:
        try:
            self._serve()
        finally:
            self.finished.set()

    def _serve(self) -> None:
        started = time.perf_counter()
        self._show_first_screen()
        opened = self._open()
        if opened is None:
            self._drain()
            return
        store, conferences, place = opened
        self._app.post_message(StoreReady(conferences, time.perf_counter() - started, place))
        watch = ChangeWatch(store)
        try:
            while True:
                try:
                    item = self._jobs.get(timeout=WATCH_INTERVAL)
                except queue.Empty:
                    pass
                else:
                    if item is None:
                        break
                    self._run_job(store, *item)
                if watch.due() and watch.changed():
                    self._post(DatabaseChanged())
        finally:
            store.close()

    def _show_first_screen(self) -> None:
        """Rows first: the opening conference read with plain sqlite3, so the schedule
        fills while the store opens. Its notes and TODOs follow once it is open."""
        if self._first_screen is None:
            return
        try:
            early = self._first_screen()
        except Exception:  # only a head start: the store's own load follows regardless
            logging.getLogger("confnote").exception("first screen failed")
            return
        if early is not None:
            conference, talks, days, place = early
            self._post(ConferenceLoaded(conference, talks, [], days, place))
            logging.getLogger("confnote").info("startup: first screen read (%d talks)", len(talks))

    def _run_job(
        self,
        store: Store,
        job: Job,
        reply: Reply | None,
        on_error: OnError | None,
        to: MessagePump | None,
    ) -> None:
        try:
            result = job(store)
        except ConfnoteError as error:
            self._post(on_error(str(error)) if on_error else StoreFailed(str(error)), to)
            return
        except Exception as error:  # a bug: keep the thread alive, say what broke
            logging.getLogger("confnote").exception("store job failed")
            reason = f"internal error: {type(error).__name__}: {error}"
            self._post(on_error(reason) if on_error else StoreFailed(reason), to)
            return
        replies = reply(result) if reply is not None else None
        if replies is None:
            return
        for message in [replies] if isinstance(replies, Message) else replies:
            self._post(message, to)

    def _post(self, message: Message, to: MessagePump | None = None) -> None:
        # Through the app's queue, behind the keys pressed before the reply came: a key acts
        # on what was shown when it was pressed (two windows starring at once agree).
        self._app.call_later(self._deliver, message, to or self._replies_to)

    def _deliver(self, message: Message, to: MessagePump) -> None:
        # An app on its way out takes no more replies, whichever widget was to get them.
        if self._app.check_message_enabled(message):
            to.post_message(message)

    def _open(self) -> tuple[Store, list[Conference], Place | None] | None:
        """Open the store, list its conferences and read where the app was left; while
        another program holds the database locked, say so and try again every
        ``OPEN_RETRY`` seconds."""
        waiting = False
        while True:
            try:
                store = self.store = self.store or self._open_store()
                return store, store.list_conferences(), store.last_place()
            except StoreLockedError as error:
                if not waiting:
                    waiting = True
                    self._app.post_message(StoreWaiting(str(error)))
                if self._closing.wait(OPEN_RETRY):
                    if self.store is not None:
                        self.store.close()
                    return None
            except ConfnoteError as error:
                self._app.post_message(StoreFailed(str(error)))
                return None

    def _drain(self) -> None:
        while self._jobs.get() is not None:
            pass
