"""The confnote app: wiring only. Panes ask by message; store calls run on the store thread."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from confnote.checklist import ChecklistItem, set_checked
from confnote.store.records import ChecklistEntry, Conference, Note, SearchHit, Talk, Todo
from confnote.ui.commands import TalkJumpProvider
from confnote.ui.messages import (
    ConferenceLoaded,
    ConferenceNotesLoaded,
    ConferencesListed,
    NoteLoaded,
    NoteSaved,
    NoteSaveFailed,
    NoteTarget,
    OpenConference,
    SearchFinished,
    StoreFailed,
    StoreReady,
    StoreReply,
    TalksChanged,
    TodosLoaded,
)
from confnote.ui.schedule_importer import (
    ImportFailed,
    ImportPlanned,
    ScheduleFetched,
    ScheduleImported,
    ScheduleImporter,
)
from confnote.ui.screens.main import MainScreen
from confnote.ui.screens.search import SearchScreen
from confnote.ui.store_runner import StoreRunner
from confnote.ui.widgets.note_pane import NotePane
from confnote.ui.widgets.schedule_pane import SchedulePane
from confnote.ui.widgets.todo_pane import TodoPane

if TYPE_CHECKING:
    from textual.message import Message

    from confnote.store import Store
    from confnote.ui.screens.conference_form import ConferenceDraft
    from confnote.ui.screens.todo_form import TodoDraft

log = logging.getLogger("confnote")
Clock = Callable[[], datetime]
PALETTE_BINDING = Binding(
    "ctrl+p", "command_palette", "Palette", tooltip="Command palette: every action, jump to talk"
)
TICK_SECONDS = 30.0


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
        _b("ctrl+o", "import_schedule", "Import", "Import a schedule from a file or URL"),
        _b("ctrl+q", "quit", "Quit", "Save and quit", priority=True),
    ]

    def __init__(
        self,
        store: Store | Callable[[], Store],
        *,
        clock: Clock = system_clock,
        local_zone: tzinfo | None = None,
        offer_demo: bool = True,
    ) -> None:
        super().__init__()
        self.started = time.perf_counter()
        self.first_frame_after: float | None = None
        self.store_ready_after: float | None = None
        self.clock = clock
        self.local_zone = local_zone or datetime.now().astimezone().tzinfo or UTC
        self.offer_demo = offer_demo
        opener = store if callable(store) else (lambda: store)
        self.runner = StoreRunner(self, opener)
        self.importer = ScheduleImporter(self)
        self.conference: Conference | None = None
        self.conference_notes: list[Note] = []
        # Note versions the store thread last wrote, to spot another writer.
        self._note_versions: dict[NoteTarget, int] = {}
        self._quitting = False
        self._exiting = False
        self._mounted_once = False

    # Start and stop

    def get_default_screen(self) -> Screen[Any]:
        return MainScreen(self.clock, self.local_zone, self.save_note)

    def on_mount(self) -> None:
        self._mounted_once = True
        self.call_after_refresh(self._first_frame)
        self.set_interval(TICK_SECONDS, lambda: self.schedule.tick())
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGHUP):
            # Not possible off the main thread (tests) or on some platforms.
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, lambda: self.call_next(self.action_quit))

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
        """Save what is typed, let the store thread finish, then exit."""
        if self._quitting:
            return
        self._quitting = True
        self.note_pane.flush()
        await self.runner.stop()
        self.exit()

    @property
    def main(self) -> MainScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    @property
    def schedule(self) -> SchedulePane:
        return self.main.query_one(SchedulePane)

    @property
    def note_pane(self) -> NotePane:
        return self.main.query_one(NotePane)

    @property
    def todo_pane(self) -> TodoPane:
        return self.main.query_one(TodoPane)

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
        # Only now open the store (and import SQLAlchemy) in the store thread.
        self.runner.start()

    @on(StoreReady)
    def _store_ready(self, event: StoreReady) -> None:
        self.store_ready_after = time.perf_counter() - self.started
        log.info(
            "startup: store ready after %.3f s (opening and migrating took %.3f s)",
            self.store_ready_after,
            event.opened_in,
        )
        if event.conferences:
            self.load_conference(event.conferences[0].id)
        else:
            self._first_run()

    @on(StoreFailed)
    def _store_failed(self, event: StoreFailed) -> None:
        if self.runner.store is None:
            self.exit(return_code=1, message=f"confnote: error: {event.reason}")
            return
        self.notify(event.reason, title="Not done", severity="error", timeout=8)

    def _first_run(self) -> None:
        from confnote.demo import demo_available

        if self.offer_demo and demo_available():
            from confnote.ui.screens.confirm import ConfirmScreen

            question = (
                "[b]Welcome to confnote.[/b]\n\nThe store is empty. Load a small demo "
                "conference, placed on today's dates, to see every pane at work?"
            )
            self.push_screen(
                ConfirmScreen(question, yes="Load the demo", no="Start empty"),
                self._first_run_answer,
            )
        else:
            self._first_run_answer(False)

    def _first_run_answer(self, load_demo: bool | None) -> None:
        if not load_demo:
            return  # the empty schedule pane says how to import or create one
        today = self.clock().astimezone(self.local_zone).date()

        def job(store: Store) -> Conference:
            from confnote.demo import load_demo

            return load_demo(store, today)

        self.submit(job, lambda conference: OpenConference(conference.id))

    @on(OpenConference)
    def _open_conference(self, event: OpenConference) -> None:
        self.load_conference(event.conference_id)

    def load_conference(self, conference_id: int) -> None:
        def job(store: Store) -> ConferenceLoaded:
            return ConferenceLoaded(
                store.conference(conference_id),
                store.list_talks(conference_id),
                store.conference_notes(conference_id),
            )

        self.submit(job, lambda loaded: loaded)
        self.reload_todos(conference_id)

    @on(ConferenceLoaded)
    def _conference_loaded(self, event: ConferenceLoaded) -> None:
        self.conference = event.conference
        self.conference_notes = event.notes
        self.sub_title = event.conference.name
        self.schedule.load(event.conference, event.talks)
        if self.focused is None:
            self.main.focus_pane("schedule")

    def reload_todos(self, conference_id: int | None = None) -> None:
        conference_id = conference_id or (self.conference.id if self.conference else None)
        if conference_id is None:
            return

        def job(store: Store) -> TodosLoaded:
            return TodosLoaded(store.list_todos(conference_id), store.checklist(conference_id))

        self.submit(job, lambda loaded: loaded)

    @on(TodosLoaded)
    def _todos_loaded(self, event: TodosLoaded) -> None:
        self.todo_pane.load(event.todos, event.checklist)

    @on(TalksChanged)
    def _talks_changed(self, event: TalksChanged) -> None:
        self.schedule.update_talks(event.talks)
        if self.note_pane.talk is not None:
            for talk in event.talks:
                if talk.id == self.note_pane.talk.id:
                    self.note_pane.talk = talk

    # Schedule pane

    @on(SchedulePane.TalkAction)
    def _talk_action(self, event: SchedulePane.TalkAction) -> None:
        talk = event.talk
        changes: dict[str, Callable[[Store], Talk]] = {
            "star": lambda store: store.cycle_star(talk.id),
            "attended": lambda store: store.set_attended(talk.id, not talk.attended),
            "hide": lambda store: store.set_hidden(talk.id, not talk.hidden),
            "watch_later": lambda store: store.set_watch_later(talk.id, not talk.watch_later),
        }
        if event.action == "open":
            self.open_talk(talk.id)
        elif event.action == "edit":
            self._edit_talk(talk)
        elif event.action in changes:
            self.submit(changes[event.action], lambda changed: TalksChanged([changed]))
            if event.action == "watch_later":
                self.reload_todos()
                verb = "Removed from" if talk.watch_later else "Added to"
                self.notify(f"{verb} watch later: {talk.title}", timeout=2)

    @on(SchedulePane.Request)
    def _schedule_request(self, event: SchedulePane.Request) -> None:
        if event.what == "add_talk":
            self._edit_talk(None)
        elif event.what == "conference_notes":
            self.action_conference_notes()
        elif event.what == "filters":
            self._choose_filters()
        elif event.what == "refresh":
            self.action_refresh_schedule()

    def _edit_talk(self, talk: Talk | None) -> None:
        if self.conference is None:
            self.notify("Create a conference first (F5)", severity="warning")
            return
        from confnote.ui.screens.talk_form import TalkFormScreen

        pane = self.schedule
        day = pane.rule.day or self.clock().astimezone(pane.conference_zone).date()
        conference_id = self.conference.id

        def saved(details: Any) -> None:
            if details is None:
                return
            if talk is None:
                self.submit(
                    lambda store: store.add_talk(conference_id, details),
                    lambda added: TalksChanged([added]),
                )
            else:
                self.submit(
                    lambda store: store.update_talk(talk.id, details),
                    lambda updated: TalksChanged([updated]),
                )

        self.push_screen(TalkFormScreen(pane.conference_zone, day, talk), saved)

    def _choose_filters(self) -> None:
        from confnote.ui.screens.schedule_filters import ScheduleFiltersScreen

        pane = self.schedule
        tracks = sorted({t.track for t in pane.talks if t.track})
        rooms = sorted({t.room for t in pane.talks if t.room})

        def chosen(rule: Any) -> None:
            if rule is not None:
                pane.rule = rule

        self.push_screen(ScheduleFiltersScreen(pane.rule, tracks, rooms), chosen)

    # Notes

    def open_talk(self, talk_id: int, *, focus: bool = True) -> None:
        def job(store: Store) -> NoteLoaded:
            talk, note = store.talk(talk_id), store.note_for_talk(talk_id)
            return NoteLoaded(NoteTarget(talk_id=talk_id), talk, note, focus)

        self.note_pane.flush()
        self.submit(job, lambda loaded: loaded)

    def open_note(self, note_id: int) -> None:
        def job(store: Store) -> NoteLoaded:
            return NoteLoaded(NoteTarget(note_id=note_id), None, store.note(note_id))

        self.note_pane.flush()
        self.submit(job, lambda loaded: loaded)

    @on(NoteLoaded)
    def _note_loaded(self, event: NoteLoaded) -> None:
        self.note_pane.show_note(event.target, event.talk, event.note)
        if event.focus:
            self.main.focus_pane("note")

    def save_note(self, target: NoteTarget, body: str) -> None:
        """Queue a note save on the store thread (called by the note pane)."""
        versions = self._note_versions

        def job(store: Store) -> tuple[Note, Talk | None, TodosLoaded]:
            base = versions.get(target)
            if target.talk_id is not None:
                note = store.save_talk_note(target.talk_id, body, base_version=base)
                talk: Talk | None = store.talk(target.talk_id)
            else:
                assert target.note_id is not None
                note, talk = store.save_note(target.note_id, body, base_version=base), None
            versions[target] = note.version
            todos = TodosLoaded(
                store.list_todos(note.conference_id), store.checklist(note.conference_id)
            )
            return note, talk, todos

        def reply(result: tuple[Note, Talk | None, TodosLoaded]) -> list[Message]:
            note, talk, todos = result
            messages: list[Message] = [NoteSaved(target, note), todos]
            if talk is not None:
                messages.append(TalksChanged([talk]))
            return messages

        self.runner.submit(job, reply, lambda reason: NoteSaveFailed(target, reason))

    @on(NoteSaved)
    def _note_saved(self, event: NoteSaved) -> None:
        self.note_pane.saved(event.target, event.note)

    @on(NoteSaveFailed)
    def _note_save_failed(self, event: NoteSaveFailed) -> None:
        self.note_pane.save_failed(event.target, event.reason)
        self.notify(f"Note not saved: {event.reason}", severity="error", timeout=10)

    def action_conference_notes(self) -> None:
        if self.conference is None:
            return
        from confnote.ui.screens.choice import ChoiceScreen

        choices: list[tuple[str, int | None]] = [(n.title, n.id) for n in self.conference_notes]
        choices.append(("+ New conference note…", None))

        def chosen(note_id: int | None) -> None:
            if note_id is not None:
                self.open_note(note_id)
            elif self.screen is self.main:
                self._new_conference_note()

        self.push_screen(ChoiceScreen[int]("Conference notes", choices), chosen)

    def _new_conference_note(self) -> None:
        from confnote.ui.screens.note_title import NoteTitleScreen

        assert self.conference is not None
        conference_id = self.conference.id

        def named(title: str | None) -> None:
            if not title:
                return

            def job(store: Store) -> Note:
                return store.add_conference_note(conference_id, title, f"# {title}\n\n")

            self.submit(job, lambda note: [NoteLoaded(NoteTarget(note_id=note.id), None, note)])
            self.submit(lambda store: store.conference_notes(conference_id), ConferenceNotesLoaded)

        self.push_screen(NoteTitleScreen(), named)

    @on(ConferenceNotesLoaded)
    def _conference_notes_loaded(self, event: ConferenceNotesLoaded) -> None:
        self.conference_notes = event.notes

    # TODO pane

    @on(TodoPane.Request)
    def _todo_request(self, event: TodoPane.Request) -> None:
        todo, entry = event.todo, event.entry
        if event.what == "add":
            self._edit_todo(None)
        elif event.what == "edit" and todo:
            self._edit_todo(todo)
        elif event.what == "toggle" and todo:
            self._change_todos(lambda store: store.set_todo_done(todo.id, not todo.done))
        elif event.what == "toggle" and entry:
            self._toggle_checklist(entry)
        elif event.what == "move" and todo:
            self._change_todos(lambda store: store.move_todo(todo.id, event.steps))
        elif event.what == "delete" and todo:
            self._delete_todo(todo)
        elif event.what == "jump":
            self._jump_to(todo, entry)

    def _change_todos(self, job: Callable[[Store], object]) -> None:
        self.submit(job)
        self.reload_todos()

    def _edit_todo(self, todo: Todo | None) -> None:
        if self.conference is None:
            self.notify("Create a conference first (F5)", severity="warning")
            return
        from confnote.ui.screens.todo_form import TodoFormScreen

        conference_id = self.conference.id

        def saved(draft: TodoDraft | None) -> None:
            if draft is None:
                return
            if todo is None:
                self._change_todos(
                    lambda store: store.add_todo(
                        conference_id,
                        draft.text,
                        kind=draft.kind,
                        talk_id=draft.talk_id,
                        due_on=draft.due_on,
                        url=draft.url,
                    )
                )
            else:
                self._change_todos(
                    lambda store: store.update_todo(
                        todo.id,
                        text=draft.text,
                        kind=draft.kind,
                        due_on=draft.due_on,
                        clear_due=draft.due_on is None,
                        url=draft.url,
                    )
                )
            if (talk_id := draft.talk_id) is not None:
                self.submit(lambda store: store.talk(talk_id), lambda t: TalksChanged([t]))

        self.push_screen(TodoFormScreen(todo, self.note_pane.talk if todo is None else None), saved)

    def _delete_todo(self, todo: Todo) -> None:
        from confnote.ui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            self._change_todos(lambda store: store.delete_todo(todo.id))
            if todo.talk_id is not None:
                talk_id = todo.talk_id
                self.submit(lambda store: store.talk(talk_id), lambda t: TalksChanged([t]))

        self.push_screen(ConfirmScreen(f"Delete the TODO “{todo.text}”?", yes="Delete"), answered)

    def _toggle_checklist(self, entry: ChecklistEntry) -> None:
        pane = self.note_pane
        shown = pane.target is not None and (
            (entry.talk_id is not None and pane.target.talk_id == entry.talk_id)
            or (entry.talk_id is None and pane.target.note_id == entry.note_id)
        )
        if shown:
            # The note is open: tick the line in the editor, so typing there is never lost.
            item = ChecklistItem(entry.line, entry.text, entry.done)
            body = set_checked(pane.editor.text, item, not entry.done)
            if body is None:
                self.notify("That line changed in the open note", severity="warning")
                return
            pane.replace_text_and_save(body)
            return

        def job(store: Store) -> TodosLoaded:
            note = store.set_checklist_item(entry, not entry.done)
            return TodosLoaded(
                store.list_todos(note.conference_id), store.checklist(note.conference_id)
            )

        self.submit(job, lambda loaded: loaded)

    def _jump_to(self, todo: Todo | None, entry: ChecklistEntry | None) -> None:
        talk_id = todo.talk_id if todo else (entry.talk_id if entry else None)
        if talk_id is not None:
            self.schedule.show_talk(talk_id)
            self.open_talk(talk_id)
        elif entry is not None:
            self.open_note(entry.note_id)
        else:
            self.notify("This TODO is not linked to a talk")

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
                    self.load_conference(hit.conference_id)
                self.schedule.show_talk(hit.talk_id)
                self.open_talk(hit.talk_id)
            elif hit.note_id is not None:
                self.open_note(hit.note_id)

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
        from confnote.ui.screens.choice import ChoiceScreen

        conferences = event.conferences
        choices: list[tuple[str, int | None]] = [
            (f"{c.name}  ({c.starts_on or 'no dates'})", c.id) for c in conferences
        ]
        choices.append(("+ New conference…", None))

        def chosen(conference_id: int | None) -> None:
            if conference_id is not None:
                self.note_pane.flush()
                self.load_conference(conference_id)
            elif self.screen is self.main:
                self.action_new_conference()

        self.push_screen(ChoiceScreen[int]("Conferences", choices), chosen)

    def action_new_conference(self) -> None:
        from confnote.ui.screens.conference_form import ConferenceFormScreen

        def created(draft: ConferenceDraft | None) -> None:
            if draft is None:
                return
            self.submit(
                lambda store: store.create_conference(
                    draft.name,
                    time_zone=draft.time_zone,
                    starts_on=draft.starts_on,
                    ends_on=draft.ends_on,
                    url=draft.url,
                ),
                lambda conference: OpenConference(conference.id),
            )

        zone_name = getattr(self.local_zone, "key", "UTC")
        self.push_screen(ConferenceFormScreen(zone_name), created)

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
        from confnote.ui.screens.import_report import ImportReportScreen

        self.importer.done()
        report = event.report
        if report is None:
            self.notify(f"Not modified since the last import: {event.plan.location}")
            return
        self.note_pane.flush()
        self.load_conference(report.conference.id)
        title = "Schedule refreshed" if report.refreshed else "Schedule imported"
        self.push_screen(ImportReportScreen(title, event.summary))

    @on(ImportFailed)
    def _import_failed(self, event: ImportFailed) -> None:
        from confnote.ui.screens.confirm import ConfirmScreen

        self.importer.done()
        plan, fetched = event.plan, event.fetched
        namesake_id = event.namesake_id
        if namesake_id is None or plan is None or fetched is None:
            self.notify(event.reason, title="Import failed", severity="error", timeout=10)
            return
        existing = event.reason

        def answered(refresh: bool | None) -> None:
            if refresh is None:
                return
            if refresh:
                self.importer.into_existing(plan, fetched, namesake_id)
            else:
                self.importer.as_new(plan, fetched)

        self.push_screen(
            ConfirmScreen(
                f"{existing}.\n\nRefresh it with this schedule (your stars, notes and TODOs "
                "stay), or import a second copy?",
                yes="Refresh it",
                no="Import as new",
            ),
            answered,
        )

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
        self.push_screen(HelpScreen(sections))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for title, help_text, action in COMMANDS:
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


# (title, help, action) for the command palette; "pane." actions run on that pane.
COMMANDS: list[tuple[str, str, str]] = [
    ("Search talks and notes", "Full-text search (ctrl+f)", "search"),
    ("Switch conference", "Pick another conference or create one (F5)", "conferences"),
    ("New conference", "Create a conference by hand", "new_conference"),
    (
        "Conference notes",
        "Intro, hallway track and other notes of the conference",
        "conference_notes",
    ),
    ("Show keys", "Every key binding (F1)", "help"),
    ("Schedule: open the talk's note", "The talk under the cursor", "schedule.open_talk"),
    (
        "Schedule: cycle star",
        "None, one or two stars for the talk under the cursor",
        "schedule.star",
    ),
    ("Schedule: attended", "Mark the talk under the cursor attended, or not", "schedule.attended"),
    ("Schedule: watch later", "Add or remove the talk's watch-later TODO", "schedule.watch_later"),
    ("Schedule: hide talk", "Hide or unhide the talk under the cursor", "schedule.hide"),
    ("Schedule: edit talk", "Edit the schedule fields of the talk", "schedule.edit_talk"),
    ("Schedule: filter by text", "Filter talks as you type", "schedule.filter_text"),
    ("Schedule: previous day", "Show the previous day", "schedule.previous_day"),
    ("Schedule: next day", "Show the next day", "schedule.next_day"),
    ("Schedule: jump to now", "The talk running now, or the next one", "schedule.jump_now"),
    ("Schedule: next starred talk", "Jump to the next starred talk", "schedule.next_starred"),
    ("Schedule: toggle time zone", "Conference time or your own", "schedule.toggle_zone"),
    ("Schedule: filters", "Track, room, starred, with notes, hidden", "schedule.filters"),
    ("Schedule: starred only", "Show only starred talks", "schedule.starred_only"),
    ("Schedule: all days / one day", "Show every day or just one", "schedule.all_days"),
    ("Schedule: clear filters", "Show every talk of the day", "schedule.clear_filters"),
    ("Schedule: add a talk", "Add a talk by hand", "schedule.add_talk"),
    ("Import a schedule", "frab/pretalx XML or JSON, iCalendar or CSV (ctrl+o)", "import_schedule"),
    ("Refresh the schedule", "Fetch the schedule again from its source (R)", "refresh_schedule"),
    ("Note: save now", "Save the open note (ctrl+s)", "note.save"),
    ("Note: toggle preview", "Rendered Markdown or editor (ctrl+r)", "note.toggle_preview"),
    ("TODO: add", "Add a TODO", "todo.add"),
    ("TODO: done / not done", "Toggle the highlighted TODO", "todo.toggle_done"),
    ("TODO: edit", "Edit the highlighted TODO", "todo.edit"),
    ("TODO: delete", "Delete the highlighted TODO (asks first)", "todo.delete"),
    ("TODO: go to its talk", "Open the linked talk's note", "todo.jump"),
    ("TODO: move up", "Move the highlighted TODO up", "todo.move_up"),
    ("TODO: move down", "Move the highlighted TODO down", "todo.move_down"),
    ("TODO: show open / done / all", "Cycle the TODO filter", "todo.cycle_status"),
    ("TODO: filter by kind", "Cycle watch later, follow-up, action", "todo.cycle_kind"),
]


def run(database: Path, log_file: Path | None = None) -> None:
    """Open the app on the database at ``database`` (opened in the store thread)."""
    if log_file is not None:
        _log_to(log_file)

    def open_store() -> Store:
        from confnote.store import Store

        return Store.open(database)

    app = ConfnoteApp(open_store)
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)


def _log_to(log_file: Path) -> None:
    """Startup times and store errors go to a small log file, never to the terminal."""
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(log_file, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
