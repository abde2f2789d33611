"""``confnote backup`` and ``confnote restore``: the whole store as one versioned JSON file.

A backup holds every conference with its schedule source, talks (with your stars,
attended marks, ratings, hidden flags and tags), notes with their revisions and
TODOs. Restoring it into an empty store gives back the same data. A store that
holds anything is replaced only when asked, and only after a copy of its
database file has been made.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from confnote import __version__
from confnote.errors import ConfnoteError, InputError
from confnote.export.files import Destination, write_atomically

if TYPE_CHECKING:
    from confnote.store import Store

FORMAT = "confnote-backup"
# Raise when the document's shape changes; older versions must stay readable.
VERSION = 1


@dataclass(frozen=True, slots=True)
class RestoreReport:
    conferences: int
    talks: int
    notes: int
    todos: int
    # The copy of the database made before replacing what it held, if any.
    safety_copy: Path | None


def backup_document(store: Store, now: datetime | None = None) -> dict[str, Any]:
    stamp = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    return {
        "format": FORMAT,
        "version": VERSION,
        "created_at": stamp,
        "created_by": f"confnote {__version__}",
        **store.snapshot(),
    }


def default_backup_name(now: datetime | None = None) -> str:
    return f"confnote-backup-{(now or datetime.now()):%Y%m%d-%H%M%S}.json"


def write_backup(store: Store, path: Path, *, force: bool = False) -> Path:
    """Write the backup file (readable by you only) atomically."""
    text = json.dumps(backup_document(store), ensure_ascii=False, indent=1) + "\n"
    return write_atomically(Destination(path), text, force=force)


def read_backup(path: Path) -> dict[str, Any]:
    """The backup document in ``path``, checked to be one this confnote can restore."""
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise InputError(source, f"cannot read: {reason}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            source, f"not JSON: {error.msg}", f"line {error.lineno} column {error.colno}"
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InputError(source, "not a confnote backup")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InputError(source, f"unknown backup version {version!r}")
    if version > VERSION:
        raise InputError(
            source,
            f"backup format {version} is newer than this confnote understands ({VERSION}); "
            "upgrade confnote",
        )
    return document


def restore_backup(store: Store, path: Path, *, force: bool = False) -> RestoreReport:
    """Load the backup into the store in one transaction.

    A store that holds conferences is refused unless ``force``; then its database
    file is copied first and its contents replaced.
    """
    document = read_backup(path)
    safety_copy = None
    if not store.is_empty():
        if not force:
            raise ConfnoteError(
                f"{store.path}: the store is not empty; restore with --force to replace "
                "everything in it (a copy of the database is kept first)"
            )
        safety_copy = store.backup("before-restore")
    store.restore_snapshot(document, source=str(path))
    conferences = document["conferences"]
    return RestoreReport(
        conferences=len(conferences),
        talks=sum(len(c["talks"]) for c in conferences),
        notes=sum(len(c["notes"]) for c in conferences),
        todos=sum(len(c["todos"]) for c in conferences),
        safety_copy=safety_copy,
    )
