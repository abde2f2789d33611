"""Merging a schedule's talks into a conference's stored talks, inside the caller's transaction.

A first import adds every talk. Merging into talks already stored is a refresh,
talk by talk (schedule-formats.md §9):

- a talk with the same key is updated in place, and ``talk.changed`` names the
  fields that changed (cleared on every other talk, unless nothing changed at all);
- a talk whose key changed but whose title, speakers and start did not is the
  same talk re-keyed: its row takes the new key, so notes, stars and TODOs follow;
- a talk gone from the schedule is marked cancelled and kept, whether or not the
  attendee has anything attached to it, so the change shows up struck through
  and the talk comes back (un-cancelled) if a later version restores it;
- talks added by hand (``manual-`` keys) are not part of the schedule and stay
  as they are.

Only schedule rows change: the attendee's stars, attended marks, ratings, hidden
flags, tags, notes and TODOs live in their own tables and are never touched.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from confnote.schedule.changes import diff_talks
from confnote.schedule.model import TalkDetails
from confnote.store.rows import epoch, instant
from confnote.store.schedule_records import ImportedTalk
from confnote.store.search_index import NewTalk, held_index, index_new_talks
from confnote.store.talk_columns import SCHEDULE_COLUMNS, distinct_names, schedule_values

# Store.add_talk gives talks added by hand keys with this prefix.
MANUAL_KEY_PREFIX = "manual-"


@dataclass(slots=True)
class MergeOutcome:
    """What merging did, talk by talk; ``had_schedule`` is true when talks from an
    earlier schedule were there to merge into."""

    had_schedule: bool
    unchanged: int = 0
    added: list[ImportedTalk] = field(default_factory=list)
    updated: list[ImportedTalk] = field(default_factory=list)
    cancelled: list[ImportedTalk] = field(default_factory=list)
    rekeyed: list[ImportedTalk] = field(default_factory=list)
    restored: list[ImportedTalk] = field(default_factory=list)


def merge_talks(
    connection: sqlite3.Connection, conference_id: int, talks: Sequence[TalkDetails]
) -> MergeOutcome:
    """Make the conference's scheduled talks those of ``talks``, keeping every row
    that carries the attendee's state."""
    stored = _scheduled_talks(connection, conference_id)
    return _merge(connection, conference_id, stored, [_as_stored(talk) for talk in talks])


@dataclass(frozen=True, slots=True)
class _StoredTalk:
    id: int
    cancelled: bool
    details: TalkDetails


_MANUAL = f"{MANUAL_KEY_PREFIX}%"
_SCHEDULED = (
    f"SELECT id, cancelled, key, {', '.join(SCHEDULE_COLUMNS)} FROM talk "
    "WHERE conference_id = ? AND key NOT LIKE ? ORDER BY starts_at, id"
)
_SPEAKERS = (
    "SELECT ts.talk_id, sp.name FROM talk_speaker ts "
    "JOIN speaker sp ON sp.id = ts.speaker_id JOIN talk t ON t.id = ts.talk_id "
    "WHERE t.conference_id = ? ORDER BY ts.talk_id, ts.position"
)


def _scheduled_talks(connection: sqlite3.Connection, conference_id: int) -> dict[str, _StoredTalk]:
    """The conference's talks that came from a schedule, cancelled ones included, by key."""
    rows = connection.execute(_SCHEDULED, (conference_id, _MANUAL)).fetchall()
    if not rows:
        return {}  # a first import
    speakers: defaultdict[int, list[str]] = defaultdict(list)
    for talk_id, name in connection.execute(_SPEAKERS, (conference_id,)):
        speakers[talk_id].append(name)
    return {
        row[2]: _StoredTalk(row[0], bool(row[1]), _details(row[2:], speakers[row[0]]))
        for row in rows
    }


