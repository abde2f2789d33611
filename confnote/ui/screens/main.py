"""The main screen: the three panes and what passes between them. Below 100 columns only the
focused pane shows; F2–F4 switch.

The screen holds the open conference: it asks the store for the conference, its notes and
TODOs, sends on its panes' store requests, and the store's replies come here (unless a
request named another widget), to be shown in the pane they concern."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen

from confnote.config import Config
from confnote.store.place import PANES, Pane
from confnote.store.records import Conference, Note, SearchHit
from confnote.ui import trash_actions
from confnote.ui.conference_actions import ConferenceActions, ConferenceEdited, ConferencesListed
from confnote.ui.last_place import LastPlace
from confnote.ui.messages import (
    ConferenceLoaded,
    ConferenceNotesLoaded,
    DatabaseChanged,
    MarkStored,
    MovedToTrash,
    NoteChanged,
    NoteChecklistSaved,
    NoteLoaded,
    NoteSaved,
    NoteSaveFailed,
    NoteTarget,
    OpenConference,
    PanesMounted,
    RevisionsLoaded,
    TalksChanged,
    TodoChangedElsewhere,
    TodosLoaded,
)
from confnote.ui.requests import OpenNote, OpenTalk, StoreRequest, TickChecklistLine
from confnote.ui.schedule_importer import ScheduleImporter
from confnote.ui.screens.conferences import ConferencesScreen
from confnote.ui.todo_actions import tick_in_store
from confnote.ui.widgets.key_footer import KeyFooter
from confnote.ui.widgets.note_pane import NotePane
from confnote.ui.widgets.pane_bar import PaneBar
from confnote.ui.widgets.schedule_pane import SchedulePane
from confnote.ui.widgets.todo_pane import TodoPane

if TYPE_CHECKING:
    from textual.widget import Widget

    from confnote.store import Store
    from confnote.ui.note_sync import NoteSync
    from confnote.ui.store_runner import Submit

TICK_SECONDS = 30.0


class MainScreen(Screen[None]):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    AUTO_FOCUS = "#schedule-table"

    def __init__(
        self,
        clock: Callable[[], datetime],
        local_zone: tzinfo,
        notes: NoteSync,
        submit: Submit,
        config: Config | None = None,
    ) -> None:
        """``submit`` runs a job on the store thread (StoreRunner.submit)."""
        super().__init__(classes="-show-schedule")
        self.notes = notes
        self._submit = submit
        self._clock = clock
        self._local_zone = local_zone
        self._config = config or Config()
        self._first_todos: TodosLoaded | None = None  # waiting for the rows to paint
        self.conference: Conference | None = None
        self.conference_notes: list[Note] = []
        self.conferences = ConferenceActions(self, clock, local_zone)
        self.last_place = LastPlace(self, submit, clock)

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            schedule = SchedulePane(
                self._clock, self._local_zone, id="schedule", settings=self._config.settings
            )
            yield schedule
            with Vertical(id="side"):
                yield NotePane(
                    self._clock,
                    lambda: schedule.display_zone,
                    self.notes.save,
                    id="note",
                    config=self._config,
                )
                yield TodoPane(id="todo")
        yield PaneBar()
        yield KeyFooter()
        yield ScheduleImporter(self._show_importing)

    def on_mount(self) -> None:
        self.set_interval(TICK_SECONDS, lambda: self.schedule.tick())
        self.post_message(PanesMounted())

    @property
    def schedule(self) -> SchedulePane:
        return self.query_one(SchedulePane)

    @property
    def note_pane(self) -> NotePane:
        return self.query_one(NotePane)

    @property
    def todo_pane(self) -> TodoPane:
        return self.query_one(TodoPane)

    @property
    def importer(self) -> ScheduleImporter:
        return self.query_one(ScheduleImporter)

    async def typed_note(self) -> tuple[NoteTarget, str] | None:
        """The open note's unsaved text, once the keys typed just before a priority key
        (ctrl+q) have reached the editor; None when all is saved."""
        reached = asyncio.Event()
        self.note_pane.editor.call_later(reached.set)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(reached.wait(), 0.2)
        return self.note_pane.pending_text()

    def show_waiting(self, text: str) -> None:
        """Before any conference: say what the schedule waits for."""
        self.schedule.show_waiting(text)

    def _show_importing(self, busy: bool) -> None:
        self.schedule.loading = busy

    def _ask(self, job: Callable[[Store], Any]) -> None:
        """Run ``job`` on the store thread; the message it returns comes back here."""
        self._submit(job, lambda reply: reply)

    @on(StoreRequest)
    def _store_request(self, event: StoreRequest) -> None:
        """What the panes ask of the store; the replies come back here."""
        event.stop()
        self._submit(event.job, event.reply, event.on_error, event.reply_to)

    # Which pane shows

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if (pane := self.pane_of(event.widget)) is not None:
            self._show(pane)

    def pane_of(self, widget: Widget | None) -> Pane | None:
        """The pane holding ``widget``; None outside every pane."""
        ids = {node.id for node in widget.ancestors_with_self} if widget else set()
        return next((pane for pane in PANES if pane in ids), None)

    def _show(self, pane: str) -> None:
        for other in PANES:
            self.set_class(other == pane, f"-show-{other}")
        self.query_one(PaneBar).active = pane

    def focus_pane(self, pane: str) -> None:
        self._show(pane)
        if pane == "schedule":
            self.schedule.focus_list()
            return
        target = {
            "schedule": "#schedule-table",
            "note": "#note-editor",
            "todo": "#todo-list",
        }[pane]
        widget = self.query_one(target)
        if pane == "note" and self.note_pane.has_class("-preview"):
            widget = self.query_one("#note-preview")
        widget.focus()

    # What to show

    @on(OpenConference)
    @on(OpenTalk)
    @on(OpenNote)
    def _open_message(self, event: OpenConference | OpenTalk | OpenNote) -> None:
        event.stop()
        self.open(event)

    def open(self, event: OpenConference | OpenTalk | OpenNote) -> None:
        """Show the conference, or open the talk's or the conference note, asked for."""
        if isinstance(event, OpenConference):
            self.load_conference(event.conference_id)
        elif isinstance(event, OpenTalk):
            self.open_talk(event.talk_id, show=event.show)
        else:
            self.open_note(event.note_id)

    @on(SchedulePane.Request)
    def _schedule_request(self, event: SchedulePane.Request) -> None:
        if event.what == "conference_notes":
            self.action_conference_notes()
        elif event.what == "refresh":
            self.action_refresh_schedule()

    def choose_conference(self, then: str = "") -> None:
        """The conferences list (F5); ``then`` an action of it to run on the open one."""
        self.note_pane.flush()  # so the list counts the note being typed
        self.conferences.show_list(then)

    @on(ConferencesListed)
    def _conferences_listed(self, event: ConferencesListed) -> None:
        self.conferences.listed(event, self.conference)

    @on(ConferencesScreen.Rename)
    def _rename_conference(self, event: ConferencesScreen.Rename) -> None:
        self.conferences.rename(event.conference_id, event.name)

    @on(ConferencesScreen.ChangeZone)
    def _change_zone(self, event: ConferencesScreen.ChangeZone) -> None:
        self.conferences.change_zone(event.conference_id, event.time_zone)

    @on(ConferencesScreen.Delete)
    def _delete_conference(self, event: ConferencesScreen.Delete) -> None:
        if self.conference is not None and self.conference.id == event.conference.id:
            self.close_conference()  # its note's save is queued before the delete
        self.conferences.delete(event.conference)

    @on(ConferenceEdited)
    def _conference_edited(self, event: ConferenceEdited) -> None:
        """Show the open conference again (renamed, in its new zone), or another one when
        it was deleted; with none left, the empty schedule and the demo offer."""
        self.conferences.edited(event)
        if self.conference is not None and self.conference.id != event.conference.id:
            return
        if event.trashed is None:
            self.load_conference(event.conference.id)
        elif event.entries:
            self.load_conference(event.entries[0].conference.id)
        else:
            self.conferences.first_run(getattr(self.app, "offer_demo", False))

    # Actions of the palette's "main." commands

    def action_conferences(self, then: str = "") -> None:
        self.choose_conference(then)

    def action_new_conference(self) -> None:
        self.conferences.create()

    def action_conference_notes(self) -> None:
        if self.conference is not None:
            self.conferences.choose_note(self.conference.id, self.conference_notes)

    def action_refresh_schedule(self) -> None:
        self.importer.refresh_schedule(self.conference)

    def action_delete_talk(self) -> None:
        trash_actions.delete_talk(self)

    def action_delete_note(self) -> None:
        trash_actions.delete_note(self)

    # The conference

    def load_conference(self, conference_id: int) -> None:
        self.note_pane.flush()
        if self.conference is not None and self.conference.id != conference_id:
            self._leave_conference()

        def job(store: Store) -> ConferenceLoaded:
            return ConferenceLoaded(
                store.conference(conference_id),
                store.list_talks(conference_id),
                store.conference_notes(conference_id),
                store.programme_days(conference_id),
            )

        self._ask(job)
        self.reload_todos(conference_id)

    def reload(self) -> None:
        """Show again what the screen shows (the store changed under it)."""
        if self.conference is not None:
            self.load_conference(self.conference.id)

    def close_conference(self) -> None:
        """Show no conference (it was deleted): close its note, saving what was typed
        first, and its TODOs."""
        self._leave_conference()
        self.conference, self.conference_notes, self.app.sub_title = None, [], ""
        self.schedule.clear()

    def _leave_conference(self) -> None:
        """Close what belongs to the conference being left, so no key reaches it."""
        if self.note_pane.has_focus_within or self.app.focused is None:
            self.focus_pane("schedule")
        self.note_pane.close()
        self.todo_pane.linked_talk = None
        self.todo_pane.load([], [], None)

    @on(ConferenceLoaded)
    def _conference_loaded(self, event: ConferenceLoaded) -> None:
        conference = event.conference
        if self.note_pane.conference_id not in (None, conference.id):
            self._leave_conference()
        self.conference = conference
        self.conference_notes = event.notes
        self.app.sub_title = conference.name
        resume = self.last_place.take(event)
        self.schedule.load(conference, event.talks, event.days, resume=resume)
        for talk in event.talks:
            self.note_pane.update_talk(talk)
        if self.app.focused is None:
            self.focus_pane("schedule")
        if resume is not None:
            self.last_place.reopen(resume)

    @on(ConferenceNotesLoaded)
    def _conference_notes_loaded(self, event: ConferenceNotesLoaded) -> None:
        self.conference_notes = event.notes

    @on(TalksChanged)
    def _talks_changed(self, event: TalksChanged) -> None:
        self.schedule.update_talks(event.talks)
        for talk in event.talks:
            self.note_pane.update_talk(talk)

    @on(MovedToTrash)
    def _moved_to_trash(self, event: MovedToTrash) -> None:
        item = event.item
        self.notify(f"Moved {item.kind.label} “{item.title}” to the trash (palette: Trash)")
        self.reload()

    @on(MarkStored)
    def _mark_stored(self, event: MarkStored) -> None:
        shown = self.schedule.mark_stored(event.talk_id, event.mark, event.talk, event.error)
        if shown is not None:
            self.note_pane.update_talk(shown)

    @on(DatabaseChanged)
    def _database_changed(self) -> None:
        """Another window wrote: show again what this one shows."""
        self.reload()
        self.notes.check(self.note_pane.target)

    # TODOs

    def reload_todos(self, conference_id: int | None = None) -> None:
        conference_id = conference_id or (self.conference.id if self.conference else None)
        if conference_id is None:
            return

        def job(store: Store) -> TodosLoaded:
            return TodosLoaded.of(store, conference_id)

        self._ask(job)

    @on(TodosLoaded)
    def _todos_loaded(self, event: TodosLoaded) -> None:
        if self._first_todos is not None or event.conference_id != self.todo_pane.conference_id:
            # A conference's first TODOs wait for the next paint: its talk rows, which
            # came just before them, show first. Only the latest list is then shown.
            waiting, self._first_todos = self._first_todos is not None, event
            if not waiting:
                self.call_after_refresh(self._show_first_todos)
            return
        self._show_todos(event)

    def _show_first_todos(self) -> None:
        event, self._first_todos = self._first_todos, None
        if event is not None:
            self._show_todos(event)

    def _show_todos(self, event: TodosLoaded) -> None:
        if self.conference is not None and event.conference_id == self.conference.id:
            self.todo_pane.load(event.todos, event.checklist, event.conference_id)

    @on(TodoChangedElsewhere)
    def _todo_changed_elsewhere(self, event: TodoChangedElsewhere) -> None:
        self.todo_pane.changed_elsewhere(event.theirs, event.yours)

    @on(TickChecklistLine)
    def _tick_checklist_line(self, event: TickChecklistLine) -> None:
        if not self.note_pane.tick(event.entry):
            self.post_message(tick_in_store(event.entry))

    # Notes

    def open_talk(self, talk_id: int, *, show: bool = False, focus: bool = True) -> None:
        """Open the talk's note; with ``show``, also move the schedule's cursor to the talk."""
        if show:
            self.schedule.show_talk(talk_id)
        notes = self.notes

        def job(store: Store) -> NoteLoaded:
            talk, note = store.talk(talk_id), store.note_for_talk(talk_id)
            notes.loaded(target := NoteTarget(talk_id=talk_id), note)
            return NoteLoaded(target, talk, note, focus)

        self.note_pane.flush()
        self._ask(job)

    def open_note(self, note_id: int, *, focus: bool = True) -> None:
        notes = self.notes

        def job(store: Store) -> NoteLoaded:
            note = store.note(note_id)
            notes.loaded(target := NoteTarget(note_id=note_id), note)
            return NoteLoaded(target, None, note, focus)

        self.note_pane.flush()
        self._ask(job)

    def open_hit(self, hit: SearchHit | None) -> None:
        """Open what a search found: a talk (of whichever conference) or a note."""
        if hit is None:
            return
        if hit.talk_id is not None:
            if self.conference and hit.conference_id != self.conference.id:
                self.load_conference(hit.conference_id)
            self.open_talk(hit.talk_id, show=True)
        elif hit.note_id is not None:
            self.open_note(hit.note_id)

    @on(NoteLoaded)
    def _note_loaded(self, event: NoteLoaded) -> None:
        self.note_pane.show_note(event.target, event.talk, event.note)
        self.todo_pane.linked_talk = event.talk
        if event.focus:
            self.focus_pane("note")

    @on(NoteChanged)
    def _note_changed(self, event: NoteChanged) -> None:
        if self.note_pane.changed_elsewhere(event.target, event.note, event.set_aside):
            self.notes.adopt(event.target, event.note)

    @on(NotePane.ExternalEditWanted)
    def _external_edit(self) -> None:
        from confnote.ui.external_editor import edit_externally

        if self.notes.database is not None:
            edit_externally(self.app, self.notes.database, self.note_pane, self._submit)

    @on(NotePane.RevisionsWanted)
    def _revisions_wanted(self, event: NotePane.RevisionsWanted) -> None:
        self.notes.load_revisions(event.note_id)

    @on(RevisionsLoaded)
    def _revisions_loaded(self, event: RevisionsLoaded) -> None:
        self.note_pane.show_revisions(event.note_id, event.revisions)

    @on(NoteSaved)
    def _note_saved(self, event: NoteSaved) -> None:
        self.note_pane.saved(event.target, event.note, event.conflict)

    @on(NoteChecklistSaved)
    def _note_checklist_saved(self, event: NoteChecklistSaved) -> None:
        if self.conference is None or event.conference_id != self.conference.id:
            return  # a note of the conference just left: its TODOs are not shown
        if not self.todo_pane.update_note_checklist(event.note_id, event.entries):
            self.reload_todos()

    @on(NoteSaveFailed)
    def _note_save_failed(self, event: NoteSaveFailed) -> None:
        self.note_pane.save_failed(event.target, event.reason, event.body)
        self.notify(
            f"Note not saved: {event.reason}. Trying again by itself.", severity="error", timeout=10
        )
