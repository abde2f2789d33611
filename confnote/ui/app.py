"""The confnote app: it opens the store and runs its thread (StoreRunner), sends what panes,
screens and dialogs ask of the store there, and saves and quits. The main screen
(screens/main.py) holds the open conference and routes between its panes; each other
screen owns its feature (search, trash, export, help), and so do the helpers the main
screen holds (conference_actions, schedule_importer)."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from confnote.config import Config
from confnote.ui import messages
from confnote.ui.commands import TalkJumpProvider
from confnote.ui.draft_offers import DraftFound, DraftOffers
from confnote.ui.note_sync import NoteSync
from confnote.ui.palette_commands import palette_commands
from confnote.ui.preferences import Preferences
from confnote.ui.requests import OpenNote, OpenTalk, StoreRequest
from confnote.ui.run_on_signals import run_on_signals
from confnote.ui.screens.main import MainScreen
from confnote.ui.store_runner import StoreRunner

if TYPE_CHECKING:
    from textual.message import Message

    from confnote.store import Store
    from confnote.store.plain_reads import FirstScreen
    from confnote.store.records import Conference
    from confnote.ui.widgets.note_pane import NotePane
    from confnote.ui.widgets.schedule_pane import SchedulePane
    from confnote.ui.widgets.todo_pane import TodoPane

log = logging.getLogger("confnote")
# How long a quit keeps trying to save into a locked database; after a closed terminal.
QUIT_PATIENCE = 15.0
HANGUP_PATIENCE = 0.6


def system_clock() -> datetime:
    return datetime.now(UTC)


def _b(key: str, action: str, description: str, tooltip: str, **kw: Any) -> Binding:
    return Binding(key, action, description, id=f"app.{action}", tooltip=tooltip, **kw)


class ConfnoteApp(App[None]):
    TITLE = "confnote"
    CSS_PATH = Path(__file__).with_name("app.tcss")
    COMMANDS: ClassVar[set[Any]] = App.COMMANDS | {TalkJumpProvider}

    BINDINGS: ClassVar[list[BindingType]] = [
        _b("f1,question_mark", "help", "Help", "List every key"),
        _b("f2", "focus_pane('schedule')", "Schedule", "Go to the schedule pane"),
        _b("f3", "focus_pane('note')", "Note", "Go to the note pane"),
        _b("f4", "focus_pane('todo')", "TODOs", "Go to the TODO pane"),
        _b("ctrl+f", "search", "Search", "Search talks and notes", priority=True),
        _b("f5", "conferences", "Conferences", "Switch conference or create one"),
        _b(
            "ctrl+o",
            "import_schedule",
            "Import",
            "Import a schedule or a write-up from a file or URL",
        ),
        _b("f6", "export_post", "Export", "Export a recap post for your blog"),
        _b("ctrl+q", "quit", "Quit", "Save and quit", priority=True),
    ]

    def __init__(
        self,
        store: Store | Callable[[], Store],
        *,
        clock: Callable[[], datetime] = system_clock,
        local_zone: tzinfo | None = None,
        offer_demo: bool = True,
        first_screen: Callable[[], FirstScreen | None] | None = None,
        config: Config | None = None,
    ) -> None:
        """``first_screen`` reads the opening conference's rows before the store opens."""
        super().__init__()
        self.preferences = Preferences(self, config or Config())
        self.started = time.perf_counter()
        self.first_frame_after: float | None = None
        self.store_ready_after: float | None = None
        self.clock = clock
        self.local_zone = local_zone or datetime.now().astimezone().tzinfo or UTC
        self.offer_demo = offer_demo
        opener = store if callable(store) else (lambda: store)
        self.runner = StoreRunner(self, opener, first_screen)
        self.notes = NoteSync(self.runner)
        self.drafts = DraftOffers(self, self.runner)
        self._quitting = False
        self._exiting = False
        self._mounted_once = False

    def get_default_screen(self) -> Screen[Any]:
        return MainScreen(
            self.clock, self.local_zone, self.notes, self.runner.submit, self.preferences.config
        )

    def on_mount(self) -> None:
        self._mounted_once = True
        self.preferences.apply()
        self.call_after_refresh(self._first_frame)
        # Run beside the message queue, which a quit waiting on a locked database holds.
        run_on_signals({signal.SIGTERM: self.action_quit, signal.SIGHUP: self._terminal_closed})

    def exit(self, *args: Any, **kwargs: Any) -> None:
        self._exiting = True
        super().exit(*args, **kwargs)

    def check_message_enabled(self, message: Message) -> bool:
        # Once exiting, results from the store thread have no widgets left to update.
        closing = self._exiting or (self._mounted_once and not self.is_running)
        if closing and isinstance(message, messages.StoreReply):
            return False
        return super().check_message_enabled(message)

    def on_unmount(self) -> None:
        # However the app ends, the store thread must finish its queue and stop.
        self.runner.close()

    async def action_quit(self) -> None:
        """Save what is typed, let the store thread finish, then exit. A note the locked
        database never took stays in a draft file, and the exit says where."""
        if self._quitting:
            return
        self._quitting = True
        self.notes.save_before_exit(await self.main.typed_note(), patience=QUIT_PATIENCE)
        self.main.last_place.keep_at_exit()
        await self.runner.stop()
        if self.notes.kept is None:
            self.exit()
            return
        path, reason = self.notes.kept
        self.exit(
            return_code=1,
            message=f"confnote: your last note was not saved: {reason}. Its text is kept in "
            f"{path}; confnote offers it at the next start.",
        )

    async def _terminal_closed(self) -> None:
        """SIGHUP: the terminal is gone. The text goes to a draft file and the store gets
        a moment to take it; then the process ends, as Textual's own shutdown can hang
        waiting on a terminal that is no more."""
        log.info("terminal closed: saving, then ending the process")
        if not self._quitting:
            self._quitting = True
            self.notes.save_before_exit(await self.main.typed_note(), patience=HANGUP_PATIENCE)
            self.main.last_place.keep_at_exit()
            self.runner.close()
        deadline = time.monotonic() + HANGUP_PATIENCE
        while not self.runner.finished.is_set() and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        logging.shutdown()
        os._exit(0)

    @property
    def main(self) -> MainScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    # The main screen's conference and panes, for a quit and for tests

    @property
    def conference(self) -> Conference | None:
        return self.main.conference

    @property
    def schedule(self) -> SchedulePane:
        return self.main.schedule

    @property
    def note_pane(self) -> NotePane:
        return self.main.note_pane

    @property
    def todo_pane(self) -> TodoPane:
        return self.main.todo_pane

    # The store's own news

    def _first_frame(self) -> None:
        self.first_frame_after = time.perf_counter() - self.started
        log.info("startup: first frame after %.3f s", self.first_frame_after)
        self.set_timer(1.0, self._still_opening)

    def _still_opening(self) -> None:
        if self.store_ready_after is None:
            self.main.show_waiting("Opening the database…")

    @on(messages.PanesMounted)
    def _panes_mounted(self) -> None:
        self.runner.start(replies_to=self.main)  # opening it overlaps the first frame

    @on(messages.StoreReady)
    def _store_ready(self, event: messages.StoreReady) -> None:
        ready = self.store_ready_after = time.perf_counter() - self.started
        log.info("startup: store ready after %.3f s (opened in %.3f s)", ready, event.opened_in)
        self.clear_notifications()  # a "waiting for the database" notice, if any
        self.preferences.show_warnings()
        self.main.last_place.found(event.place)
        if event.conferences:
            left = event.place.conference_id if event.place else event.conferences[0].id
            self.main.load_conference(left)
        else:
            self.main.schedule.clear()  # "No conference yet", not "Opening the database…"
            self.main.conferences.first_run(self.offer_demo)
        self.drafts.look()

    @on(DraftFound)
    def _draft_found(self, event: DraftFound) -> None:
        self.drafts.offer(event)

    @on(messages.StoreFailed)
    def _store_failed(self, event: messages.StoreFailed) -> None:
        if self.runner.store is None:
            self.exit(return_code=1, message=f"confnote: error: {event.reason}")
            return
        self.notify(event.reason, title="Not done", severity="error", timeout=8)

    @on(messages.StoreWaiting)
    def _store_waiting(self, event: messages.StoreWaiting) -> None:
        text = (
            f"Waiting for the database: another program holds it locked ({event.reason}). "
            "confnote tries again every second and opens it as soon as it is free."
        )
        self.main.show_waiting(text)
        # Until the store opens, nothing can be saved: say so even over early rows.
        self.notify(text, title="Not open yet", severity="warning", timeout=3600)

    # What screens, dialogs and the palette ask for (the main screen sends its panes' on)

    @on(StoreRequest)
    def _store_request(self, event: StoreRequest) -> None:
        self.runner.submit(event.job, event.reply, event.on_error, event.reply_to)

    @on(messages.OpenConference)
    @on(OpenTalk)
    @on(OpenNote)
    def _open(self, event: messages.OpenConference | OpenTalk | OpenNote) -> None:
        self.main.open(event)

    # Actions: each opens its screen, or hands the work to the main screen

    def action_focus_pane(self, pane: str) -> None:
        if self.screen is self.main:
            self.main.focus_pane(pane)

    def action_search(self) -> None:
        from confnote.ui.screens.search import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen(), self.main.open_hit)

    def action_conferences(self) -> None:
        self.main.choose_conference()

    def action_import_schedule(self) -> None:
        self.main.importer.ask()

    def action_export_post(self) -> None:
        from confnote.ui.screens.export_post import ExportPostScreen

        if self.conference is None:
            self.notify("Open a conference first (F5)", severity="warning")
            return
        self.push_screen(ExportPostScreen(self.conference, self.preferences.config.settings))

    def action_trash(self) -> None:
        from confnote.ui.screens.trash import TrashScreen

        if not isinstance(self.screen, TrashScreen):
            self.push_screen(TrashScreen(self.conference.id if self.conference else None))

    def action_help(self) -> None:
        from confnote.ui.screens.help import HelpScreen, key_sections

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(key_sections(self.BINDINGS), self.preferences.keymap))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from palette_commands(self, self.main)
