"""Full-text search over talks and notes: turning what a person types into a safe
FTS5 query, running it against ``search_index``, and reading snippets back.

Every term becomes a quoted FTS5 string, so quotes, hyphens, ``C++``, ``*`` or
``NOT`` are matched as text and never parsed as query syntax. Terms are ANDed;
the last unquoted term matches as a prefix, so results follow typing.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Row, bindparam, text
from sqlalchemy.orm import Session

from confnote.store.records import SearchHit
from confnote.store.rows import instant

# bm25 weights per column of search_index: title, speakers, abstract, body.
COLUMN_WEIGHTS = (10.0, 5.0, 1.0, 1.0)

MATCH_START = "\x02"
MATCH_END = "\x03"

_TERM = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w", re.UNICODE)
_SPACE = re.compile(r"\s+")
# FTS5 strings end at NUL; other control characters carry no words either.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

# search_index holds each talk at rowid 2 × talk id, each conference note at 2 × note id + 1.
_WEIGHTS = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
_CONFERENCE_OF_DOC = """CASE s.rowid % 2
    WHEN 0 THEN (SELECT conference_id FROM talk WHERE id = s.rowid / 2)
    ELSE (SELECT conference_id FROM note WHERE id = s.rowid / 2) END"""
# Ranking touches only the index: joins and snippets wait for the survivors. The
# unary + keeps SQLite from handing the IN list to FTS5, which would restart the
# whole MATCH once per listed document.
_RANKED = text(
    f"""
    SELECT s.rowid AS doc FROM search_index s
    WHERE search_index MATCH :match
      AND (:conference IS NULL OR {_CONFERENCE_OF_DOC} = :conference)
    ORDER BY bm25(search_index, {_WEIGHTS})
    LIMIT :limit
    """
)
_DETAILS = text(
    f"""
    SELECT s.rowid AS doc,
           snippet(search_index, -1, :open, :close, '…', 12) AS snippet,
           bm25(search_index, {_WEIGHTS}) AS rank,
           c.id AS conference_id,
           coalesce(c.time_zone, 'UTC') AS time_zone,
           coalesce(t.title, n.title) AS title,
           t.starts_at AS starts_at,
           coalesce(t.room, '') AS room,
           s.speakers AS speakers
    FROM search_index s
    LEFT JOIN talk t ON s.rowid % 2 = 0 AND t.id = s.rowid / 2
    LEFT JOIN note n ON s.rowid % 2 = 1 AND n.id = s.rowid / 2
    LEFT JOIN conference c ON c.id = coalesce(t.conference_id, n.conference_id)
    WHERE search_index MATCH :match AND +s.rowid IN :docs
    """
).bindparams(bindparam("docs", expanding=True))
# Documents where the words are found without the abstract: in a title, a
# speaker or the attendee's own note. They come before abstract-only hits.
_OWN_COLUMNS = "{title speakers body}"


def fts_query(text: str) -> str | None:
    """The FTS5 MATCH expression for ``text``, or None when it holds no word at all."""
    phrases: list[str] = []
    last_is_bare = False
    for match in _TERM.finditer(_CONTROL.sub(" ", text)):
        quoted, bare = match.group(1), match.group(2)
        term = quoted if quoted is not None else bare
        if not _WORD.search(term):
            continue
        phrases.append('"' + term.replace('"', '""') + '"')
        last_is_bare = bare is not None
    if not phrases:
        return None
    if last_is_bare:
        phrases[-1] += "*"
    return " ".join(phrases)


def snippet_pieces(snippet: str) -> tuple[tuple[str, bool], ...]:
    """Split an FTS5 snippet marked with MATCH_START/MATCH_END into (text, is_match)."""
    pieces: list[tuple[str, bool]] = []
    for index, chunk in enumerate(re.split(f"[{MATCH_START}{MATCH_END}]", snippet)):
        if chunk:
            pieces.append((_SPACE.sub(" ", chunk), index % 2 == 1))
    return tuple(pieces)


def search_hits(
    session: Session, match: str, *, conference_id: int | None, limit: int
) -> list[SearchHit]:
    """Talks and notes matching ``match`` (an expression from ``fts_query``), best first:
    those found in a title, speakers or a note before those found only in an abstract."""
    first = _ranked(session, f"{_OWN_COLUMNS} : ({match})", conference_id, limit)
    docs = list(first)
    if len(docs) < limit:
        rest = _ranked(session, match, conference_id, limit + len(docs))
        docs += [doc for doc in rest if doc not in first][: limit - len(docs)]
    if not docs:
        return []
    rows = session.execute(
        _DETAILS, {"open": MATCH_START, "close": MATCH_END, "match": match, "docs": docs}
    )
    hits = {row.doc: _hit(row) for row in rows}
    return [hits[doc] for doc in docs if doc in hits]


def _ranked(session: Session, match: str, conference_id: int | None, limit: int) -> dict[int, None]:
    """The ``limit`` best documents for ``match``, best first (a dict keeps order, finds fast)."""
    rows = session.execute(_RANKED, {"match": match, "conference": conference_id, "limit": limit})
    return dict.fromkeys(row.doc for row in rows)


def _hit(row: Row[Any]) -> SearchHit:
    talk = row.doc % 2 == 0
    return SearchHit(
        conference_id=row.conference_id,
        title=row.title,
        snippet=snippet_pieces(row.snippet or ""),
        rank=float(row.rank),
        talk_id=row.doc // 2 if talk else None,
        note_id=None if talk else row.doc // 2,
        starts_at=instant(row.starts_at) if row.starts_at is not None else None,
        speakers=row.speakers,
        room=row.room,
        time_zone=row.time_zone,
    )
