"""The schema, as a numbered list of migrations keyed on ``PRAGMA user_version``.

Each entry is frozen once released: a database written by an older confnote is
brought forward by running the entries after its version, in order, inside one
transaction, after a backup copy of the file has been made.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

# Version 1: conferences, talks, speakers, personal talk state, notes with
# revisions, TODOs, tags, and the full-text index kept in step by triggers.
_V1 = """
CREATE TABLE conference (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    starts_on TEXT,
    ends_on TEXT,
    time_zone TEXT NOT NULL DEFAULT 'UTC',
    url TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);

CREATE TABLE talk (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    title TEXT NOT NULL,
    subtitle TEXT NOT NULL DEFAULT '',
    abstract TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'talk',
    track TEXT NOT NULL DEFAULT '',
    room TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    slides_url TEXT NOT NULL DEFAULT '',
    video_url TEXT NOT NULL DEFAULT '',
    starts_at INTEGER NOT NULL,
    duration INTEGER NOT NULL DEFAULT 0,
    UNIQUE (conference_id, key)
);
CREATE INDEX talk_by_start ON talk (conference_id, starts_at);

CREATE TABLE speaker (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE talk_speaker (
    talk_id INTEGER NOT NULL REFERENCES talk(id) ON DELETE CASCADE,
    speaker_id INTEGER NOT NULL REFERENCES speaker(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (talk_id, speaker_id)
);
CREATE INDEX talk_speaker_by_speaker ON talk_speaker (speaker_id);

CREATE TABLE talk_state (
    talk_id INTEGER PRIMARY KEY REFERENCES talk(id) ON DELETE CASCADE,
    star INTEGER NOT NULL DEFAULT 0 CHECK (star BETWEEN 0 AND 2),
    attended INTEGER NOT NULL DEFAULT 0,
    rating INTEGER CHECK (rating BETWEEN 1 AND 5),
    hidden INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE note (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    talk_id INTEGER UNIQUE REFERENCES talk(id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX note_by_conference ON note (conference_id);

CREATE TABLE note_revision (
    id INTEGER PRIMARY KEY,
    note_id INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    version INTEGER NOT NULL,
    saved_at INTEGER NOT NULL
);
CREATE INDEX note_revision_by_note ON note_revision (note_id, saved_at);

CREATE TABLE todo (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    talk_id INTEGER REFERENCES talk(id) ON DELETE SET NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'action'
        CHECK (kind IN ('watch_later', 'follow_up', 'action')),
    done INTEGER NOT NULL DEFAULT 0,
    due_on TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    url TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
CREATE INDEX todo_by_conference ON todo (conference_id, position);
CREATE UNIQUE INDEX todo_one_watch_later_per_talk ON todo (talk_id) WHERE kind = 'watch_later';

CREATE TABLE tag (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE talk_tag (
    talk_id INTEGER NOT NULL REFERENCES talk(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
    PRIMARY KEY (talk_id, tag_id)
);

-- One search document per talk (rowid = 2 * talk id) and one per conference
-- note (rowid = 2 * note id + 1). The talk's note body is part of its document.
CREATE VIRTUAL TABLE search_index USING fts5(
    title, speakers, abstract, body,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIEW talk_document AS
SELECT
    t.id AS talk_id,
    t.id * 2 AS doc,
    t.title || CASE WHEN t.subtitle <> '' THEN ' ' || t.subtitle ELSE '' END AS title,
    coalesce((SELECT group_concat(s.name, ', ') FROM talk_speaker ts
              JOIN speaker s ON s.id = ts.speaker_id WHERE ts.talk_id = t.id), '') AS speakers,
    t.abstract AS abstract,
    coalesce((SELECT n.body FROM note n WHERE n.talk_id = t.id), '') AS body
FROM talk t;

CREATE TRIGGER talk_indexed AFTER INSERT ON talk BEGIN
    INSERT INTO search_index (rowid, title, speakers, abstract, body)
    SELECT doc, title, speakers, abstract, body FROM talk_document WHERE talk_id = new.id;
END;

CREATE TRIGGER talk_reindexed AFTER UPDATE OF title, subtitle, abstract ON talk BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2;
    INSERT INTO search_index (rowid, title, speakers, abstract, body)
    SELECT doc, title, speakers, abstract, body FROM talk_document WHERE talk_id = new.id;
END;

CREATE TRIGGER talk_unindexed AFTER DELETE ON talk BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2;
END;

CREATE TRIGGER talk_speaker_added AFTER INSERT ON talk_speaker BEGIN
    DELETE FROM search_index WHERE rowid = new.talk_id * 2;
    INSERT INTO search_index (rowid, title, speakers, abstract, body)
    SELECT doc, title, speakers, abstract, body FROM talk_document WHERE talk_id = new.talk_id;
END;

CREATE TRIGGER talk_speaker_removed AFTER DELETE ON talk_speaker BEGIN
    DELETE FROM search_index WHERE rowid = old.talk_id * 2;
    INSERT INTO search_index (rowid, title, speakers, abstract, body)
    SELECT doc, title, speakers, abstract, body FROM talk_document WHERE talk_id = old.talk_id;
END;

CREATE TRIGGER speaker_renamed AFTER UPDATE OF name ON speaker BEGIN
    DELETE FROM search_index WHERE rowid IN
        (SELECT talk_id * 2 FROM talk_speaker WHERE speaker_id = new.id);
    INSERT INTO search_index (rowid, title, speakers, abstract, body)
    SELECT doc, title, speakers, abstract, body FROM talk_document
    WHERE talk_id IN (SELECT talk_id FROM talk_speaker WHERE speaker_id = new.id);
END;

CREATE TRIGGER talk_note_written AFTER INSERT ON note WHEN new.talk_id IS NOT NULL BEGIN
    DELETE FROM search_index WHERE rowid = new.talk_id * 2;
    INSERT INTO search_index (rowid, title, speakers, abstract, body)
    SELECT doc, title, speakers, abstract, body FROM talk_document WHERE talk_id = new.talk_id;
END;

CREATE TRIGGER talk_note_rewritten AFTER UPDATE OF body ON note WHEN new.talk_id IS NOT NULL BEGIN
    DELETE FROM search_index WHERE rowid = new.talk_id * 2;
    INSERT INTO search_index (rowid, title, speakers, abstract, body)
    SELECT doc, title, speakers, abstract, body FROM talk_document WHERE talk_id = new.talk_id;
END;

CREATE TRIGGER talk_note_deleted AFTER DELETE ON note WHEN old.talk_id IS NOT NULL BEGIN
    DELETE FROM search_index WHERE rowid = old.talk_id * 2;
    INSERT INTO search_index (rowid, title, speakers, abstract, body)
    SELECT doc, title, speakers, abstract, body FROM talk_document WHERE talk_id = old.talk_id;
END;

CREATE TRIGGER conference_note_written AFTER INSERT ON note WHEN new.talk_id IS NULL BEGIN
    INSERT INTO search_index (rowid, title, speakers, abstract, body)
    VALUES (new.id * 2 + 1, new.title, '', '', new.body);
END;

CREATE TRIGGER conference_note_rewritten AFTER UPDATE OF title, body ON note
WHEN new.talk_id IS NULL BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2 + 1;
    INSERT INTO search_index (rowid, title, speakers, abstract, body)
    VALUES (new.id * 2 + 1, new.title, '', '', new.body);
END;

CREATE TRIGGER conference_note_deleted AFTER DELETE ON note WHEN old.talk_id IS NULL BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2 + 1;
END;
"""

# Version 2: what schedule refresh needs. A talk that left the schedule is kept
# and marked cancelled; the fields the last refresh changed are remembered; and
# a schedule fetched from a URL keeps its validators for conditional requests.
_V2 = """
ALTER TABLE talk ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE talk ADD COLUMN changed TEXT NOT NULL DEFAULT '';

CREATE TABLE schedule_source (
    conference_id INTEGER PRIMARY KEY REFERENCES conference(id) ON DELETE CASCADE,
    location TEXT NOT NULL,
    format TEXT NOT NULL DEFAULT '',
    etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    fetched_at INTEGER NOT NULL
);
"""

# Version 3: bulk writes (schedule imports) hold the per-row search triggers of
# talks and speakers while a row sits in search_hold, then index each talk they
# touched once (see confnote.store.search_index). Without the hold, a talk with N
# speakers was indexed N + 1 times, each time concatenating all its speakers.
_HELD = "WHEN NOT EXISTS (SELECT 1 FROM search_hold)"
_V3 = f"""
CREATE TABLE search_hold (held INTEGER PRIMARY KEY CHECK (held = 1));

DROP TRIGGER talk_indexed;
DROP TRIGGER talk_reindexed;
DROP TRIGGER talk_speaker_added;
DROP TRIGGER talk_speaker_removed;

CREATE TRIGGER talk_indexed AFTER INSERT ON talk {_HELD} BEGIN
    INSERT INTO search_index (rowid, title, speakers, abstract, body)
    SELECT doc, title, speakers, abstract, body FROM talk_document WHERE talk_id = new.id;
END;

CREATE TRIGGER talk_reindexed AFTER UPDATE OF title, subtitle, abstract ON talk {_HELD} BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2;
    INSERT INTO search_index (rowid, title, speakers, abstract, body)
    SELECT doc, title, speakers, abstract, body FROM talk_document WHERE talk_id = new.id;
END;

CREATE TRIGGER talk_speaker_added AFTER INSERT ON talk_speaker {_HELD} BEGIN
    DELETE FROM search_index WHERE rowid = new.talk_id * 2;
    INSERT INTO search_index (rowid, title, speakers, abstract, body)
    SELECT doc, title, speakers, abstract, body FROM talk_document WHERE talk_id = new.talk_id;
END;

CREATE TRIGGER talk_speaker_removed AFTER DELETE ON talk_speaker {_HELD} BEGIN
    DELETE FROM search_index WHERE rowid = old.talk_id * 2;
    INSERT INTO search_index (rowid, title, speakers, abstract, body)
    SELECT doc, title, speakers, abstract, body FROM talk_document WHERE talk_id = old.talk_id;
END;
"""

# The programme days a schedule declares: [starts_at, ends_at) in Unix seconds.
_V4 = """
CREATE TABLE programme_day (
    conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    PRIMARY KEY (conference_id, starts_at)
);
"""

# Version 5: imported write-ups. Each file is remembered by its absolute path with
# the hash of its content, so importing it again changes nothing, and a changed
# file updates the talks, notes and TODOs it made (writeup_item) instead of
# adding them twice.
_V5 = """
CREATE TABLE writeup_source (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    location TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    imported_at INTEGER NOT NULL
);

CREATE TABLE writeup_item (
    source_id INTEGER NOT NULL REFERENCES writeup_source(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    item_id INTEGER NOT NULL,
    text_hash TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (source_id, kind, key)
);
"""

# Version 6: why each note revision was kept. Revisions of another window's text,
# of a conflict choice, an import or a restore are never pruned.
_V6 = """
ALTER TABLE note_revision ADD COLUMN kind TEXT NOT NULL DEFAULT 'edit'
    CHECK (kind IN ('edit', 'conflict', 'import', 'restore'));
"""

# Version 7: the trash. A deleted talk, note or TODO kept as a JSON snapshot of
# its rows until it is restored or the trash is emptied.
_V7 = """
CREATE TABLE trash (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('talk', 'note', 'todo')),
    conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    payload TEXT NOT NULL,
    deleted_at INTEGER NOT NULL
);
CREATE INDEX trash_by_conference ON trash (conference_id, deleted_at);
"""

# Version 8: prefix indexes of two and three characters on the search index. Search
# matches the word being typed as a prefix; without them FTS5 merges the lists of every
# word that begins so ("pro*": hundreds of words), most of a search's time. FTS5 takes
# the option only when a table is made, so the index is made again with what it held.
_V8 = """
CREATE TABLE search_copy AS
    SELECT rowid AS doc, title, speakers, abstract, body FROM search_index;
DROP TABLE search_index;
CREATE VIRTUAL TABLE search_index USING fts5(
    title, speakers, abstract, body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
INSERT INTO search_index (rowid, title, speakers, abstract, body)
    SELECT doc, title, speakers, abstract, body FROM search_copy;
DROP TABLE search_copy;
"""

# Version 9: where the attendee left the app (one row): the conference, the day shown
# (NULL: all days), the talk under the cursor, the open note (a talk's or a conference
# note) and the focused pane. Deleting what it names forgets that part, or all of it.
_V9 = """
CREATE TABLE last_place (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    day TEXT,
    talk_id INTEGER REFERENCES talk(id) ON DELETE SET NULL,
    note_talk_id INTEGER REFERENCES talk(id) ON DELETE SET NULL,
    note_id INTEGER REFERENCES note(id) ON DELETE SET NULL,
    pane TEXT NOT NULL DEFAULT 'schedule' CHECK (pane IN ('schedule', 'note', 'todo')),
    left_at INTEGER NOT NULL
);
"""

# Version 10: a deleted conference goes to the trash too. Its item belongs to no
# conference (the conference row is gone), so conference_id may be NULL for it alone.
_V10 = """
CREATE TABLE trash_v10 (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('talk', 'note', 'todo', 'conference')),
    conference_id INTEGER REFERENCES conference(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    payload TEXT NOT NULL,
    deleted_at INTEGER NOT NULL,
    CHECK ((kind = 'conference') = (conference_id IS NULL))
);
INSERT INTO trash_v10 (id, kind, conference_id, title, payload, deleted_at)
    SELECT id, kind, conference_id, title, payload, deleted_at FROM trash;
DROP TABLE trash;
ALTER TABLE trash_v10 RENAME TO trash;
CREATE INDEX trash_by_conference ON trash (conference_id, deleted_at);
"""

Migration = Callable[[sqlite3.Connection], None]


def _script(sql: str) -> Migration:
    def run(connection: sqlite3.Connection) -> None:
        for statement in _statements(sql):
            connection.execute(statement)

    return run


def _statements(sql: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    pending = ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements


MIGRATIONS: tuple[Migration, ...] = (
    _script(_V1),
    _script(_V2),
    _script(_V3),
    _script(_V4),
    _script(_V5),
    _script(_V6),
    _script(_V7),
    _script(_V8),
    _script(_V9),
    _script(_V10),
)
LATEST_VERSION = len(MIGRATIONS)


def schema_version(connection: sqlite3.Connection) -> int:
    row = connection.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(
    connection: sqlite3.Connection,
    *,
    target: int = LATEST_VERSION,
    backup: Callable[[int], Path | None] | None = None,
) -> int:
    """Bring the schema up to ``target``; return the version it started at.

    ``backup(old_version)`` runs first whenever there is anything to migrate in
    a database that already holds a schema.
    """
    current = schema_version(connection)
    if current > LATEST_VERSION:
        from confnote.errors import StoreError

        raise StoreError(
            f"database schema version {current} is newer than this confnote "
            f"understands ({LATEST_VERSION}); upgrade confnote"
        )
    if current >= target:
        return current
    if current > 0 and backup is not None:
        backup(current)
    connection.execute("BEGIN IMMEDIATE")
    try:
        for version in range(current + 1, target + 1):
            MIGRATIONS[version - 1](connection)
            connection.execute(f"PRAGMA user_version = {version}")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    return current
