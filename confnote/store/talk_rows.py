"""Talk rows: writing a talk's schedule details and speakers into rows, and reading
talks back as records joined with the attendee's state."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import timedelta

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session

from confnote.errors import ConfnoteError
from confnote.schedule.model import TalkDetails
from confnote.store.models import (
    NoteRow,
    SpeakerRow,
    TagRow,
    TalkRow,
    TalkSpeakerRow,
    TalkStateRow,
    TalkTagRow,
    TodoRow,
)
from confnote.store.records import Talk, TodoKind
from confnote.store.rows import epoch, instant


def load_talks(session: Session, condition: ColumnElement[bool]) -> list[Talk]:
    """Talk records matching ``condition`` with speakers, tags and state, in time order."""
    chosen = select(TalkRow.id).where(condition).scalar_subquery()
    rows = session.execute(
        select(TalkRow, TalkStateRow)
        .outerjoin(TalkStateRow, TalkStateRow.talk_id == TalkRow.id)
        .where(condition)
        .order_by(TalkRow.starts_at, TalkRow.room, TalkRow.id)
    ).all()
    speakers: dict[int, list[str]] = defaultdict(list)
    for talk_id, name in session.execute(
        select(TalkSpeakerRow.talk_id, SpeakerRow.name)
        .join(SpeakerRow, SpeakerRow.id == TalkSpeakerRow.speaker_id)
        .where(TalkSpeakerRow.talk_id.in_(chosen))
        .order_by(TalkSpeakerRow.talk_id, TalkSpeakerRow.position)
    ):
        speakers[talk_id].append(name)
    tags: dict[int, list[str]] = defaultdict(list)
    for talk_id, name in session.execute(
        select(TalkTagRow.talk_id, TagRow.name)
        .join(TagRow, TagRow.id == TalkTagRow.tag_id)
        .where(TalkTagRow.talk_id.in_(chosen))
        .order_by(TagRow.name)
    ):
        tags[talk_id].append(name)
    with_notes = set(
        session.scalars(
            select(NoteRow.talk_id).where(
                NoteRow.talk_id.in_(chosen), func.trim(NoteRow.body, " \t\r\n") != ""
            )
        )
    )
    watching = set(
        session.scalars(
            select(TodoRow.talk_id).where(
                TodoRow.talk_id.in_(chosen), TodoRow.kind == TodoKind.WATCH_LATER.value
            )
        )
    )
    return [
        Talk(
            id=talk.id,
            conference_id=talk.conference_id,
            key=talk.key,
            title=talk.title,
            starts_at=instant(talk.starts_at),
            duration=timedelta(seconds=talk.duration),
            subtitle=talk.subtitle,
            abstract=talk.abstract,
            kind=talk.kind,
            track=talk.track,
            room=talk.room,
            url=talk.url,
            slides_url=talk.slides_url,
            video_url=talk.video_url,
            speakers=tuple(speakers[talk.id]),
            tags=tuple(tags[talk.id]),
            star=state.star if state else 0,
            attended=bool(state and state.attended),
            rating=state.rating if state else None,
            hidden=bool(state and state.hidden),
            has_note=talk.id in with_notes,
            watch_later=talk.id in watching,
            cancelled=talk.cancelled,
            changed=tuple(field for field in talk.changed.split(",") if field),
        )
        for talk, state in rows
    ]


def apply_details(row: TalkRow, details: TalkDetails) -> None:
    """Write the schedule fields of ``details`` into ``row``; speakers are ``set_speakers``."""
    title = details.title.strip()
    if not title:
        raise ConfnoteError("a talk needs a title")
    row.title = title
    row.subtitle = details.subtitle
    row.abstract = details.abstract
    row.kind = details.kind
    row.track = details.track
    row.room = details.room
    row.url = details.url
    row.slides_url = details.slides_url
    row.video_url = details.video_url
    row.starts_at = epoch(details.starts_at)
    row.duration = max(0, int(details.duration.total_seconds()))


def distinct_names(names: Iterable[str]) -> tuple[str, ...]:
    """Speaker names as the store keeps them: trimmed, blanks dropped, each once, in order."""
    return tuple(dict.fromkeys(name.strip() for name in names if name.strip()))


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
