"""Talk rows: writing a talk's schedule details and speakers into rows, and reading
talks back as records joined with the attendee's state."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session

from confnote.errors import ConfnoteError
from confnote.schedule.model import TalkDetails
from confnote.store.models import (
    SpeakerRow,
    TagRow,
    TalkRow,
    TalkSpeakerRow,
    TalkTagRow,
)
from confnote.store.plain_reads import read_talks
from confnote.store.records import Talk
from confnote.store.rows import sqlite_connection
from confnote.store.talk_columns import SCHEDULE_COLUMNS, distinct_names, schedule_values


def load_talks(session: Session, condition: ColumnElement[bool]) -> list[Talk]:
    """Talk records matching ``condition`` with speakers, tags and state, in time order."""
    ids = list(session.scalars(select(TalkRow.id).where(condition)))
    chosen = "t.id IN (SELECT value FROM json_each(?))"
    return read_talks(sqlite_connection(session), chosen, (json.dumps(ids),))


def apply_details(row: TalkRow, details: TalkDetails) -> None:
    """Write the schedule fields of ``details`` into ``row``; speakers are ``set_speakers``."""
    for column, value in zip(SCHEDULE_COLUMNS, schedule_values(details), strict=True):
        setattr(row, column, value)


def set_speakers(session: Session, talk_id: int, names: Sequence[str]) -> None:
    """Make ``names`` (see ``distinct_names``) the speakers of talk ``talk_id``."""
    wanted = list(distinct_names(names))
    current = list(
        session.scalars(
            select(SpeakerRow.name)
            .join(TalkSpeakerRow, TalkSpeakerRow.speaker_id == SpeakerRow.id)
            .where(TalkSpeakerRow.talk_id == talk_id)
            .order_by(TalkSpeakerRow.position)
        )
    )
    if current == wanted:
        return
    session.execute(delete(TalkSpeakerRow).where(TalkSpeakerRow.talk_id == talk_id))
    for position, name in enumerate(wanted):
        speaker_id = session.scalar(select(SpeakerRow.id).where(SpeakerRow.name == name))
        if speaker_id is None:
            speaker = SpeakerRow(name=name)
            session.add(speaker)
            session.flush()
            speaker_id = speaker.id
        session.add(TalkSpeakerRow(talk_id=talk_id, speaker_id=speaker_id, position=position))
    session.flush()


def tag_row(session: Session, talk_id: int, tag: str) -> None:
    """Give talk ``talk_id`` the tag ``tag`` (trimmed, lower-cased, without ``#``)."""
    tag = tag.strip().lstrip("#").lower()
    if not tag:
        raise ConfnoteError("a tag needs a name")
    tag_id = session.scalar(select(TagRow.id).where(TagRow.name == tag))
    if tag_id is None:
        row = TagRow(name=tag)
        session.add(row)
        session.flush()
        tag_id = row.id
    if session.get(TalkTagRow, (talk_id, tag_id)) is None:
        session.add(TalkTagRow(talk_id=talk_id, tag_id=tag_id))
    session.flush()


def count_talks(session: Session, conference_id: int) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(TalkRow).where(TalkRow.conference_id == conference_id)
        )
        or 0
    )
