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
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from confnote.schedule.changes import diff_talks
from confnote.schedule.model import TalkDetails
from confnote.store.models import SpeakerRow, TalkRow, TalkSpeakerRow
from confnote.store.rows import epoch, instant
from confnote.store.schedule_records import ImportedTalk
from confnote.store.search_index import NewTalk, held_search_index, index_new_talks
from confnote.store.talk_rows import (
    SCHEDULE_COLUMNS,
    apply_details,
    distinct_names,
    schedule_values,
)

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


def merge_talks(session: Session, conference_id: int, talks: Sequence[TalkDetails]) -> MergeOutcome:
    """Make the conference's scheduled talks those of ``talks``, keeping every row
    that carries the attendee's state."""
    stored = _scheduled_talks(session, conference_id)
    return _merge(session, conference_id, stored, [_as_stored(talk) for talk in talks])


@dataclass(frozen=True, slots=True)
class _StoredTalk:
    row: TalkRow
    details: TalkDetails


_ANY_SCHEDULED = "SELECT EXISTS (SELECT 1 FROM talk WHERE conference_id = ? AND key NOT LIKE ?)"


def _scheduled_talks(session: Session, conference_id: int) -> dict[str, _StoredTalk]:
    """The conference's talks that came from a schedule, cancelled ones included, by key."""
    manual = f"{MANUAL_KEY_PREFIX}%"
    if not session.connection().exec_driver_sql(_ANY_SCHEDULED, (conference_id, manual)).scalar():
        return {}  # a first import: nothing to load as ORM rows
    rows = session.scalars(
        select(TalkRow)
        .where(
            TalkRow.conference_id == conference_id,
            TalkRow.key.not_like(f"{MANUAL_KEY_PREFIX}%"),
        )
        .order_by(TalkRow.starts_at, TalkRow.id)
    ).all()
    speakers: defaultdict[int, list[str]] = defaultdict(list)
    for talk_id, name in session.execute(
        select(TalkSpeakerRow.talk_id, SpeakerRow.name)
        .join(SpeakerRow, SpeakerRow.id == TalkSpeakerRow.speaker_id)
        .join(TalkRow, TalkRow.id == TalkSpeakerRow.talk_id)
        .where(TalkRow.conference_id == conference_id)
        .order_by(TalkSpeakerRow.talk_id, TalkSpeakerRow.position)
    ):
        speakers[talk_id].append(name)
    return {row.key: _StoredTalk(row, _details(row, speakers[row.id])) for row in rows}


def _details(row: TalkRow, speakers: Sequence[str]) -> TalkDetails:
    return TalkDetails(
        key=row.key,
        title=row.title,
        starts_at=instant(row.starts_at),
        duration=timedelta(seconds=row.duration),
        subtitle=row.subtitle,
        abstract=row.abstract,
        kind=row.kind,
        track=row.track,
        room=row.room,
        url=row.url,
        slides_url=row.slides_url,
        video_url=row.video_url,
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
    session: Session,
    conference_id: int,
    stored: dict[str, _StoredTalk],
    incoming: Sequence[TalkDetails],
) -> MergeOutcome:
    changes = diff_talks([talk.details for talk in stored.values()], incoming)
    changed_keys = {change.new.key for change in changes.changed}
    same = [stored[t.key].row for t in incoming if t.key in stored and t.key not in changed_keys]
    gone = [stored[t.key].row for t in changes.removed if not stored[t.key].row.cancelled]
    back = [row for row in same if row.cancelled]
    outcome = MergeOutcome(bool(stored), unchanged=len(same) - len(back))
    if not (changes.added or changes.changed or changes.rekeyed or gone or back):
        # The same schedule again: leave everything as it is, the change marks included.
        return outcome
    stars = _star_levels(session, conference_id)

    def report(row: TalkRow, fields: tuple[str, ...] = ()) -> ImportedTalk:
        return ImportedTalk(row.id, row.title, fields, stars.get(row.id, 0))

    with held_search_index(session) as stale:
        new_speakers: dict[int, tuple[str, ...]] = {}
        for change in (*changes.changed, *changes.rekeyed):
            row = stored[change.old.key].row
            if row.cancelled:
                category = outcome.restored
            elif change.old.key != change.new.key:
                category = outcome.rekeyed
            else:
                category = outcome.updated
            row.key = change.new.key
            apply_details(row, change.new)
            row.cancelled = False
            row.changed = ",".join(change.fields)
            if "speakers" in change.fields:
                new_speakers[row.id] = change.new.speakers
            category.append(report(row, change.fields))
            stale.add(row.id)
        for row in same:
            row.changed = ""
            row.cancelled = False
        outcome.restored.extend(report(row) for row in back)
        for row in gone:
            row.cancelled = True
            row.changed = ""
        outcome.cancelled.extend(report(row) for row in gone)
        added = _add_talks(session, conference_id, changes.added)
        new_speakers.update((talk_id, talk.speakers) for talk_id, talk in added)
        ids = _replace_speakers(session, new_speakers, fresh={talk_id for talk_id, _ in added})
        index_new_talks(session, (_new_talk(talk_id, talk, ids) for talk_id, talk in added))
        outcome.added.extend(
            ImportedTalk(talk_id, talk.title, (), stars.get(talk_id, 0)) for talk_id, talk in added
        )
    return outcome


