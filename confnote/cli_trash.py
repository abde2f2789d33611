"""`confnote trash`: what was deleted, putting it back, and emptying it (after asking)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from confnote.errors import ConfnoteError


def add_trash_commands(
    commands: Any, add_db_option: Callable[[argparse.ArgumentParser], None]
) -> None:
    """Add ``trash`` (list), ``trash restore ID`` and ``trash empty`` to ``commands``."""
    trash = commands.add_parser(
        "trash",
        help="list deleted conferences, talks, notes and TODOs, restore one, or empty the trash",
        description="Deleting a conference, talk, note or TODO moves it to the trash. With no "
        "command, "
        "lists what it holds.",
    )
    trash.add_argument("--conference", "-c", help="only this conference (name or slug)")
    add_db_option(trash)
    trash.set_defaults(command=list_trash)
    trash_commands = trash.add_subparsers(title="commands", metavar="COMMAND")

    restore = trash_commands.add_parser("restore", help="put a deleted item back")
    restore.add_argument("item", type=int, metavar="ID", help="an id from `confnote trash`")
    add_db_option(restore)
    restore.set_defaults(command=restore_item)

    empty = trash_commands.add_parser("empty", help="delete what the trash holds for good")
    empty.add_argument("--conference", "-c", help="only this conference's items")
    empty.add_argument("--yes", "-y", action="store_true", help="do not ask first")
    add_db_option(empty)
    empty.set_defaults(command=empty_trash)


def list_trash(args: argparse.Namespace) -> int:
    from confnote.cli import _conference_id, open_store

    with open_store(args) as store:
        items = store.trash(_conference_id(store, args.conference))
        if not items:
            print("the trash is empty")
        for item in items:
            when = item.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M")
            print(f"{item.id:>5}  {item.kind.label:<10} {when}  {item.title}")
    return 0


def restore_item(args: argparse.Namespace) -> int:
    from confnote.cli import open_store

    with open_store(args) as store:
        item = store.restore_from_trash(args.item)
    print(f"restored {item.kind.label} {item.title!r}")
    return 0


def empty_trash(args: argparse.Namespace) -> int:
    from confnote.cli import _conference_id, open_store

    with open_store(args) as store:
        conference_id = _conference_id(store, args.conference)
        count = len(store.trash(conference_id))
        if not count:
            print("the trash is empty")
            return 0
        if not args.yes and not confirmed(f"Delete {_items(count)} in the trash for good?"):
            print("confnote: nothing deleted", file=sys.stderr)
            return 1
        deleted = store.empty_trash(conference_id)
    print(f"deleted {_items(deleted)} for good")
    return 0


def confirmed(question: str) -> bool:
    if not sys.stdin.isatty():
        raise ConfnoteError(f"{question} Not asked: no terminal to answer; add --yes")
    print(f"{question} [y/N] ", end="", flush=True)
    return sys.stdin.readline().strip().casefold() in {"y", "yes"}


def _items(count: int) -> str:
    return f"{count} item{'s' if count != 1 else ''}"
