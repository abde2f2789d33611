"""Applying a parsed write-up to the store, inside the caller's transaction.

The write-up goes into the named conference, else the one it was imported into
before, else the conference of its name, else a new one. Its talks attach to the
conference's talks with a similar title (and speakers), or are added. A talk's
imported text becomes its note; where a note already holds other text, the import
goes under a marked heading at its end, the old text kept as a revision.

Every talk, note and TODO the file made is remembered (``writeup_item``), so the
same file imported again writes nothing, and a changed file updates what it
wrote the first time instead of adding it twice.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import PurePath

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from confnote import agenda
from confnote.store import notes
from confnote.store.models import (
    ConferenceRow,
    NoteRow,
    TalkRow,
    TodoRow,
    WriteupItemRow,
    WriteupSourceRow,
)
from confnote.store.records import RevisionKind, TodoKind
from confnote.store.rows import (
    RowT,
    conference_record,
    epoch,
    get_row,
    slugify,
    sqlite_connection,
    unique_slug,
)
from confnote.store.search_index import held_search_index
from confnote.store.talk_rows import set_speakers, tag_row
from confnote.store.todo_rows import next_position
from confnote.store.writeup_records import WriteupReport
from confnote.writeups.days import day_date
from confnote.writeups.model import ParsedWriteup, SectionNote, WrittenLink, WrittenTalk
from confnote.writeups.parse import ReadWriteup

# A title this similar (rapidfuzz token-set ratio, 0–100) is the same talk; a little less
# is, when a speaker's name matches too.
SAME_TITLE = 90
SAME_TITLE_WITH_SPEAKER = 75
KEY_PREFIX = "writeup-"


@dataclass(slots=True)
class _Apply:
    session: Session
    source: WriteupSourceRow
    conference: ConferenceRow
    items: dict[tuple[str, str], WriteupItemRow]
    now: int
    marker: str
    seen: set[tuple[str, str]] = field(default_factory=set)
    added: list[str] = field(default_factory=list)
    matched: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)


def apply_writeup(
    session: Session, read: ReadWriteup, *, conference_id: int | None, now: int
) -> WriteupReport:
    parsed = read.parsed
    source = session.scalars(
        select(WriteupSourceRow).where(WriteupSourceRow.location == read.location)
    ).first()
    if (
        source is not None
        and source.content_hash == read.content_hash
        and conference_id in (None, source.conference_id)
    ):
        conference = get_row(session, ConferenceRow, source.conference_id, "conference")
        return WriteupReport(conference_record(conference), read.location, unchanged=True)
    conference = _conference(session, parsed, conference_id, source, now)
    if source is None:
        source = WriteupSourceRow(location=read.location, imported_at=now)
        session.add(source)
    source.conference_id = conference.id
    source.content_hash = read.content_hash
    source.imported_at = now
    session.flush()
    items = {
        (item.kind, item.key): item
        for item in session.scalars(
            select(WriteupItemRow).where(WriteupItemRow.source_id == source.id)
        )
    }
    marker = f"## Imported from {PurePath(read.location).name}"
    state = _Apply(session, source, conference, items, now, marker)
    with held_search_index(session) as stale:
        talk_ids = _talks(state, parsed)
        stale.update(talk_ids.values())
    note_count = _conference_notes(state, parsed)
    todo_count = _todos(state, parsed, talk_ids)
    _forget_stale(state)
    session.flush()
    return WriteupReport(
        conference=conference_record(conference),
        location=read.location,
        talks_added=tuple(state.added),
        talks_matched=tuple(state.matched),
        talks_updated=tuple(state.updated),
        conference_notes=note_count,
        todos=todo_count,
        warnings=parsed.warnings,
    )


def _conference(
    session: Session,
    parsed: ParsedWriteup,
    conference_id: int | None,
    source: WriteupSourceRow | None,
    now: int,
) -> ConferenceRow:
    info = parsed.conference
    if conference_id is not None:
        row = get_row(session, ConferenceRow, conference_id, "conference")
    elif source is not None:
        row = get_row(session, ConferenceRow, source.conference_id, "conference")
    else:
        name = info.name.strip() or "Imported write-up"
        found = session.scalars(
            select(ConferenceRow).where(
                (ConferenceRow.slug == slugify(name))
                | (func.lower(ConferenceRow.name) == name.lower())
            )
        ).first()
        row = found or ConferenceRow(
            name=name,
            slug=unique_slug(session, slugify(name)),
            time_zone="UTC",
            url="",
            created_at=now,
        )
        if found is None:
            session.add(row)
            session.flush()
    if info.starts_on and (row.starts_on is None or info.starts_on < row.starts_on):
        row.starts_on = info.starts_on
    if info.ends_on and (row.ends_on is None or info.ends_on > row.ends_on):
        row.ends_on = info.ends_on
    return row


# Talks


def _talks(state: _Apply, parsed: ParsedWriteup) -> dict[str, int]:
    """Add or match every talk and write its note; returns talk ids by parsed title."""
    session, conference = state.session, state.conference
    candidates = _candidates(session, conference.id)
    first_day = _first_day(conference, parsed, state.now)
    ids: dict[str, int] = {}
    keys = _keys([talk.title for talk in parsed.talks])
    for position, (key, written) in enumerate(zip(keys, parsed.talks, strict=True)):
        made = _known(state, "talk", key, TalkRow)
        matched = None if made else _known(state, "matched", key, TalkRow)
        if made is None and matched is None:
            matched = _best_match(written, candidates)
            if matched is not None:
                _remember(state, "matched", key, matched.id)
                state.matched.append(written.title)
        if matched is not None:
            candidates.pop(matched.id, None)
            _fill_empty_fields(matched, written)
            row = matched
        else:
            row = _write_talk(state, key, made, written, first_day, position, parsed)
        if written.speakers and (made is not None or matched is None):
            set_speakers(session, row.id, written.speakers)
        for tag in written.tags:
            tag_row(session, row.id, tag)
        _write_talk_note(state, key, row, _note_text(written))
        ids.setdefault(written.title, row.id)
    return ids


def _write_talk(
    state: _Apply,
    key: str,
    row: TalkRow | None,
    written: WrittenTalk,
    first_day: date,
    position: int,
    parsed: ParsedWriteup,
) -> TalkRow:
    conference = state.conference
    day = day_date(written.day, first_day, parsed.conference.year) if written.day else None
    # A write-up gives days, not times: noon keeps the talk on its day when shown in
    # another zone, and seconds after it keep the file's order.
    noon = datetime.combine(day or first_day, time(12), agenda.zone(conference.time_zone))
    if row is None:
        row = TalkRow(conference_id=conference.id, key=_new_key(state, key), duration=0)
        state.session.add(row)
        state.added.append(written.title)
    elif row.title != written.title:
        state.updated.append(written.title)
    row.title = written.title
    row.kind = written.kind
    row.starts_at = epoch(noon) + position
    _fill_empty_fields(row, written)
    state.session.flush()
    _remember(state, "talk", key, row.id)
    return row


def _new_key(state: _Apply, key: str) -> str:
    base = f"{KEY_PREFIX}{state.source.id}-{key}"
    candidate, counter = base, 1
    while state.session.scalar(
        select(TalkRow.id).where(
            TalkRow.conference_id == state.conference.id, TalkRow.key == candidate
        )
    ):
        counter += 1
        candidate = f"{base}-{counter}"
    return candidate


def _fill_empty_fields(row: TalkRow, written: WrittenTalk) -> None:
    """Links the write-up gives fill a talk's URL, slides and video when it has none."""
    for link in (*written.links, WrittenLink(written.url)):
        if not link.url.startswith(("http://", "https://")):
            continue
        if link.kind == "video" and not row.video_url:
            row.video_url = link.url
        elif link.kind == "slides" and not row.slides_url:
            row.slides_url = link.url
        elif link.url == written.url and not row.url:
            row.url = link.url


