"""Typed SQLAlchemy models over the tables that ``migrations`` creates.

The migrations own the DDL; these classes only map it (a test checks the two agree).
Instants are stored as Unix seconds (UTC), durations as seconds, dates as ISO text.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class ConferenceRow(Base):
    __tablename__ = "conference"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String)
    slug: Mapped[str] = mapped_column(String, unique=True)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    time_zone: Mapped[str] = mapped_column(String, default="UTC")
    url: Mapped[str] = mapped_column(String, default="")
    created_at: Mapped[int] = mapped_column(Integer)


class ProgrammeDayRow(Base):
    """A programme day the conference's schedule declares."""

    __tablename__ = "programme_day"

    conference_id: Mapped[int] = mapped_column(
        ForeignKey("conference.id", ondelete="CASCADE"), primary_key=True
    )
    starts_at: Mapped[int] = mapped_column(Integer, primary_key=True)
    ends_at: Mapped[int] = mapped_column(Integer)


class TalkRow(Base):
    __tablename__ = "talk"

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String)
    title: Mapped[str] = mapped_column(String)
    subtitle: Mapped[str] = mapped_column(String, default="")
    abstract: Mapped[str] = mapped_column(String, default="")
    kind: Mapped[str] = mapped_column(String, default="talk")
    track: Mapped[str] = mapped_column(String, default="")
    room: Mapped[str] = mapped_column(String, default="")
    url: Mapped[str] = mapped_column(String, default="")
    slides_url: Mapped[str] = mapped_column(String, default="")
    video_url: Mapped[str] = mapped_column(String, default="")
    starts_at: Mapped[int] = mapped_column(Integer)
    duration: Mapped[int] = mapped_column(Integer, default=0)
    cancelled: Mapped[bool] = mapped_column(default=False)
    changed: Mapped[str] = mapped_column(String, default="")


class SpeakerRow(Base):
    __tablename__ = "speaker"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)


class TalkSpeakerRow(Base):
    __tablename__ = "talk_speaker"

    talk_id: Mapped[int] = mapped_column(
        ForeignKey("talk.id", ondelete="CASCADE"), primary_key=True
    )
    speaker_id: Mapped[int] = mapped_column(
        ForeignKey("speaker.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class TalkStateRow(Base):
    """The attendee's own state about a talk, apart from the schedule fields."""

    __tablename__ = "talk_state"

    talk_id: Mapped[int] = mapped_column(
        ForeignKey("talk.id", ondelete="CASCADE"), primary_key=True
    )
    star: Mapped[int] = mapped_column(Integer, default=0)
    attended: Mapped[bool] = mapped_column(default=False)
    rating: Mapped[int | None] = mapped_column(Integer)
    hidden: Mapped[bool] = mapped_column(default=False)


class NoteRow(Base):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id", ondelete="CASCADE"))
    talk_id: Mapped[int | None] = mapped_column(
        ForeignKey("talk.id", ondelete="CASCADE"), unique=True
    )
    title: Mapped[str] = mapped_column(String, default="")
    body: Mapped[str] = mapped_column(String, default="")
    updated_at: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1)


class NoteRevisionRow(Base):
    __tablename__ = "note_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("note.id", ondelete="CASCADE"))
    body: Mapped[str] = mapped_column(String)
    version: Mapped[int] = mapped_column(Integer)
    saved_at: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String, default="edit")


class TodoRow(Base):
    __tablename__ = "todo"

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id", ondelete="CASCADE"))
    talk_id: Mapped[int | None] = mapped_column(ForeignKey("talk.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String, default="action")
    done: Mapped[bool] = mapped_column(default=False)
    due_on: Mapped[date | None] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer, default=0)
    url: Mapped[str] = mapped_column(String, default="")
    created_at: Mapped[int] = mapped_column(Integer)


class TagRow(Base):
    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)


class TalkTagRow(Base):
    __tablename__ = "talk_tag"

    talk_id: Mapped[int] = mapped_column(
        ForeignKey("talk.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True)


class ScheduleSourceRow(Base):
    """Where a conference's schedule came from, with HTTP validators for refresh."""

    __tablename__ = "schedule_source"

    conference_id: Mapped[int] = mapped_column(
        ForeignKey("conference.id", ondelete="CASCADE"), primary_key=True
    )
    location: Mapped[str] = mapped_column(String)
    format: Mapped[str] = mapped_column(String, default="")
    etag: Mapped[str] = mapped_column(String, default="")
    last_modified: Mapped[str] = mapped_column(String, default="")
    fetched_at: Mapped[int] = mapped_column(Integer)


class WriteupSourceRow(Base):
    """A write-up file imported into a conference, with the hash of what was read."""

    __tablename__ = "writeup_source"

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id", ondelete="CASCADE"))
    location: Mapped[str] = mapped_column(String, unique=True)
    content_hash: Mapped[str] = mapped_column(String)
    imported_at: Mapped[int] = mapped_column(Integer)


class WriteupItemRow(Base):
    """A talk, note or TODO a write-up made or wrote into, by a key stable across edits of
    the file; ``text_hash`` is the hash of the text the import last wrote there."""

    __tablename__ = "writeup_item"

    source_id: Mapped[int] = mapped_column(
        ForeignKey("writeup_source.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String, primary_key=True)
    key: Mapped[str] = mapped_column(String, primary_key=True)
    item_id: Mapped[int] = mapped_column(Integer)
    text_hash: Mapped[str] = mapped_column(String, default="")


class TrashRow(Base):
    """A deleted talk, note, TODO or conference: ``payload`` is the JSON snapshot of its rows.
    A deleted conference belongs to no conference: its ``conference_id`` is None."""

    __tablename__ = "trash"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String)
    conference_id: Mapped[int | None] = mapped_column(
        ForeignKey("conference.id", ondelete="CASCADE")
    )
    title: Mapped[str] = mapped_column(String)
    payload: Mapped[str] = mapped_column(String)
    deleted_at: Mapped[int] = mapped_column(Integer)
