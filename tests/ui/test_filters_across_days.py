"""A filter that narrows a day says how many talks it matches on the other days, and `m`
shows the next day with a match (after the last day, the first); focus stays in the schedule."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from confnote.store import Store
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.schedule_filters import ScheduleFiltersScreen
from tests.helpers import talk_details
from tests.ui.pilot_helpers import (
    Programme,
    confnote,
    running,
    schedule_title,
    settle,
    shown_titles,
    static_text,
    type_text,
)

SATURDAY, SUNDAY = date(2025, 5, 17), date(2025, 5, 18)
DAY_ONE = ["Opening keynote", "Parsing with parsers", "Late morning databases"]


def empty_hint(app: ConfnoteApp) -> str:
    """The text standing in for the table, or "" while the table shows."""
    if not app.schedule.has_class("-empty"):
        return ""
    return " ".join(static_text(app.schedule.query_one("#schedule-empty", Static)).split())


def footer_descriptions(app: ConfnoteApp) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey)]


def focus_in_schedule(app: ConfnoteApp) -> bool:
    return app.focused is not None and app.schedule in app.focused.ancestors_with_self


async def filter_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press("slash")
    await type_text(pilot, text)
    await pilot.press("enter")
    await settle(pilot)


async def test_a_filter_that_empties_the_day_counts_the_other_days_and_m_shows_the_next(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        await filter_text(pilot, "sprints")
        assert empty_hint(app).startswith("No match on Sat 17 May · other days: 1 on Sun.")
        assert "m shows the next day with a match" in empty_hint(app)
        assert "other days: 1 on Sun" in schedule_title(app)
        assert "Next match" in footer_descriptions(app)
        assert focus_in_schedule(app)

        await pilot.press("m")
        await settle(pilot)
        assert app.schedule.rule.day == SUNDAY
        assert app.schedule.rule.text == "sprints"
        assert shown_titles(app) == ["Second day sprints"]
        assert app.focused is app.schedule.table
        assert "other days: none" in schedule_title(app)

        await pilot.press("m")  # Saturday has none: m stays
        await settle(pilot)
        assert app.schedule.rule.day == SUNDAY
        assert "No other day has a match" in [n.message for n in app._notifications]


async def test_m_goes_on_from_the_last_day_to_the_first(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    store.add_talk(
        programme.conference.id,
        talk_details("closing", "Closing keynote", "2025-05-18T17:00:00+02:00"),
    )
    async with running(app) as pilot:
        await pilot.press("right_square_bracket")
        await filter_text(pilot, "keynote")
        assert app.schedule.rule.day == SUNDAY
        assert shown_titles(app) == ["Closing keynote"]
        assert "other days: 1 on Sat" in schedule_title(app)

        await pilot.press("m")
        await settle(pilot)
        assert app.schedule.rule.day == SATURDAY
        assert shown_titles(app) == ["Opening keynote"]
        assert "other days: 1 on Sun" in schedule_title(app)


async def test_the_filters_dialog_counts_the_other_days_too(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    store.set_star(programme.opening.id, 1)
    store.set_star(programme.tomorrow.id, 2)
    async with running(app) as pilot:
        await pilot.press("f")
        await settle(pilot, lambda: isinstance(app.screen, ScheduleFiltersScreen), what="filters")
        await pilot.click("#filter-starred")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: app.screen is app.main, what="the dialog to close")
        assert shown_titles(app) == ["Opening keynote"]
        assert "starred · other days: 1 on Sun" in schedule_title(app)

        await pilot.press("asterisk")  # starred off: no filter narrows the day any more
        await settle(pilot)
        assert shown_titles(app) == DAY_ONE
        assert "other days" not in schedule_title(app)


async def test_a_filter_no_day_matches_says_so_and_m_stays(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        await filter_text(pilot, "nothing matches this")
        assert empty_hint(app).startswith("No match on any day.")
        assert "other days: none" in schedule_title(app)
        await pilot.press("m")
        await settle(pilot)
        assert app.schedule.rule.day == SATURDAY
        assert "No other day has a match" in [n.message for n in app._notifications]
        assert focus_in_schedule(app)

        # Esc, [ and d still work from the empty day.
        await pilot.press("right_square_bracket")
        assert app.schedule.rule.day == SUNDAY
        await pilot.press("d")
        assert app.schedule.rule.day is None
        assert empty_hint(app).startswith("No match on any day.")
        await pilot.press("d", "escape")
        await settle(pilot)
        assert shown_titles(app) == DAY_ONE


async def test_clearing_the_filter_drops_the_counts_and_m(
    app: ConfnoteApp, programme: Programme
) -> None:
    async with running(app) as pilot:
        await filter_text(pilot, "sprints")
        assert "other days" in schedule_title(app)
        await pilot.press("escape")
        await settle(pilot)
        assert shown_titles(app) == DAY_ONE
        assert app.focused is confnote(pilot).schedule.table
        assert "other days" not in schedule_title(app)
        assert "Next match" not in footer_descriptions(app)
        await pilot.press("m")  # nothing to match: m does nothing
        await settle(pilot)
        assert app.schedule.rule.day == SATURDAY
        assert shown_titles(app) == DAY_ONE
