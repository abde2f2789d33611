"""`confnote backups`: list the automatic backups of the database, and restore one."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def add_backup_commands(
    commands: Any, add_db_option: Callable[[argparse.ArgumentParser], None]
) -> None:
    """Add ``backups`` (list) and ``backups restore NAME`` to ``commands``."""
    backups = commands.add_parser(
        "backups",
        help="list the automatic backups of the database, or restore one",
        description="confnote copies the database into a backups folder beside it: at start "
        "at most once a day, and before a migration, a restore or a large import. The newest "
        "backups.kept of the config file (default 10; $CONFNOTE_BACKUPS_KEEP overrides it) are "
        "kept. With no command, lists them.",
    )
    add_db_option(backups)
    backups.set_defaults(command=list_backups)
    backup_commands = backups.add_subparsers(title="commands", metavar="COMMAND")
    restore = backup_commands.add_parser(
        "restore",
        help="put a backup in place of the database (the current content is backed up first)",
    )
    restore.add_argument("name", metavar="NAME", help="a name from `confnote backups`")
    add_db_option(restore)
    restore.set_defaults(command=restore_backup)


def list_backups(args: argparse.Namespace) -> int:
    from confnote.cli import database_path
    from confnote.store import backups

    database = database_path(args)
    found = backups.list_backups(database)
    if not found:
        print(f"no backups yet of {database}")
        return 0
    for backup in found:
        made = backup.made_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{backup.name:<48} {made}  {backup.reason:<16} {_size(backup.size)}")
    keep = backups.keep_count()
    print(f"{len(found)} of at most {keep} kept in {found[0].path.parent}")
    return 0


def restore_backup(args: argparse.Namespace) -> int:
    from confnote.cli import database_path
    from confnote.store import backups

    restored, safety = backups.restore_backup(database_path(args), args.name)
    print(f"restored {restored.name}")
    if safety is not None:
        print(f"what was there before is kept as {safety.name}")
    return 0


def _size(size: int) -> str:
    return f"{size / 1024:.0f} kB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"
