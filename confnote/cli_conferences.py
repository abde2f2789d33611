"""`confnote conferences rename/zone/delete`: the changes to a conference the app makes too."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from confnote.store import Conference


def add_conference_commands(
    conferences: argparse.ArgumentParser, add_db_option: Callable[[argparse.ArgumentParser], None]
) -> None:
    """Add ``rename``, ``zone`` and ``delete`` under ``conferences`` (which lists them)."""
    commands: Any = conferences.add_subparsers(title="commands", metavar="COMMAND")

    rename = commands.add_parser("rename", help="give a conference another name")
    rename.add_argument("conference", metavar="CONFERENCE", help="its name or slug")
    rename.add_argument("name", metavar="NAME", help="the new name (its slug stays)")
    add_db_option(rename)
    rename.set_defaults(command=rename_conference)

    zone = commands.add_parser(
        "zone",
        help="change the time zone a conference's times are shown in",
        description="Change the conference's time zone. Talks keep their instants; the "
        "schedule shows them in the new zone.",
    )
    zone.add_argument("conference", metavar="CONFERENCE", help="its name or slug")
    zone.add_argument("zone", metavar="IANA", help="a time zone name, e.g. Europe/Brussels")
    add_db_option(zone)
    zone.set_defaults(command=set_conference_zone)

    delete = commands.add_parser(
        "delete",
        help="move a conference with its talks, notes and TODOs to the trash",
        description="Move a conference with everything it holds to the trash; "
        "`confnote trash restore ID` brings it back.",
    )
    delete.add_argument("conference", metavar="CONFERENCE", help="its name or slug")
    delete.add_argument("--yes", "-y", action="store_true", help="do not ask first")
    add_db_option(delete)
    delete.set_defaults(command=delete_conference)


def rename_conference(args: argparse.Namespace) -> int:
    return _change_conference(
        args, lambda old, new: f"renamed {old.name!r} to {new.name!r}", name=args.name
    )


def set_conference_zone(args: argparse.Namespace) -> int:
    return _change_conference(
        args,
        lambda _old, new: f"{new.name} now shows its times in {new.time_zone}",
        time_zone=args.zone,
    )


def _change_conference(
    args: argparse.Namespace, said: Callable[[Conference, Conference], str], **changes: Any
) -> int:
    """Change the named conference's ``changes`` and say so with ``said(before, after)``."""
    from confnote.cli import named_conference, open_store

    with open_store(args) as store:
        conference = named_conference(store, args.conference)
        changed = store.update_conference(conference.id, **changes)
    print(said(conference, changed))
    return 0


def delete_conference(args: argparse.Namespace) -> int:
    from confnote.cli import named_conference, open_store
    from confnote.cli_trash import confirmed
    from confnote.wording import held

    with open_store(args) as store:
        conference = named_conference(store, args.conference)
        question = (
            f"Move {conference.name!r} with its {held(store.conference_contents(conference.id))} "
            "to the trash?"
        )
        if not args.yes and not confirmed(question):
            print("confnote: nothing deleted", file=sys.stderr)
            return 1
        item = store.delete_conference(conference.id)
    print(
        f"moved {conference.name!r} to the trash; `confnote trash restore {item.id}` brings it back"
    )
    return 0