def _candidates(session: Session, conference_id: int) -> dict[int, tuple[TalkRow, tuple[str, ...]]]:
    from confnote.store.talk_rows import load_talks

    talks = {
        talk.id: talk.speakers
        for talk in load_talks(session, TalkRow.conference_id == conference_id)
    }
    rows = session.scalars(select(TalkRow).where(TalkRow.conference_id == conference_id))
    return {row.id: (row, talks.get(row.id, ())) for row in rows}


def _best_match(
    written: WrittenTalk, candidates: dict[int, tuple[TalkRow, tuple[str, ...]]]
) -> TalkRow | None:
    """The conference's talk this one is, by fuzzy title and speakers (rapidfuzz)."""
    from rapidfuzz import fuzz

    wanted = _comparable(written.title)
    names = {
        part for name in written.speakers for part in _comparable(name).split() if len(part) > 2
    }
    best: TalkRow | None = None
    best_score = 0.0
    for row, speakers in candidates.values():
        score = fuzz.token_set_ratio(wanted, _comparable(row.title))
        theirs = {part for name in speakers for part in _comparable(name).split() if len(part) > 2}
        same = score >= SAME_TITLE or (score >= SAME_TITLE_WITH_SPEAKER and names & theirs)
        if same and score > best_score:
            best, best_score = row, score
    return best


