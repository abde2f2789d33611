"""The confnote app: wiring only. Panes ask by message; store calls run on the store thread."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import time
from collections.abc import Callable, Coroutine, Iterable, Sequence
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from confnote.config import Config
from confnote.store.records import Conference, SearchHit
from confnote.ui.commands import TalkJumpProvider
from confnote.ui.conference_actions import ConferenceActions
from confnote.ui.draft_offers import DraftFound, DraftOffers, DraftRestored
from confnote.ui.messages import (
    ConferencesListed,
    OpenConference,
    SearchFinished,
    StoreFailed,
    StoreReady,
    StoreReply,
    StoreWaiting,
)
from confnote.ui.note_sync import NoteSync
from confnote.ui.palette_commands import PALETTE_COMMANDS
from confnote.ui.preferences import Preferences
from confnote.ui.requests import OpenNote, OpenTalk, StoreRequest
from confnote.ui.schedule_importer import (
    ImportFailed,
    ImportPlanned,
    ScheduleFetched,
    ScheduleImported,
    ScheduleImporter,
)
from confnote.ui.screens.main import MainScreen
from confnote.ui.screens.search import SearchScreen
from confnote.ui.screens.trash import TrashScreen
from confnote.ui.store_runner import StoreRunner
from confnote.ui.trash_actions import TrashActions
from confnote.ui.widgets.note_pane import NotePane
from confnote.ui.widgets.schedule_pane import SchedulePane
from confnote.ui.widgets.todo_pane import TodoPane
from confnote.ui.writeup_importer import WriteupImported, WriteupImporter, WriteupRead

if TYPE_CHECKING:
    from textual.message import Message

    from confnote.store import Store
    from confnote.store.plain_reads import FirstScreen

log = logging.getLogger("confnote")
Clock = Callable[[], datetime]
PALETTE_BINDING = Binding(
    "ctrl+p", "command_palette", "Palette", tooltip="Command palette: every action, jump to talk"
)
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
        clock: Clock = system_clock,
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
        self.importer = ScheduleImporter(self, self.runner, self._show_importing)
        self.writeups = WriteupImporter(self, self.runner, self.importer.done)
        self.conferences = ConferenceActions(self, clock, self.local_zone, offer_demo)
        self.trash_actions = TrashActions(self)
        self.notes = NoteSync(self.runner)
        self.drafts = DraftOffers(self, self.runner)
        self._quitting = False
        self._tasks: set[asyncio.Task[None]] = set()
        self._exiting = False
        self._mounted_once = False

    # Start and stop

    def get_default_screen(self) -> Screen[Any]:
        return MainScreen(
            self.clock, self.local_zone, self.notes, self.runner.submit, self.preferences.config
        )

    def on_mount(self) -> None:
        self._mounted_once = True
        self.preferences.apply()
        self.call_after_refresh(self._first_frame)
        loop = asyncio.get_running_loop()
        # Run beside the message queue, which a quit waiting on a locked database holds.
        handlers = {signal.SIGTERM: self.action_quit, signal.SIGHUP: self._terminal_closed}
        for signum, handler in handlers.items():
            # Not possible off the main thread (tests) or on some platforms.
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, self._start_task, handler)

    def _start_task(self, run: Callable[[], Coroutine[Any, Any, None]]) -> None:
        self._tasks.add(task := asyncio.get_running_loop().create_task(run()))
        task.add_done_callback(self._tasks.discard)

    def exit(self, *args: Any, **kwargs: Any) -> None:
        self._exiting = True
        super().exit(*args, **kwargs)

    def check_message_enabled(self, message: Message) -> bool:
        # Once exiting, results from the store thread have no widgets left to update.
        closing = self._exiting or (self._mounted_once and not self.is_running)
        if closing and isinstance(message, StoreReply):
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
        await self._keys_reached_editor()
        self.notes.save_before_exit(self.note_pane.pending_text(), patience=QUIT_PATIENCE)
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

    async def _keys_reached_editor(self) -> None:
        """Let the editor handle the keys typed just before a priority key (ctrl+q)."""
        reached = asyncio.Event()
        self.note_pane.editor.call_later(reached.set)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(reached.wait(), 0.2)

    async def _terminal_closed(self) -> None:
        """SIGHUP: the terminal is gone. The text goes to a draft file and the store gets
        a moment to take it; then the process ends, as Textual's own shutdown can hang
        waiting on a terminal that is no more."""
        log.info("terminal closed: saving, then ending the process")
        if not self._quitting:
            self._quitting = True
            await self._keys_reached_editor()
            self.notes.save_before_exit(self.note_pane.pending_text(), patience=HANGUP_PATIENCE)
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

    @property
    def conference(self) -> Conference | None:
        return self.main.conference

    @property
    def schedule(self) -> SchedulePane:
        return self.main.query_one(SchedulePane)

    @property
    def note_pane(self) -> NotePane:
        return self.main.query_one(NotePane)

    @property
    def todo_pane(self) -> TodoPane:
        return self.main.query_one(TodoPane)

    def _show_importing(self, busy: bool) -> None:
        self.schedule.loading = busy

    def submit(
        self,
        job: Callable[[Store], Any],
        reply: Callable[[Any], Message | Sequence[Message] | None] | None = None,
    ) -> None:
        self.runner.submit(job, reply)

    # Store lifecycle messages

    def _first_frame(self) -> None:
        self.first_frame_after = time.perf_counter() - self.started
        log.info("startup: first frame after %.3f s", self.first_frame_after)
        # Only now open the store, in the store thread.
        self.runner.start(replies_to=self.main)
        self.set_timer(1.0, self._still_opening)

    def _still_opening(self) -> None:
        if self.store_ready_after is None:
            self.schedule.show_waiting("Opening the database…")

    @on(StoreReady)
    def _store_ready(self, event: StoreReady) -> None:
        self.store_ready_after = time.perf_counter() - self.started
        log.info(
            "startup: store ready after %.3f s (opening and migrating took %.3f s)",
            self.store_ready_after,
            event.opened_in,
        )
        self.clear_notifications()  # a "waiting for the database" notice, if any
        self.preferences.show_warnings()
        if event.conferences:
            self.main.load_conference(event.conferences[0].id)
        else:
            self.conferences.first_run()
        self.drafts.look()

    @on(DraftFound)
    def _draft_found(self, event: DraftFound) -> None:
        self.drafts.offer(event)

    @on(DraftRestored)
    def _draft_restored(self, event: DraftRestored) -> None:
        if event.draft.talk_id is not None:
            self.main.open_talk(event.draft.talk_id, show=True)
        elif event.draft.note_id is not None:
            self.main.open_note(event.draft.note_id)

    @on(StoreFailed)
    def _store_failed(self, event: StoreFailed) -> None:
        if self.runner.store is None:
            self.exit(return_code=1, message=f"confnote: error: {event.reason}")
            return
        self.notify(event.reason, title="Not done", severity="error", timeout=8)

    @on(StoreWaiting)
    def _store_waiting(self, event: StoreWaiting) -> None:
        text = (
            f"Waiting for the database: another program holds it locked ({event.reason}). "
            "confnote tries again every second and opens it as soon as it is free."
        )
        self.schedule.show_waiting(text)
        # Until the store opens, nothing can be saved: say so even over early rows.
        self.notify(text, title="Not open yet", severity="warning", timeout=3600)

    # What panes, screens and dialogs ask for

    @on(StoreRequest)
    def _store_request(self, event: StoreRequest) -> None:
        self.runner.submit(event.job, event.reply, event.on_error, event.reply_to)

    @on(OpenConference)
    def _open_conference(self, event: OpenConference) -> None:
        self.main.load_conference(event.conference_id)

    @on(OpenTalk)
    def _open_talk(self, event: OpenTalk) -> None:
        self.main.open_talk(event.talk_id, show=event.show)

    @on(OpenNote)
    def _open_note(self, event: OpenNote) -> None:
        self.main.open_note(event.note_id)

    # Schedule pane

    @on(SchedulePane.Request)
    def _schedule_request(self, event: SchedulePane.Request) -> None:
        if event.what == "conference_notes":
            self.action_conference_notes()
        elif event.what == "refresh":
            self.action_refresh_schedule()

    @on(NotePane.ExternalEditWanted)
    def _external_edit(self) -> None:
        from confnote.ui.external_editor import edit_externally

        if self.runner.store is not None:
            edit_externally(self, self.runner.store.path, self.note_pane, self.runner)

    def action_conference_notes(self) -> None:
        if self.conference is not None:
            self.conferences.choose_note(self.conference.id, self.main.conference_notes)

    # Trash

    def action_trash(self) -> None:
        self.trash_actions.open()

    def action_delete_talk(self) -> None:
        self.trash_actions.delete_talk()

    def action_delete_note(self) -> None:
        self.trash_actions.delete_note()

    @on(TrashScreen.Request)
    def _trash_request(self, event: TrashScreen.Request) -> None:
        self.trash_actions.handle(event)

    # Search

    def action_search(self) -> None:
        from confnote.ui.screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            return

        def chosen(hit: SearchHit | None) -> None:
            if hit is None:
                return
            if hit.talk_id is not None:
                if self.conference and hit.conference_id != self.conference.id:
                    self.main.load_conference(hit.conference_id)
                self.main.open_talk(hit.talk_id, show=True)
            elif hit.note_id is not None:
                self.main.open_note(hit.note_id)

        self.push_screen(SearchScreen(), chosen)

    @on(SearchFinished)
    def _search_finished(self, event: SearchFinished) -> None:
        from confnote.ui.screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            self.screen.show_results(event.query, event.hits)

    @on(SearchScreen.Query)
    def _search_query(self, event: SearchScreen.Query) -> None:
        query = event.text
        self.submit(lambda store: store.search(query), lambda hits: SearchFinished(query, hits))

    # Conferences

    def action_conferences(self) -> None:
        self.submit(lambda store: store.list_conferences(), ConferencesListed)

    @on(ConferencesListed)
    def _conferences_listed(self, event: ConferencesListed) -> None:
        self.conferences.choose(event.conferences)

    def action_new_conference(self) -> None:
        self.conferences.create()

    # Schedules: import and refresh

    def action_import_schedule(self) -> None:
        from confnote.ui.screens.import_schedule import ImportScheduleScreen

        def chosen(source: str | None) -> None:
            if source:
                self.notify(f"Importing {source}…", timeout=2)
                self.importer.start(source)

        self.push_screen(ImportScheduleScreen(), chosen)

    def action_refresh_schedule(self) -> None:
        if self.conference is None:
            self.notify("No conference to refresh", severity="warning")
            return
        self.notify(f"Refreshing {self.conference.name}…", timeout=2)
        self.importer.refresh(self.conference.id)

    @on(ImportPlanned)
    def _import_planned(self, event: ImportPlanned) -> None:
        self.importer.planned(event.plan)

    @on(ScheduleFetched)
    def _schedule_fetched(self, event: ScheduleFetched) -> None:
        self.importer.fetched(event.plan, event.fetched)

    @on(ScheduleImported)
    def _schedule_imported(self, event: ScheduleImported) -> None:
        self.importer.imported(event)

    @on(WriteupRead)
    def _writeup_read(self, event: WriteupRead) -> None:
        self.writeups.preview(event.read)

    @on(WriteupImported)
    def _writeup_imported(self, event: WriteupImported) -> None:
        self.writeups.imported(event)

    @on(ImportFailed)
    def _import_failed(self, event: ImportFailed) -> None:
        self.importer.failed(event)

    def action_export_post(self) -> None:
        from confnote.ui.screens.export_post import ExportPostScreen

        if self.conference is None:
            self.notify("Open a conference first (F5)", severity="warning")
            return
        self.push_screen(ExportPostScreen(self.conference, self.submit, Path.cwd()))

    # Panes, help, palette

    def action_focus_pane(self, pane: str) -> None:
        if self.screen is self.main:
            self.main.focus_pane(pane)

    def action_help(self) -> None:
        from confnote.ui.screens.help import HelpScreen
        from confnote.ui.widgets.note_editor import NoteEditor

        if isinstance(self.screen, HelpScreen):
            return
        sections: list[tuple[str, Iterable[BindingType]]] = [
            ("Everywhere", [*self.BINDINGS, PALETTE_BINDING]),
            ("Schedule", SchedulePane.BINDINGS),
            ("Note editor", [*NotePane.BINDINGS, *NoteEditor.BINDINGS]),
            ("TODOs", TodoPane.BINDINGS),
        ]
        self.push_screen(HelpScreen(sections, self.preferences.keymap))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for title, help_text, action in PALETTE_COMMANDS:
            yield SystemCommand(title, help_text, self._command(action))

    def _command(self, action: str) -> Callable[[], Any]:
        """A palette callback running ``action`` on the app or, for "pane.x", on that pane."""
        pane, _, name = action.rpartition(".")

        async def run() -> None:
            if pane and self.screen is not self.main:
                return
            namespaces = {"": self, "schedule": self.schedule, "note": self.note_pane}
            target = namespaces.get(pane, self.todo_pane)
            await self.run_action(name, default_namespace=target)

        return run
