"""Conferences from the app: the first-run demo offer, switching, creating one by hand,
and the notes that belong to the conference itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from confnote.store.records import Conference, Note
from confnote.ui.messages import ConferenceNotesLoaded, NoteLoaded, NoteTarget, OpenConference

if TYPE_CHECKING:
    from confnote.store import Store
    from confnote.ui.app import ConfnoteApp
    from confnote.ui.screens.conference_form import ConferenceDraft

NEW = -1  # the "+ New…" entry of a list of ids; None means the list was closed

WELCOME = (
    "[b]Welcome to confnote.[/b]\n\nThe store is empty. Load a small demo "
    "conference, placed on today's dates, to see every pane at work?"
)


class ConferenceActions:
    def __init__(self, app: ConfnoteApp) -> None:
        self._app = app

    def first_run(self) -> None:
        """An empty store: offer the demo; declining leaves the empty pane's hints."""
        from confnote.demo import demo_available

        if not (self._app.offer_demo and demo_available()):
            return
        from confnote.ui.screens.confirm import ConfirmScreen

        screen = ConfirmScreen(WELCOME, yes="Load the demo", no="Start empty")
        self._app.push_screen(screen, self._demo_answer)

    def _demo_answer(self, load: bool | None) -> None:
        if not load:
            return
        app = self._app
        today = app.clock().astimezone(app.local_zone).date()

        def job(store: Store) -> Conference:
            from confnote.demo import load_demo

            return load_demo(store, today)

        app.submit(job, lambda conference: OpenConference(conference.id))

    def choose(self, conferences: list[Conference]) -> None:
        from confnote.ui.screens.choice import ChoiceScreen

        app = self._app
        choices = [(f"{c.name}  ({c.starts_on or 'no dates'})", c.id) for c in conferences]
        choices.append(("+ New conference…", NEW))

        def chosen(conference_id: int | None) -> None:
            if conference_id == NEW:
                self.create()
            elif conference_id is not None:
                app.note_pane.flush()
                app.load_conference(conference_id)

        app.push_screen(ChoiceScreen[int]("Conferences", choices), chosen)

    def create(self) -> None:
        from confnote.ui.screens.conference_form import ConferenceFormScreen

        app = self._app

        def created(draft: ConferenceDraft | None) -> None:
            if draft is None:
                return
            app.submit(
                lambda store: store.create_conference(
                    draft.name,
                    time_zone=draft.time_zone,
                    starts_on=draft.starts_on,
                    ends_on=draft.ends_on,
                    url=draft.url,
                ),
                lambda conference: OpenConference(conference.id),
            )

        zone_name = getattr(app.local_zone, "key", "UTC")
        app.push_screen(ConferenceFormScreen(zone_name), created)

    def choose_note(self, notes: list[Note]) -> None:
        """Pick one of the conference's own notes, or make a new one."""
        from confnote.ui.screens.choice import ChoiceScreen

        app = self._app
        choices = [(n.title, n.id) for n in notes]
        choices.append(("+ New conference note…", NEW))

        def chosen(note_id: int | None) -> None:
            if note_id == NEW:
                self._new_note()
            elif note_id is not None:
                app.open_note(note_id)

        app.push_screen(ChoiceScreen[int]("Conference notes", choices), chosen)

    def _new_note(self) -> None:
        from confnote.ui.screens.note_title import NoteTitleScreen

        app = self._app
        if app.conference is None:
            return
        conference_id = app.conference.id

        def named(title: str | None) -> None:
            if not title:
                return

            def job(store: Store) -> Note:
                return store.add_conference_note(conference_id, title, f"# {title}\n\n")

            app.submit(job, lambda note: NoteLoaded(NoteTarget(note_id=note.id), None, note))
            app.submit(lambda store: store.conference_notes(conference_id), ConferenceNotesLoaded)

        app.push_screen(NoteTitleScreen(), named)
