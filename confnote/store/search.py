"""Full-text search over talks and notes: turning what a person types into a safe
FTS5 query, running it against ``search_index``, and reading snippets back.

Every term becomes a quoted FTS5 string, so quotes, hyphens, ``C++``, ``*`` or
``NOT`` are matched as text and never parsed as query syntax. Terms are ANDed;
the last unquoted term matches as a prefix, so results follow typing.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from confnote.store.records import SearchHit
from confnote.store.rows import instant

# bm25 weights per column of search_index: title, speakers, abstract, body.
COLUMN_WEIGHTS = (10.0, 5.0, 1.0, 1.0)
# How many of the best documents, overall, are sorted into the two tiers below.
CANDIDATES_PER_HIT = 4

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
# Ranking touches only the index, once: joins and snippets wait for the survivors.
_RANKED = f"""
SELECT s.rowid FROM search_index s
WHERE search_index MATCH :match
  AND (:conference IS NULL OR {_CONFERENCE_OF_DOC} = :conference)
ORDER BY bm25(search_index, {_WEIGHTS})
LIMIT :limit
"""
# Of the given documents, those where the words are found without the abstract: in a
# title, a speaker or the attendee's own note. They come before abstract-only hits.
# The unary + keeps SQLite from handing the IN list to FTS5, which would restart the
# whole MATCH once per listed document.
_OWN = """
SELECT s.rowid FROM search_index s
WHERE search_index MATCH '{{title speakers body}} : (' || :match || ')' AND +s.rowid IN ({docs})
"""
_DETAILS = f"""
SELECT s.rowid,
       snippet(search_index, -1, :open, :close, '…', 12),
       bm25(search_index, {_WEIGHTS}),
       c.id,
       coalesce(c.time_zone, 'UTC'),
       coalesce(t.title, n.title),
       t.starts_at,
       coalesce(t.room, ''),
       s.speakers
FROM search_index s
LEFT JOIN talk t ON s.rowid % 2 = 0 AND t.id = s.rowid / 2
LEFT JOIN note n ON s.rowid % 2 = 1 AND n.id = s.rowid / 2
LEFT JOIN conference c ON c.id = coalesce(t.conference_id, n.conference_id)
WHERE search_index MATCH :match AND +s.rowid IN ({{docs}})
"""


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
    connection: sqlite3.Connection, match: str, *, conference_id: int | None, limit: int
) -> list[SearchHit]:
    """Talks and notes matching ``match`` (an expression from ``fts_query``), best first:
    of the ``CANDIDATES_PER_HIT`` × ``limit`` best overall (one ranking), those found in
    a title, speakers or a note before those found only in an abstract."""
    ranked = [
        doc
        for (doc,) in connection.execute(
            _RANKED,
            {"match": match, "conference": conference_id, "limit": limit * CANDIDATES_PER_HIT},
        )
    ]
    if not ranked:
        return []
    own = {
        doc for (doc,) in connection.execute(_OWN.format(docs=_numbers(ranked)), {"match": match})
    }
    docs = sorted(ranked, key=lambda doc: doc not in own)[:limit]
    rows = connection.execute(
        _DETAILS.format(docs=_numbers(docs)),
        {"open": MATCH_START, "close": MATCH_END, "match": match},
    )
    hits = {row[0]: _hit(row) for row in rows}
    return [hits[doc] for doc in docs if doc in hits]


def _numbers(values: list[int]) -> str:
    """Integers (row ids read from the index, never typed by anyone) as an SQL list."""
    return ", ".join(str(int(value)) for value in values)


def _hit(row: Any) -> SearchHit:
    doc, snippet, rank, conference_id, time_zone, title, starts_at, room, speakers = row
    talk = doc % 2 == 0
    return SearchHit(
        conference_id=conference_id,
        title=title,
        snippet=snippet_pieces(snippet or ""),
        rank=float(rank),
        talk_id=doc // 2 if talk else None,
        note_id=None if talk else doc // 2,
        starts_at=instant(starts_at) if starts_at is not None else None,
        speakers=speakers,
        room=room,
        time_zone=time_zone,
    )
