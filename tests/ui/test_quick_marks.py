"""Marks pressed quickly, before the store has answered the press before (or before it has
opened): none is lost, they apply in order, and the row shows each press at once."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from textual.pilot import Pilot

from confnote.store import Store
from confnote.ui.app import ConfnoteApp
from tests.ui.pilot_helpers import Programme, confnote, marks, running, select_talk, settle


class StoreHold:
    """A job that holds the store thread until released."""

    def __init__(self, pilot: Pilot[Any]) -> None:
        self._pilot = pilot
        self._running, self._release = threading.Event(), threading.Event()

    def _job(self, _store: Store) -> None:
        self._running.set()
        self._release.wait(30)

    async def hold(self, *, after: StoreHold | None = None) -> None:
        """Queue the job; without ``after``, wait until it runs."""
        confnote(self._pilot).runner.submit(self._job)
        if after is None:
            await self.started()

    async def started(self) -> None:
        await settle(self._pilot, self._running.is_set, what="the store thread to be held")

    def release(self) -> None:
        self._release.set()


@asynccontextmanager
async def store_busy(pilot: Pilot[Any]) -> AsyncIterator[None]:
    """Hold the store thread on a job until the block ends, as a slow write or a store
    still opening does: presses made meanwhile wait in its queue."""
    busy = StoreHold(pilot)
    await busy.hold()
    try:
        yield
    finally:
        busy.release()
    await settle(pilot)


@pytest.mark.parametrize(("presses", "stars"), [(1, 1), (2, 2), (3, 0), (4, 1)])
async def test_quick_star_presses_each_step_the_level(
    app: ConfnoteApp, store: Store, programme: Programme, presses: int, stars: int
) -> None:
    talk = programme.opening
    async with running(app) as pilot:
        await select_talk(pilot, talk.id)
        async with store_busy(pilot):
            await pilot.press(*["s"] * presses)
            assert store.talk(talk.id).star == 0
            assert marks(app, talk.id).count("★") == stars  # shown before it is stored
        assert store.talk(talk.id).star == stars
        assert marks(app, talk.id).count("★") == stars
        assert app.schedule.table.current_talk_id == talk.id


async def test_quick_presses_of_two_marks_on_two_talks_all_apply(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    opening, late = programme.opening, programme.late
    async with running(app) as pilot:
        await select_talk(pilot, opening.id)
        async with store_busy(pilot):
            await pilot.press("s", "a", "s", "a", "a")
            await select_talk(pilot, late.id)
            await pilot.press("s", "w", "w")
        stored = store.talk(opening.id)
        assert (stored.star, stored.attended) == (2, True)
        stored = store.talk(late.id)
        assert (stored.star, stored.watch_later) == (1, False)
        assert marks(app, opening.id).startswith("★★") and "✓" in marks(app, opening.id)
        assert marks(app, late.id).count("★") == 1 and "◷" not in marks(app, late.id)


async def test_a_press_the_store_refuses_gives_way_to_the_stored_state(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    talk = programme.late
    async with running(app) as pilot:
        await select_talk(pilot, talk.id)
        first, second = StoreHold(pilot), StoreHold(pilot)
        await first.hold()
        await pilot.press("s")
        assert marks(app, talk.id).count("★") == 1
        await second.hold(after=first)  # queued behind the press
        trashed = store.delete_talk(talk.id)  # another window deletes the talk meanwhile
        first.release()
        await second.started()  # the press has failed: the talk was gone
        store.restore_from_trash(trashed.id)  # and is back before the app looks again
        second.release()
        await settle(pilot)
        await settle(pilot, lambda: talk.id in {t.id for t in app.schedule.table.talks})
        assert store.talk(talk.id).star == 0
        assert "★" not in marks(app, talk.id)
        assert any("talk" in n.message for n in app._notifications), "no notice of the failure"