def _details(row: Sequence[Any], speakers: Sequence[str]) -> TalkDetails:
    """A talk's details from its key and SCHEDULE_COLUMNS, in that order."""
    key, title, subtitle, abstract, kind, track, room, url, slides, video, starts, duration = row
    return TalkDetails(
        key=key,
        title=title,
        starts_at=instant(starts),
        duration=timedelta(seconds=duration),
        subtitle=subtitle,
        abstract=abstract,
        kind=kind,
        track=track,
        room=room,
        url=url,
        slides_url=slides,
        video_url=video,
        speakers=tuple(speakers),
    )


def _as_stored(talk: TalkDetails) -> TalkDetails:
    """``talk`` as the store will hold it (whole seconds, trimmed title, distinct speakers),
    so that re-importing the same file compares equal to what is stored."""
    title = talk.title.strip()
    seconds = talk.duration.total_seconds()
    speakers = distinct_names(talk.speakers)
    if (
        title == talk.title
        and talk.starts_at.tzinfo is not None
        and talk.starts_at.microsecond == 0
        and seconds >= 0
        and seconds.is_integer()
        and speakers == talk.speakers
    ):
        return talk  # what a parser hands over is already in this form
    return replace(
        talk,
        title=title,
        starts_at=datetime.fromtimestamp(epoch(talk.starts_at), UTC),
        duration=timedelta(seconds=max(0, int(seconds))),
        speakers=speakers,
    )


def _merge(
    connection: sqlite3.Connection,
    conference_id: int,
    stored: dict[str, _StoredTalk],
    incoming: Sequence[TalkDetails],
) -> MergeOutcome:
    changes = diff_talks([talk.details for talk in stored.values()], incoming)
    changed_keys = {change.new.key for change in changes.changed}
    same = [stored[t.key] for t in incoming if t.key in stored and t.key not in changed_keys]
    gone = [stored[t.key] for t in changes.removed if not stored[t.key].cancelled]
    back = [talk for talk in same if talk.cancelled]
    outcome = MergeOutcome(bool(stored), unchanged=len(same) - len(back))
    if not (changes.added or changes.changed or changes.rekeyed or gone or back):
        # The same schedule again: leave everything as it is, the change marks included.
        return outcome
    stars = dict(connection.execute(_STARRED, (conference_id,)).fetchall())

    def report(talk_id: int, title: str, fields: tuple[str, ...] = ()) -> ImportedTalk:
        return ImportedTalk(talk_id, title, fields, stars.get(talk_id, 0))

    with held_index(connection) as stale:
        new_speakers: dict[int, tuple[str, ...]] = {}
        updates = []
        for change in (*changes.changed, *changes.rekeyed):
            old = stored[change.old.key]
            if old.cancelled:
                category = outcome.restored
            elif change.old.key != change.new.key:
                category = outcome.rekeyed
            else:
                category = outcome.updated
            values = schedule_values(change.new)
            updates.append((change.new.key, ",".join(change.fields), *values, old.id))
            if "speakers" in change.fields:
                new_speakers[old.id] = change.new.speakers
            category.append(report(old.id, str(values[0]), change.fields))
            stale.add(old.id)
        connection.executemany(_UPDATE_TALK, updates)
        connection.executemany(_UNMARK, [(talk.id,) for talk in same])
        outcome.restored.extend(report(talk.id, talk.details.title) for talk in back)
        connection.executemany(_CANCEL, [(talk.id,) for talk in gone])
        outcome.cancelled.extend(report(talk.id, talk.details.title) for talk in gone)
        added = _add_talks(connection, conference_id, changes.added)
        new_speakers.update((talk_id, talk.speakers) for talk_id, talk in added)
        ids = _replace_speakers(connection, new_speakers, fresh={talk_id for talk_id, _ in added})
        index_new_talks(connection, (_new_talk(talk_id, talk, ids) for talk_id, talk in added))
        outcome.added.extend(report(talk_id, talk.title) for talk_id, talk in added)
    return outcome


