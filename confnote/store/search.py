"""Turning what a person types into a safe FTS5 query, and reading snippets back.

Every term becomes a quoted FTS5 string, so quotes, hyphens, ``C++``, ``*`` or
``NOT`` are matched as text and never parsed as query syntax. Terms are ANDed;
the last unquoted term matches as a prefix, so results follow typing.
"""

from __future__ import annotations

import re

# bm25 weights per column of search_index: title, speakers, abstract, body.
COLUMN_WEIGHTS = (10.0, 5.0, 1.0, 1.0)

MATCH_START = "\x02"
MATCH_END = "\x03"

_TERM = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w", re.UNICODE)
_SPACE = re.compile(r"\s+")
# FTS5 strings end at NUL; other control characters carry no words either.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


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
