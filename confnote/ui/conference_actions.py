"""Conferences from the app: the first-run demo offer, switching, creating one by hand,
and the notes that belong to the conference itself."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from confnote.store.records import Conference, Note
from confnote.ui.messages import ConferenceNotesLoaded, NoteLoaded, NoteTarget, OpenConference
from confnote.ui.requests import OpenNote, StoreRequest

if TYPE_CHECKING:
    from textual.widget import Widget

    from confnote.store import Store
    from confnote.ui.screens.conference_form import ConferenceDraft

NEW = -1  # the "+ New…" entry of a list of ids; None means the list was closed

WELCOME = (
    "[b]Welcome to confnote.[/b]\n\nThe store is empty. Load a small demo "
    "conference, placed on today's dates, to see every pane at work?"
)


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

    def choose(self, conferences: list[Conference]) -> None:
        from confnote.ui.screens.choice import ChoiceScreen

        owner = self._owner
        choices = [(f"{c.name}  ({c.starts_on or 'no dates'})", c.id) for c in conferences]
        choices.append(("+ New conference…", NEW))

        def chosen(conference_id: int | None) -> None:
            if conference_id == NEW:
                self.create()
            elif conference_id is not None:
                owner.post_message(OpenConference(conference_id))

        owner.app.push_screen(ChoiceScreen[int]("Conferences", choices), chosen)

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