_INSERT_TALK = (
    f"INSERT INTO talk (conference_id, key, cancelled, changed, {', '.join(SCHEDULE_COLUMNS)}) "
    f"VALUES (?, ?, 0, '', {', '.join('?' * len(SCHEDULE_COLUMNS))})"
)
_TALK_IDS = "SELECT key, id FROM talk WHERE conference_id = ?"


def _add_talks(
    session: Session, conference_id: int, talks: Sequence[TalkDetails]
) -> list[tuple[int, TalkDetails]]:
    """Insert ``talks`` in one statement; their ids, in order."""
    if not talks:
        return []
    rows = [(conference_id, talk.key, *schedule_values(talk)) for talk in talks]
    session.flush()  # changes to stored talks first: one may give up the key a new talk takes
    connection = session.connection()
    connection.exec_driver_sql(_INSERT_TALK, rows)
    ids: dict[str, int] = dict(connection.exec_driver_sql(_TALK_IDS, (conference_id,)).all())
    return [(ids[talk.key], talk) for talk in talks]


def _new_talk(talk_id: int, talk: TalkDetails, speaker_ids: dict[str, int]) -> NewTalk:
    speakers = sorted(talk.speakers, key=speaker_ids.__getitem__)
    return NewTalk(talk_id, talk.title, talk.subtitle, talk.abstract, speakers)


def _replace_speakers(
    session: Session, speakers_by_talk: dict[int, tuple[str, ...]], *, fresh: set[int]
) -> dict[str, int]:
    """Give each talk its speakers in order, looking every name up once; the id of
    every speaker named.

    ``fresh`` talks were just inserted and have no speakers to remove.
    """
    stale = [talk_id for talk_id in speakers_by_talk if talk_id not in fresh]
    if stale:
        session.execute(delete(TalkSpeakerRow).where(TalkSpeakerRow.talk_id.in_(stale)))
    ids = _speaker_ids(session, {name for names in speakers_by_talk.values() for name in names})
    links = [
        (talk_id, ids[name], position)
        for talk_id, names in speakers_by_talk.items()
        for position, name in enumerate(names)
    ]
    if links:
        session.connection().exec_driver_sql(_INSERT_SPEAKER_LINK, links)
    return ids


_INSERT_SPEAKER_LINK = "INSERT INTO talk_speaker (talk_id, speaker_id, position) VALUES (?, ?, ?)"


def _speaker_ids(session: Session, names: set[str]) -> dict[str, int]:
    """The id of every speaker in ``names``, creating those the store does not know yet."""
    if not names:
        return {}
    connection = session.connection()
    wanted = json.dumps(sorted(names))
    known: dict[str, int] = dict(connection.exec_driver_sql(_SPEAKERS_NAMED, (wanted,)).all())
    missing = sorted(names - known.keys())
    if missing:
        connection.exec_driver_sql(_INSERT_SPEAKER, [(name,) for name in missing])
        known.update(connection.exec_driver_sql(_SPEAKERS_NAMED, (json.dumps(missing),)).all())
    return known


_SPEAKERS_NAMED = "SELECT name, id FROM speaker WHERE name IN (SELECT value FROM json_each(?))"
_INSERT_SPEAKER = "INSERT INTO speaker (name) VALUES (?)"


_STARRED = (
    "SELECT s.talk_id, s.star FROM talk_state s JOIN talk t ON t.id = s.talk_id "
    "WHERE t.conference_id = ? AND s.star > 0"
)


def _star_levels(session: Session, conference_id: int) -> dict[int, int]:
    rows = session.connection().exec_driver_sql(_STARRED, (conference_id,))
    return dict(rows.all())
