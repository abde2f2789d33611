"""Coming back: where the app was left is kept in the store and taken up at the next start.

The place (``confnote.store.place.Place``) is the conference shown, its day, the talk
under the cursor, the open note and the focused pane. The screen is looked at every
``LOOK_EVERY`` seconds; a place that has stayed put for one look is kept (so holding an
arrow key down writes nothing), by a job on the store thread. The quit keeps it once more,
queued behind the last note save, and a locked database costs it at most ``PLACE_WAIT``.

At the next start the place is taken up as it was left, except while its conference
runs and it was left on an earlier programme day: then the app starts at now, as a
fresh start would, since yesterday's cursor and note are not where the attendee is.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from confnote import agenda
from confnote.errors import ConfnoteError
from confnote.store.place import Place

if TYPE_CHECKING:
    from confnote.store import Store
    from confnote.store.records import Talk
    from confnote.ui.messages import ConferenceLoaded
    from confnote.ui.screens.main import MainScreen
    from confnote.ui.store_runner import Submit

log = logging.getLogger("confnote")
LOOK_EVERY = 2.0  # seconds


def place_shown(screen: MainScreen, now: datetime) -> Place | None:
    """Where the main screen is; None before any conference shows."""
    schedule, note = screen.schedule, screen.note_pane
    if schedule.conference is None:
        return None
    target = note.target if note.conference_id == schedule.conference.id else None
    return Place(
        conference_id=schedule.conference.id,
        day=schedule.rule.day,
        talk_id=schedule.table.current_talk_id,
        note_talk_id=target.talk_id if target else None,
        note_id=target.note_id if target else None,
        pane=screen.pane_of(screen.focused) or "schedule",
        left_at=now,
    )


def worth_resuming(
    place: Place, talks: Sequence[Talk], days: agenda.ProgrammeDays, now: datetime
) -> bool:
    """Always, except while the conference runs and the place was left on an earlier day."""
    return not agenda.under_way(talks, now) or days.day_of(place.left_at) >= days.day_of(now)


class LastPlace:
    """Takes up the place the app was left at, then keeps where it goes."""

    def __init__(
        self,
        screen: MainScreen,
        submit: Submit,
        clock: Callable[[], datetime],
    ) -> None:
        """``screen`` shows the place and opens notes; ``submit`` runs store jobs."""
        self._screen = screen
        self._submit = submit
        self._clock = clock
        self._pending: Place | None = None  # read by the store, not yet taken up
        self._settled = False  # taken up (or nothing to take up): now keeping
        self._seen: Place | None = None  # at the last look
        self._kept: Place | None = None  # the last one sent to the store

    def found(self, place: Place | None) -> None:
        """The store opened and read ``place``: take it up unless the first screen did."""
        if self._settled:
            return
        self._pending = place
        if place is None:
            self._settle(None)

    def take(self, event: ConferenceLoaded) -> Place | None:
        """Once, at startup: the place to show ``event``'s conference at, or None for a
        fresh start. Before the store has said, only the first screen's place counts."""
        place = None if self._settled else event.place or self._pending
        if place is None:
            return None
        self._settle(place)
        if place.conference_id != event.conference.id:
            return None
        return place if worth_resuming(place, event.talks, event.days, self._clock()) else None

    def reopen(self, place: Place) -> None:
        """The note and pane of ``place``; its day and talk went with the schedule's load."""
        focus_note = place.pane == "note"
        if place.note_talk_id is not None:
            self._screen.open_talk(place.note_talk_id, focus=focus_note)
        elif place.note_id is not None:
            self._screen.open_note(place.note_id, focus=focus_note)
        if place.pane == "todo":
            self._screen.focus_pane("todo")

    def keep_at_exit(self) -> None:
        """Queue the place once more (the last note save is queued before it)."""
        if self._settled and (here := place_shown(self._screen, self._clock())) is not None:
            self._keep(here)

    def _settle(self, taken: Place | None) -> None:
        self._settled, self._pending = True, None
        self._seen = self._kept = taken
        self._screen.set_interval(LOOK_EVERY, self._look)

    def _look(self) -> None:
        here = place_shown(self._screen, self._clock())
        if here is None:
            return
        if self._kept is None:  # where a fresh start began: nothing to write until a move
            self._kept = here
        elif here == self._seen and here != self._kept:
            self._keep(here)
        self._seen = here

    def _keep(self, place: Place) -> None:
        self._kept = place

        def job(store: Store) -> None:
            try:
                store.save_place(place)
            except ConfnoteError as error:  # locked or read-only: the next move or quit
                log.info("place not kept: %s", error)

        self._submit(job)
