"""Reads in plain sqlite3: conferences and talks as records, a conference's programme days,
and the app's first screen (the conference it opens at, with the place it was left at).

The Store runs them inside its transactions; the app's first screen runs them on a
read-only connection of its own before the store has even opened, so a day's rows
show while it opens.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from confnote import agenda
from confnote.errors import NotFoundError
from confnote.store import migrations
from confnote.store.place import Place, read_place
from confnote.store.records import Conference, Talk, TodoKind

CONFERENCE_COLUMNS = "id, name, slug, time_zone, starts_on, ends_on, url"
_CONFERENCES = f"""
SELECT {CONFERENCE_COLUMNS} FROM conference
WHERE {{where}}
ORDER BY starts_on IS NULL, starts_on DESC, id DESC
"""
_TALK_COLUMNS = """
t.id, t.conference_id, t.key, t.title, t.starts_at, t.duration, t.subtitle,
t.abstract, t.kind, t.track, t.room, t.url, t.slides_url, t.video_url,
t.cancelled, t.changed,
coalesce(s.star, 0), coalesce(s.attended, 0), s.rating, coalesce(s.hidden, 0)
"""
_TALKS_FROM = "FROM talk t LEFT JOIN talk_state s ON s.talk_id = t.id WHERE {where}"
# Each takes the chosen talk ids as the subquery {chosen}.
_SPEAKERS = (
    "ts.talk_id, ts.position, sp.name",
    "FROM talk_speaker ts JOIN speaker sp ON sp.id = ts.speaker_id WHERE ts.talk_id IN ({chosen})",
)
_TAGS = (
    "tt.talk_id, tg.name",
    "FROM talk_tag tt JOIN tag tg ON tg.id = tt.tag_id WHERE tt.talk_id IN ({chosen})",
)
_WITH_NOTES = (
    "n.talk_id",
    "FROM note n WHERE n.talk_id IN ({chosen}) AND trim(n.body, ' ' || char(9, 13, 10)) <> ''",
)
_WATCHING = ("td.talk_id", "FROM todo td WHERE td.talk_id IN ({chosen}) AND td.kind = ?")


def read_conferences(
    connection: sqlite3.Connection, where: str = "1", parameters: Sequence[object] = ()
) -> list[Conference]:
    """Conferences matching the SQL condition ``where``, newest first."""
    return [
        conference_from_row(row)
        for row in connection.execute(_CONFERENCES.format(where=where), parameters)
    ]


def conference_from_row(row: Sequence[Any]) -> Conference:
    """A conference from its CONFERENCE_COLUMNS, in that order."""
    return Conference(
        id=row[0],
        name=row[1],
        slug=row[2],
        time_zone=row[3],
        starts_on=date.fromisoformat(row[4]) if row[4] else None,
        ends_on=date.fromisoformat(row[5]) if row[5] else None,
        url=row[6],
    )


def conference_by_id(connection: sqlite3.Connection, conference_id: int | None) -> Conference:
    found = read_conferences(connection, "id = ?", (conference_id,))
    if not found:
        raise NotFoundError(f"no conference with id {conference_id}")
    return found[0]


def rows_at_once(
    connection: sqlite3.Connection, columns: str, source: str, parameters: Sequence[object] = ()
) -> list[list[Any]]:
    """``SELECT columns source`` (plain values, in no particular order) as lists, all in
    one step of SQLite.

    Fetching row by row hands Python's lock over once per row. While the UI thread is
    busy, each of those waits for it to give the lock back (a switch interval, 5 ms),
    so a thousand rows read on the store thread at startup took about a second. One
    JSON document is built in SQLite and parsed in one go instead.
    """
    query = f"SELECT json_group_array(json_array({columns})) {source}"
    (document,) = connection.execute(query, parameters).fetchone()
    rows: list[list[Any]] = json.loads(document)
    return rows


def read_talks(
    connection: sqlite3.Connection, where: str, parameters: Sequence[object] = ()
) -> list[Talk]:
    """Talks matching the SQL condition ``where`` (on ``talk t``), in time order, with
    their speakers, tags and the attendee's state."""
    chosen = f"SELECT t.id FROM talk t WHERE {where}"

    def each(query: tuple[str, str], *more: object) -> list[list[Any]]:
        columns, source = query
        return rows_at_once(connection, columns, source.format(chosen=chosen), (*parameters, *more))

    rows = rows_at_once(connection, _TALK_COLUMNS, _TALKS_FROM.format(where=where), parameters)
    rows.sort(key=lambda row: (row[4], row[10], row[0]))  # start, room, id
    speakers: defaultdict[int, list[str]] = defaultdict(list)
    for talk_id, _position, name in sorted(each(_SPEAKERS)):
        speakers[talk_id].append(name)
    tags: defaultdict[int, list[str]] = defaultdict(list)
    for talk_id, name in sorted(each(_TAGS), key=lambda row: row[1]):
        tags[talk_id].append(name)
    with_notes = {talk_id for (talk_id,) in each(_WITH_NOTES)}
    watching = {talk_id for (talk_id,) in each(_WATCHING, TodoKind.WATCH_LATER.value)}
    return [
        Talk(
            id=row[0],
            conference_id=row[1],
            key=row[2],
            title=row[3],
            starts_at=datetime.fromtimestamp(row[4], UTC),
            duration=timedelta(seconds=row[5]),
            subtitle=row[6],
            abstract=row[7],
            kind=row[8],
            track=row[9],
            room=row[10],
            url=row[11],
            slides_url=row[12],
            video_url=row[13],
            speakers=tuple(speakers[row[0]]),
            tags=tuple(tags[row[0]]),
            star=row[16],
            attended=bool(row[17]),
            rating=row[18],
            hidden=bool(row[19]),
            has_note=row[0] in with_notes,
            watch_later=row[0] in watching,
            cancelled=bool(row[14]),
            changed=tuple(field for field in row[15].split(",") if field),
        )
        for row in rows
    ]


