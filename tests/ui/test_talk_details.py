"""`i` shows a talk's details: both zones, place, people, abstract and links that open."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from confnote.store import Store
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.talk_details import TalkDetailsScreen
from tests.helpers import talk_details
from tests.ui.pilot_helpers import Programme, running, select_talk, settle


def details_text(app: ConfnoteApp) -> str:
    screen = app.screen
    facts = screen.query_one("#details-facts", Static).render()
    abstract = screen.query_one("#details-abstract-text", Static).render()
    return f"{facts}\n{abstract}"


async def test_i_shows_the_talk_in_both_zones_with_room_track_speakers_and_abstract(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    async with running(app) as pilot:
        await select_talk(pilot, programme.opening.id)
        await pilot.press("i")
        await settle(pilot, lambda: isinstance(app.screen, TalkDetailsScreen), what="details")
        text = details_text(app)
        assert "Opening keynote" in text
        assert "Sat 17 May 09:00–09:30 CEST" in text  # Brussels, the conference's zone
        assert "Sat 17 May 03:00–03:30 EDT" in text  # New York, the attendee's home
        assert "Main Hall" in text and "Keynotes" in text and "Ada Lovelace" in text

        await pilot.press("i")  # the same key closes it
        await settle(pilot, lambda: app.screen is app.main, what="the schedule again")
        assert app.focused is app.schedule.table


async def test_enter_on_a_link_opens_it_with_the_system_opener(
    app: ConfnoteApp, programme: Programme
) -> None:
    opened: list[str] = []
    app.open_url = lambda url, *, new_tab=True: opened.append(url)  # type: ignore[method-assign]
    async with running(app) as pilot:
        await select_talk(pilot, programme.opening.id)
        await pilot.press("i")
        await settle(pilot, lambda: isinstance(app.screen, TalkDetailsScreen), what="details")
        assert isinstance(app.focused, OptionList)
        await pilot.press("enter")
        assert opened == ["https://video.example.org/opening"]


async def test_links_in_the_abstract_are_offered_too(
    app: ConfnoteApp, store: Store, programme: Programme
) -> None:
    abstract = "Slides and code: https://code.example.org/parsers. Come along!"
    talk = store.add_talk(
        programme.conference.id,
        talk_details("abs", "Abstract with links", "2025-05-17T12:00:00+02:00", abstract=abstract),
    )
    async with running(app) as pilot:
        await select_talk(pilot, talk.id)
        await pilot.press("i")
        await settle(pilot, lambda: isinstance(app.screen, TalkDetailsScreen), what="details")
        assert "Come along!" in details_text(app)
        links = app.screen.query_one(OptionList)
        assert links.option_count == 1
        assert links.get_option_at_index(0).id == "https://code.example.org/parsers"