def _comparable(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _note_text(written: WrittenTalk) -> str:
    """The talk's note, with the links the note does not already show listed after it."""
    extra = _link_lines(
        [
            link
            for link in written.links
            if link.url not in written.note or (not link.url and link.label)
        ]
    )
    if not extra:
        return written.note
    return "\n\n".join(part for part in (written.note, "Links:\n\n" + "\n".join(extra)) if part)


def _write_talk_note(state: _Apply, key: str, talk: TalkRow, text: str) -> None:
    if not text.strip():
        return
    row = state.session.scalars(select(NoteRow).where(NoteRow.talk_id == talk.id)).first()
    if row is None:
        note = notes.write_note(
            sqlite_connection(state.session),
            text,
            talk_id=talk.id,
            note_id=None,
            base_version=None,
            now=state.now,
        ).note
        _remember(state, "note", key, note.id, text)
        return
    _merge_into(state, "note", key, row, text)


def _merge_into(state: _Apply, kind: str, key: str, row: NoteRow, text: str) -> None:
    """Write ``text`` into a note: in place of what this file wrote before when nobody has
    edited it since, else under the marked heading; the old body stays as a revision."""
    item = state.items.get((kind, key))
    if state.marker in row.body:
        before, _, after = row.body.partition(state.marker)
        rest = after.split("\n## Imported from ", 1)
        tail = "\n## Imported from " + rest[1] if len(rest) > 1 else ""
        body = f"{before}{state.marker}\n\n{text}\n{tail}".rstrip() + "\n"
    elif not row.body.strip() or (item is not None and item.text_hash == _hash(row.body)):
        body = text
    else:
        body = f"{row.body.rstrip()}\n\n{state.marker}\n\n{text}\n"
    if body != row.body:
        notes.write_note(
            sqlite_connection(state.session),
            body,
            talk_id=None,
            note_id=row.id,
            base_version=None,
            now=state.now,
            keep_current_as=RevisionKind.IMPORT,
        )
        state.session.expire(row)  # written in plain SQL: the row's loaded body is stale
    _remember(state, kind, key, row.id, body)


# Conference notes and TODOs


def _conference_notes(state: _Apply, parsed: ParsedWriteup) -> int:
    written = list(parsed.notes)
    if parsed.links:
        written.append(SectionNote("Links", "\n".join(_link_lines(parsed.links))))
    for key, note in zip(_keys([n.title for n in written]), written, strict=True):
        row = _known(state, "conference-note", key, NoteRow)
        if row is None:
            made = notes.add_conference_note(
                sqlite_connection(state.session),
                state.conference.id,
                note.title,
                note.body,
                now=state.now,
            )
            _remember(state, "conference-note", key, made.id, note.body)
        else:
            _merge_into(state, "conference-note", key, row, note.body)
    return len(written)


def _link_lines(links: Sequence[WrittenLink]) -> list[str]:
    return [
        f"- [{link.label or link.url}]({link.url})" if link.url else f"- {link.label}"
        for link in links
    ]


def _todos(state: _Apply, parsed: ParsedWriteup, talk_ids: dict[str, int]) -> int:
    session = state.session
    for key, todo in zip(_keys([t.text for t in parsed.todos]), parsed.todos, strict=True):
        talk_id = talk_ids.get(todo.talk_title) if todo.talk_title else None
        row = _known(state, "todo", key, TodoRow)
        if row is None and talk_id is not None and todo.kind == TodoKind.WATCH_LATER.value:
            row = session.scalars(
                select(TodoRow).where(TodoRow.talk_id == talk_id, TodoRow.kind == todo.kind)
            ).first()
        if row is None:
            row = TodoRow(
                conference_id=state.conference.id,
                done=False,
                position=next_position(sqlite_connection(session), state.conference.id),
                created_at=state.now,
            )
            session.add(row)
        row.text, row.kind, row.url, row.talk_id = todo.text, todo.kind, todo.url, talk_id
        session.flush()
        _remember(state, "todo", key, row.id)
    return len(parsed.todos)


def _forget_stale(state: _Apply) -> None:
    """TODOs an earlier version of the file made and this one no longer has go, unless done;
    talks and notes stay (they may hold the attendee's own work)."""
    for (kind, key), item in list(state.items.items()):
        if (kind, key) in state.seen:
            continue
        if kind == "todo":
            todo = state.session.get(TodoRow, item.item_id)
            if todo is not None and not todo.done:
                state.session.delete(todo)
        state.session.delete(item)


# Items


def _keys(texts: Sequence[str]) -> list[str]:
    """A stable key per text: its slug, numbered when a text repeats."""
    counts: dict[str, int] = {}
    keys = []
    for text in texts:
        slug = slugify(text)[:80]
        counts[slug] = counts.get(slug, 0) + 1
        keys.append(slug if counts[slug] == 1 else f"{slug}-{counts[slug]}")
    return keys


def _known(state: _Apply, kind: str, key: str, model: type[RowT]) -> RowT | None:
    item = state.items.get((kind, key))
    return state.session.get(model, item.item_id) if item is not None else None


def _remember(state: _Apply, kind: str, key: str, item_id: int, text: str = "") -> None:
    item = state.items.get((kind, key))
    if item is None:
        item = WriteupItemRow(source_id=state.source.id, kind=kind, key=key)
        state.session.add(item)
        state.items[(kind, key)] = item
    item.item_id = item_id
    item.text_hash = _hash(text) if text else item.text_hash or ""
    state.seen.add((kind, key))


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _first_day(conference: ConferenceRow, parsed: ParsedWriteup, now: int) -> date:
    """The day a write-up's first day section (or its undated talks) falls on.

    The conference's first day when known, else the post's date when it is in the year
    the write-up names, else 1 January of that year, else the import day. The
    conference keeps no first day then, which tells the export its days are not known.
    """
    year, published = parsed.conference.year, parsed.metadata.published
    if conference.starts_on is not None:
        return conference.starts_on
    if published is not None and (year is None or published.year == year):
        return published
    if year is not None:
        return date(year, 1, 1)
    return datetime.fromtimestamp(now).date()