_UPDATE_TALK = (
    "UPDATE talk SET key = ?, changed = ?, cancelled = 0, "
    f"{', '.join(f'{column} = ?' for column in SCHEDULE_COLUMNS)} WHERE id = ?"
)
# A talk the new schedule keeps as it was loses its change mark, and is back if it was gone.
_UNMARK = (
    "UPDATE talk SET changed = '', cancelled = 0 WHERE id = ? AND (changed <> '' OR cancelled)"
)
_CANCEL = "UPDATE talk SET cancelled = 1, changed = '' WHERE id = ?"
_INSERT_TALK = (
    f"INSERT INTO talk (conference_id, key, cancelled, changed, {', '.join(SCHEDULE_COLUMNS)}) "
    f"VALUES (?, ?, 0, '', {', '.join('?' * len(SCHEDULE_COLUMNS))})"
)
_TALK_IDS = "SELECT key, id FROM talk WHERE conference_id = ?"


def _add_talks(
    connection: sqlite3.Connection, conference_id: int, talks: Sequence[TalkDetails]
) -> list[tuple[int, TalkDetails]]:
    """Insert ``talks`` in one statement; their ids, in order."""
    if not talks:
        return []
    rows = [(conference_id, talk.key, *schedule_values(talk)) for talk in talks]
    connection.executemany(_INSERT_TALK, rows)
    ids: dict[str, int] = dict(connection.execute(_TALK_IDS, (conference_id,)).fetchall())
    return [(ids[talk.key], talk) for talk in talks]


def _new_talk(talk_id: int, talk: TalkDetails, speaker_ids: dict[str, int]) -> NewTalk:
    speakers = sorted(talk.speakers, key=speaker_ids.__getitem__)
    return NewTalk(talk_id, talk.title, talk.subtitle, talk.abstract, speakers)


def _replace_speakers(
    connection: sqlite3.Connection, speakers_by_talk: dict[int, tuple[str, ...]], *, fresh: set[int]
) -> dict[str, int]:
    """Give each talk its speakers in order, looking every name up once; the id of
    every speaker named.

    ``fresh`` talks were just inserted and have no speakers to remove.
    """
    stale = [talk_id for talk_id in speakers_by_talk if talk_id not in fresh]
    if stale:
        connection.execute(_FORGET_SPEAKER_LINKS, (json.dumps(stale),))
    ids = _speaker_ids(connection, {name for names in speakers_by_talk.values() for name in names})
    links = [
        (talk_id, ids[name], position)
        for talk_id, names in speakers_by_talk.items()
        for position, name in enumerate(names)
    ]
    connection.executemany(_INSERT_SPEAKER_LINK, links)
    return ids


_FORGET_SPEAKER_LINKS = "DELETE FROM talk_speaker WHERE talk_id IN (SELECT value FROM json_each(?))"
_INSERT_SPEAKER_LINK = "INSERT INTO talk_speaker (talk_id, speaker_id, position) VALUES (?, ?, ?)"


def _speaker_ids(connection: sqlite3.Connection, names: set[str]) -> dict[str, int]:
    """The id of every speaker in ``names``, creating those the store does not know yet."""
    if not names:
        return {}
    wanted = json.dumps(sorted(names))
    known: dict[str, int] = dict(connection.execute(_SPEAKERS_NAMED, (wanted,)).fetchall())
    missing = sorted(names - known.keys())
    if missing:
        connection.executemany(_INSERT_SPEAKER, [(name,) for name in missing])
        known.update(connection.execute(_SPEAKERS_NAMED, (json.dumps(missing),)).fetchall())
    return known


_SPEAKERS_NAMED = "SELECT name, id FROM speaker WHERE name IN (SELECT value FROM json_each(?))"
_INSERT_SPEAKER = "INSERT INTO speaker (name) VALUES (?)"
_STARRED = (
    "SELECT s.talk_id, s.star FROM talk_state s JOIN talk t ON t.id = s.talk_id "
    "WHERE t.conference_id = ? AND s.star > 0"
)
