"""Schedule columns: widths from the space available, the title first, marks as wide as used."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from confnote.store import Conference, Store
from confnote.store.records import Talk
from confnote.ui.app import ConfnoteApp
from confnote.ui.widgets.schedule_columns import cell_text, fit_columns, mark_slots
from tests.helpers import talk_details
from tests.ui.pilot_helpers import row_cells, running, shown_column

FIXED = {"marks": 2, "time": 7}
# A typical FOSDEM devroom talk: a 46-character title, a room with its nickname, a devroom.
TITLE = "Reproducible builds for embedded Linux at last"
ROOM = "UB2.252A (Lameere)"
TRACK = "Embedded and Automotive"


def talk(id: int = 1, **fields: object) -> Talk:
    values: dict[str, object] = {
        "title": TITLE,
        "room": ROOM,
        "track": TRACK,
        "speakers": ("Ada Lovelace",),
        **fields,
    }
    return Talk(
        id=id,
        conference_id=1,
        key=str(id),
        starts_at=datetime(2026, 1, 31, 9, tzinfo=UTC),
        duration=timedelta(minutes=30),
        **values,  # type: ignore[arg-type]
    )


def test_the_title_gets_its_goal_before_room_and_track_get_anything() -> None:
    widths = fit_columns([talk()], 9 + 47 + 5, FIXED).widths
    assert widths["title"] >= 47
    assert "track" not in widths


def test_a_narrow_room_column_shows_the_room_code_without_its_nickname() -> None:
    assert cell_text(talk(), "room", 9) == "UB2.252A"
    assert cell_text(talk(), "room", 30) == ROOM
    assert cell_text(talk(), "title", 10) == "Reproduci…"


def test_wide_space_shows_rooms_and_tracks_whole_and_the_rest_goes_to_the_title() -> None:
    widths = fit_columns([talk()], 200, FIXED).widths
    assert widths["room"] == len(ROOM) + 1
    assert widths["track"] == len(TRACK) + 1
    assert widths["title"] >= len(TITLE) + 1
    assert sum(widths.values()) == 200


def test_no_track_column_when_no_talk_has_a_track() -> None:
    widths = fit_columns([talk(track="", speakers=())], 120, FIXED).widths
    assert list(widths) == ["marks", "time", "title", "room"]


def test_mark_slots_are_only_the_marks_in_use() -> None:
    assert mark_slots([talk()], set()) == {}
    starred, noted = talk(1, star=2), talk(2, has_note=True)
    assert mark_slots([starred, noted], set()) == {"star": 2, "note": 1}
    assert mark_slots([starred, noted], {1}) == {"star": 2, "note": 1, "alert": 1}


async def test_at_120_columns_a_fosdem_title_shows_whole_with_room_and_track(
    app: ConfnoteApp, store: Store, conference: Conference
) -> None:
    added = store.add_talk(
        conference.id, talk_details("t", TITLE, room=ROOM, track=TRACK, speakers=("A B",))
    )
    async with running(app, size=(120, 40)):
        cells = row_cells(app, added.id)
        assert cells[2] == TITLE
        assert shown_column(app, "room") == ["UB2.252A"]
        assert shown_column(app, "track")[0].startswith("Embedded")
        assert cells[0].startswith("▌")  # the track's colour bar


async def test_at_200_columns_rooms_show_whole(
    app: ConfnoteApp, store: Store, conference: Conference
) -> None:
    store.add_talk(conference.id, talk_details("t", TITLE, room=ROOM, track=TRACK))
    async with running(app, size=(200, 60)):
        assert shown_column(app, "room") == [ROOM]
        assert shown_column(app, "track") == [TRACK]
