"""A digest of everything a database holds, to show that a refused change left it alone."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path


def store_digest(path: Path, *, logical: bool = False) -> str:
    """SHA-256 over every row of every table (the search index included), in a fixed order.

    ``logical`` leaves out the full-text index's own storage (``search_index_*``), whose
    pages differ after a delete and re-insert of the same documents.
    """
    digest = hashlib.sha256()
    with closing(sqlite3.connect(path)) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
            if not (logical and name.startswith("search_index_"))
        ]
        digest.update(repr(connection.execute("PRAGMA user_version").fetchone()).encode())
        for table in tables:
            digest.update(table.encode())
            for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
                digest.update(repr(row).encode())
    return digest.hexdigest()