def read_programme_days(
    connection: sqlite3.Connection, conference_id: int, time_zone: str
) -> agenda.ProgrammeDays:
    """The conference's declared days, else a boundary in the quiet hours of its talks."""
    mine = (conference_id,)
    windows = rows_at_once(
        connection, "starts_at, ends_at", "FROM programme_day WHERE conference_id = ?", mine
    )
    starts = rows_at_once(connection, "starts_at", "FROM talk WHERE conference_id = ?", mine)
    return agenda.programme_days(
        agenda.zone(time_zone),
        [agenda.DayWindow(_instant(start), _instant(end)) for start, end in windows],
        [_instant(start) for (start,) in starts],
    )


def _instant(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


FirstScreen = tuple[Conference, list[Talk], agenda.ProgrammeDays, Place | None]


def first_screen(database: Path) -> FirstScreen | None:
    """The conference the app opens first with its talks and days, and the place the
    app was left at: that place's conference, else the newest (as
    ``Store.list_conferences`` orders them). None when there is none or the file is
    not a store of this version yet (opening the Store will create or migrate it)."""
    if not database.is_file():
        return None
    with contextlib.suppress(sqlite3.Error):
        uri = f"{database.resolve().as_uri()}?mode=ro"
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as connection:
            if migrations.schema_version(connection) != migrations.LATEST_VERSION:
                return None
            place = read_place(connection)
            row = connection.execute(
                f"SELECT {CONFERENCE_COLUMNS} FROM conference"
                " ORDER BY id = ? DESC, starts_on IS NULL, starts_on DESC, id DESC LIMIT 1",
                (place.conference_id if place else None,),
            ).fetchone()
            if row is None:
                return None
            conference = conference_from_row(row)
            talks = read_talks(connection, "t.conference_id = ?", (conference.id,))
            days = read_programme_days(connection, conference.id, conference.time_zone)
            return conference, talks, days, place
    return None
