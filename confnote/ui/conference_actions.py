"""Conferences from the app: the first-run demo offer, the conferences list (switch, create,
rename, change the time zone, move to the trash), and the notes of the conference itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from confnote.store.records import Conference, Note, TrashItem
from confnote.ui.messages import (
    ConferenceNotesLoaded,
    NoteLoaded,
    NoteTarget,
    OpenConference,
    StoreReply,
)
from confnote.ui.requests import OpenNote, StoreRequest
from confnote.ui.screens.conferences import NEW, ConferenceEntry, ConferencesScreen

if TYPE_CHECKING:
    from textual.widget import Widget

    from confnote.store import Store
    from confnote.ui.screens.conference_form import ConferenceDraft

WELCOME = (
    "[b]Welcome to confnote.[/b]\n\nThe store is empty. Load a small demo "
    "conference, placed on today's dates, to see every pane at work?"
)


@dataclass
class ConferencesListed(StoreReply):
    """Every conference with what it holds: for the conferences list."""

    entries: list[ConferenceEntry]
    then: str = ""  # an action of the list to run on the open conference


@dataclass
class ConferenceEdited(StoreReply):
    """``conference`` was renamed, given another zone, or (``trashed``) moved to the trash;
    ``entries`` are the conferences now."""

    conference: Conference
    entries: list[ConferenceEntry]
    trashed: TrashItem | None = None


def conference_entries(store: Store) -> list[ConferenceEntry]:
    return [
        ConferenceEntry(conference, store.conference_contents(conference.id))
        for conference in store.list_conferences()
    ]


class ConferenceActions:
    """Dialogs about conferences; what they decide goes to ``owner`` (the main screen) as
    messages, and so do the store's replies."""

    def __init__(self, owner: Widget, clock: Callable[[], datetime], local_zone: tzinfo) -> None:
        self._owner = owner
        self._clock = clock
        self._local_zone = local_zone

    def _ask(self, job: Callable[[Store], Any], reply: Callable[[Any], Any]) -> None:
        self._owner.post_message(StoreRequest(job, reply))

    def first_run(self, offer_demo: bool) -> None:
        """An empty store: offer the demo; declining leaves the empty pane's hints."""
        from confnote.demo import demo_available

        if not (offer_demo and demo_available()):
            return
        from confnote.ui.screens.confirm import ConfirmScreen

        screen = ConfirmScreen(WELCOME, yes="Load the demo", no="Start empty")
        self._owner.app.push_screen(screen, self._demo_answer)

    def _demo_answer(self, load: bool | None) -> None:
        if not load:
            return
        today = self._clock().astimezone(self._local_zone).date()

        def job(store: Store) -> Conference:
            from confnote.demo import load_demo

            return load_demo(store, today)

        self._ask(job, lambda conference: OpenConference(conference.id))

    def show_list(self, then: str = "") -> None:
        """Open the conferences list (F5); ``then`` see ConferencesScreen."""
        self._ask(conference_entries, lambda entries: ConferencesListed(entries, then))

    def listed(self, event: ConferencesListed, open_conference: Conference | None) -> None:
        owner = self._owner
        if isinstance(owner.app.screen, ConferencesScreen):
            owner.app.screen.show(event.entries)
            return

        def chosen(conference_id: int | None) -> None:
            if conference_id == NEW:
                self.create()
            elif conference_id is not None:
                owner.post_message(OpenConference(conference_id))

        open_id = open_conference.id if open_conference is not None else None
        owner.app.push_screen(ConferencesScreen(owner, event.entries, open_id, event.then), chosen)

    def rename(self, conference_id: int, name: str) -> None:
        def job(store: Store) -> ConferenceEdited:
            conference = store.update_conference(conference_id, name=name)
            return ConferenceEdited(conference, conference_entries(store))

        self._ask(job, lambda edited: edited)

    def change_zone(self, conference_id: int, time_zone: str) -> None:
        def job(store: Store) -> ConferenceEdited:
            conference = store.update_conference(conference_id, time_zone=time_zone)
            return ConferenceEdited(conference, conference_entries(store))

        self._ask(job, lambda edited: edited)

    def delete(self, conference: Conference) -> None:
        """Move the conference to the trash (the owner has closed it first when it was the
        open one, so the note being typed is saved before the delete)."""

        def job(store: Store) -> ConferenceEdited:
            trashed = store.delete_conference(conference.id)
            return ConferenceEdited(conference, conference_entries(store), trashed)

        self._ask(job, lambda edited: edited)

    def edited(self, event: ConferenceEdited) -> None:
        """Show the change in the conferences list, and say where a deleted one went."""
        app = self._owner.app
        if isinstance(app.screen, ConferencesScreen):
            if event.entries:
                app.screen.show(event.entries)
            else:
                app.screen.dismiss(None)
        if event.trashed is not None:
            app.notify(f"Moved “{event.conference.name}” to the trash (palette: Trash)")

    def create(self) -> None:
        from confnote.ui.screens.conference_form import ConferenceFormScreen

        def created(draft: ConferenceDraft | None) -> None:
            if draft is None:
                return
            self._ask(
                lambda store: store.create_conference(
                    draft.name,
                    time_zone=draft.time_zone,
                    starts_on=draft.starts_on,
                    ends_on=draft.ends_on,
                    url=draft.url,
                ),
                lambda conference: OpenConference(conference.id),
            )

        zone_name = getattr(self._local_zone, "key", "UTC")
        self._owner.app.push_screen(ConferenceFormScreen(zone_name), created)

    def choose_note(self, conference_id: int, notes: list[Note]) -> None:
        """Pick one of the conference's own notes, or make a new one."""
        from confnote.ui.screens.choice import ChoiceScreen

        owner = self._owner
        choices = [(n.title, n.id) for n in notes]
        choices.append(("+ New conference note…", NEW))

        def chosen(note_id: int | None) -> None:
            if note_id == NEW:
                self._new_note(conference_id)
            elif note_id is not None:
                owner.post_message(OpenNote(note_id))

        owner.app.push_screen(ChoiceScreen[int]("Conference notes", choices), chosen)

    def _new_note(self, conference_id: int) -> None:
        from confnote.ui.screens.note_title import NoteTitleScreen

        def named(title: str | None) -> None:
            if not title:
                return

            def job(store: Store) -> Note:
                return store.add_conference_note(conference_id, title, f"# {title}\n\n")

            self._ask(job, lambda note: NoteLoaded(NoteTarget(note_id=note.id), None, note))
            self._ask(lambda store: store.conference_notes(conference_id), ConferenceNotesLoaded)

        self._owner.app.push_screen(NoteTitleScreen(), named)
