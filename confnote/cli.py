"""The command line. Each command imports only what it uses; the app loads only to run it."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from confnote import __version__
from confnote.cli_backups import add_backup_commands
from confnote.cli_conferences import add_conference_commands
from confnote.cli_export import add_export_commands
from confnote.cli_trash import add_trash_commands
from confnote.errors import ConfnoteError
from confnote.wording import counted

if TYPE_CHECKING:
    from datetime import date

    from confnote.config import Config
    from confnote.store import Conference, ImportReport, Store

Command = Callable[[argparse.Namespace], int]

# An import lists at most this many of the parser's warnings.
MAX_WARNINGS_SHOWN = 10


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command: Command = getattr(args, "command", run_app)
    try:
        return command(args)
    except ConfnoteError as error:
        print(f"confnote: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="confnote",
        description="Conference schedule, live talk notes and TODOs in your terminal. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"confnote {__version__}")
    _add_db_option(parser)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    paths = commands.add_parser("paths", help="print where data, config and backups live")
    _add_db_option(paths)
    paths.set_defaults(command=show_paths)

    config = commands.add_parser(
        "config",
        help="print the settings in force and where each came from",
        description="Print the settings in force, as TOML, each with where it came from "
        "(the config file or the default). The file is $CONFNOTE_CONFIG, else config.toml in "
        "the user config folder (see `confnote paths`).",
    )
    what = config.add_mutually_exclusive_group()
    what.add_argument(
        "--edit",
        action="store_true",
        help="open the config file in $VISUAL or $EDITOR, created with commented defaults first",
    )
    what.add_argument(
        "--keys", action="store_true", help="list every key binding: its id, keys and action"
    )
    config.set_defaults(command=show_config)

    conferences = commands.add_parser(
        "conferences",
        help="list the conferences in the store; rename one, change its zone or delete it",
        description="With no command, lists the conferences in the store.",
    )
    _add_db_option(conferences)
    conferences.set_defaults(command=list_conferences)
    add_conference_commands(conferences, _add_db_option)

    search = commands.add_parser("search", help="full-text search over talks and notes")
    search.add_argument("query", nargs="+", help="words to look for; quotes make a phrase")
    search.add_argument("--conference", "-c", help="only this conference (name or slug)")
    search.add_argument("--limit", "-n", type=_positive_int, default=20, help="at most N results")
    _add_db_option(search)
    search.set_defaults(command=search_talks)

    todo = commands.add_parser("todo", help="the TODO list")
    todo_commands = todo.add_subparsers(title="commands", metavar="COMMAND", required=True)
    todo_list = todo_commands.add_parser("list", help="list TODOs")
    todo_list.add_argument("--open", action="store_true", help="only TODOs not done yet")
    todo_list.add_argument(
        "--kind", choices=["watch_later", "follow_up", "action"], help="only this kind"
    )
    todo_list.add_argument("--conference", "-c", help="only this conference (name or slug)")
    _add_db_option(todo_list)
    todo_list.set_defaults(command=list_todos)

    imports = commands.add_parser("import", help="import a schedule or write-ups")
    import_commands = imports.add_subparsers(title="commands", metavar="COMMAND", required=True)
    schedule = import_commands.add_parser(
        "schedule",
        help="import or refresh a conference schedule from a file or URL",
        description="Import a schedule (frab/pretalx/Pentabarf XML, schedule.json, iCalendar, "
        "CSV). Importing into a conference that has a schedule refreshes it: notes, stars "
        "and TODOs stay, talks gone from the schedule are kept as cancelled.",
    )
    where = schedule.add_mutually_exclusive_group(required=True)
    where.add_argument("source", nargs="?", metavar="SOURCE", help="a file path or http(s) URL")
    where.add_argument(
        "--refresh",
        metavar="CONFERENCE",
        help="fetch the schedule of CONFERENCE again from where it was imported",
    )
    schedule.add_argument(
        "--conference", "-c", help="import into this conference (name or slug) instead of a new one"
    )
    schedule.add_argument(
        "--new",
        action="store_true",
        help="make a new conference even if one of the same name exists",
    )
    schedule.add_argument(
        "--zone",
        metavar="IANA",
        help="time zone for files that give none, e.g. Europe/Brussels "
        "(default: the conference's zone, else UTC)",
    )
    _add_db_option(schedule)
    schedule.set_defaults(command=import_schedule)

    add_export_commands(commands, _add_db_option)
    add_backup_commands(commands, _add_db_option)
    add_trash_commands(commands, _add_db_option)

    writeup = import_commands.add_parser(
        "writeup",
        help="import write-ups (blog posts, Markdown, reST, text notes) as talks, notes and TODOs",
        description="Import conference write-ups: saved HTML blog pages, Markdown, "
        "reStructuredText or plain-text notes, recognised from their content. Talks attach "
        "to the conference's scheduled talks when their titles match; existing notes get "
        "the imported text appended under a marked heading. Importing a file again changes "
        "nothing; a changed file updates what it imported.",
    )
    writeup.add_argument("files", nargs="+", metavar="FILE", help="write-up files")
    writeup.add_argument("--conference", "-c", help="import into this conference (name or slug)")
    writeup.add_argument(
        "--dry-run", action="store_true", help="print the structure found; write nothing"
    )
    _add_db_option(writeup)
    writeup.set_defaults(command=import_writeups)
    return parser


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    # Accepted before or after the command; the later one wins.
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="database file (default: $CONFNOTE_DB, else the user data folder)",
    )


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def database_path(args: argparse.Namespace) -> Path:
    from confnote.paths import locations

    return locations(getattr(args, "db", None)).database


def open_store(args: argparse.Namespace) -> Store:
    from confnote.store import Store

    return Store.open(database_path(args))


def run_app(args: argparse.Namespace) -> int:
    from confnote.first_read import read_ahead, share_the_lock_often
    from confnote.paths import locations

    share_the_lock_often()
    where = locations(getattr(args, "db", None))
    first_screen = read_ahead(where.database)  # while Textual and the app load

    from confnote.config import load_config
    from confnote.ui.launch import run

    run(where.database, where.log_file, load_config(where.config_file), first_screen)
    return 0


def show_paths(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from confnote.paths import locations

    where = locations(getattr(args, "db", None))
    out = out or sys.stdout
    print(f"database  {where.database}", file=out)
    print(f"data      {where.data}", file=out)
    print(f"config    {where.config_file}", file=out)
    print(f"backups   {where.backups}", file=out)
    print(f"log       {where.log_file}", file=out)
    return 0


def show_config(args: argparse.Namespace) -> int:
    from confnote.config import load_config, toml_value
    from confnote.paths import locations

    path = locations().config_file
    if args.edit:
        return edit_config(path)
    config = load_config(path)
    _print_config_warnings(config)
    if args.keys:
        return list_keys(config.settings.keys)
    state = "" if path.is_file() else "  (no such file: every default; `--edit` creates it)"
    print(f"# {path}{state}")
    rows = [(key, toml_value(value), source) for key, value, source in config.effective()]
    key_width = max(len(key) for key, _, _ in rows)
    value_width = min(30, max(len(value) for _, value, _ in rows))
    for key, value, source in rows:
        print(f"{key:<{key_width}} = {value:<{value_width}}  # {source}")
    return 0


def edit_config(path: Path) -> int:
    import shlex
    import shutil
    import subprocess

    from confnote.config import create_default_config, load_config

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or shutil.which("nano") or "vi"
    create_default_config(path)
    try:
        status = subprocess.call([*shlex.split(editor), str(path)])
    except OSError as error:
        raise ConfnoteError(f"cannot run the editor {editor!r}: {error.strerror}") from None
    _print_config_warnings(load_config(path))
    return status


def list_keys(keymap: Mapping[str, str]) -> int:
    from confnote.ui.keymap import all_bindings

    for binding_id, binding in sorted(all_bindings().items()):
        keys = keymap.get(binding_id, binding.key)
        print(f"{binding_id:<28} {keys:<22} {binding.tooltip or binding.description}")
    return 0


def _print_config_warnings(config: Config) -> None:
    warnings = list(config.warnings)
    if config.settings.keys:
        from confnote.ui.keymap import unknown_id_warnings

        warnings += unknown_id_warnings(config)
    for warning in warnings:
        print(f"confnote: warning: {warning}", file=sys.stderr)


def list_conferences(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        conferences = store.list_conferences()
        if not conferences:
            print("no conferences yet: run `confnote` to load the demo, or import a schedule")
        for conference in conferences:
            talks = counted(len(store.list_talks(conference.id)), "talk")
            dates = _date_range(conference, store.conference_days(conference.id))
            print(f"{conference.slug:<28} {conference.name}  {dates}  {talks}")
    return 0


def search_talks(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with open_store(args) as store:
        conference_id = _conference_id(store, args.conference)
        hits = store.search(query, conference_id=conference_id, limit=args.limit)
        if not hits:
            print(f"nothing matches {query!r}", file=sys.stderr)
            return 1
        emphasis = sys.stdout.isatty()
        for hit in hits:
            speakers = f" — {hit.speakers}" if hit.speakers else ""
            print(f"{hit.title}{speakers}  [{hit.where_and_when}]")
            print("    " + _render_snippet(hit.snippet, emphasis))
    return 0


def list_todos(args: argparse.Namespace) -> int:
    from confnote.store import TodoKind

    with open_store(args) as store:
        conference_id = _conference_id(store, args.conference)
        todos = store.list_todos(
            conference_id,
            open_only=args.open,
            kind=TodoKind(args.kind) if args.kind else None,
        )
        if not todos:
            print("no TODOs", file=sys.stderr)
        for todo in todos:
            box = "[x]" if todo.done else "[ ]"
            extras = [todo.kind.label]
            if todo.talk_title:
                extras.append(f"talk: {todo.talk_title}")
            if todo.due_on:
                extras.append(f"due {todo.due_on.isoformat()}")
            if todo.url:
                extras.append(todo.url)
            print(f"{box} {todo.text}  ({'; '.join(extras)})")
    return 0


def import_schedule(args: argparse.Namespace) -> int:
    from confnote.importing import (
        NamesakeError,
        apply_import,
        fetch_and_parse,
        plan_import,
        plan_refresh,
    )

    with open_store(args) as store:
        if args.refresh is not None:
            if args.conference is not None or args.new:
                raise ConfnoteError("--refresh names the conference already")
            conference = named_conference(store, args.refresh)
            plan = plan_refresh(store, conference.id, zone=args.zone)
        else:
            plan = plan_import(
                store,
                args.source,
                conference_id=_conference_id(store, args.conference),
                zone=args.zone,
                new=args.new,
            )
        try:
            report = apply_import(store, plan, fetch_and_parse(plan))
        except NamesakeError as error:
            slug = error.existing.slug
            raise ConfnoteError(
                f"{error}; refresh it with --conference {slug}, or add --new for another one"
            ) from None
        if report is None:
            assert plan.conference_id is not None
            name = store.conference(plan.conference_id).name
            print(f"{name}: not modified since last import ({plan.location})")
            return 0
        days = () if report.refreshed else store.conference_days(report.conference.id)
        _print_import(report, days)
    return 0


def import_writeups(args: argparse.Namespace) -> int:
    from confnote.import_summary import writeup_summary
    from confnote.writeups import read_writeup
    from confnote.writeups.preview import preview_lines

    read = [read_writeup(path) for path in args.files]
    if args.dry_run:
        for number, each in enumerate(read):
            if number:
                print()
            for line in preview_lines(each.parsed, conference_name=args.conference or ""):
                print(line)
        return 0
    with open_store(args) as store:
        conference_id = _conference_id(store, args.conference)
        for report in store.apply_writeups(read, conference_id=conference_id):
            print(writeup_summary(report))
            for warning in report.warnings[:MAX_WARNINGS_SHOWN]:
                print(f"confnote: warning: {report.location}: {warning}", file=sys.stderr)
    return 0


def _print_import(report: ImportReport, days: Sequence[date]) -> None:
    from confnote.import_summary import summary_lines

    for line in summary_lines(report, days=days):
        print(line)
    for warning in report.warnings[:MAX_WARNINGS_SHOWN]:
        print(f"confnote: warning: {warning}", file=sys.stderr)
    if len(report.warnings) > MAX_WARNINGS_SHOWN:
        hidden = len(report.warnings) - MAX_WARNINGS_SHOWN
        print(f"confnote: warning: … and {hidden} more", file=sys.stderr)


def named_conference(store: Store, name: str) -> Conference:
    conference = store.find_conference(name)
    if conference is None:
        raise ConfnoteError(f"no conference named {name!r} (see `confnote conferences`)")
    return conference


def _conference_id(store: Store, name: str | None) -> int | None:
    if name is None:
        return None
    return named_conference(store, name).id


def _date_range(conference: Conference, days: list[date]) -> str:
    """The programme days the app shows; the conference's own dates when it has no talks."""
    first, last = (days[0], days[-1]) if days else (conference.starts_on, conference.ends_on)
    if first and last and last != first:
        return f"{first.isoformat()} to {last.isoformat()}"
    return first.isoformat() if first else ""


def _render_snippet(pieces: Sequence[tuple[str, bool]], emphasis: bool) -> str:
    if not emphasis:
        return "".join(text for text, _ in pieces)
    return "".join(f"\033[1m{text}\033[0m" if hit else text for text, hit in pieces)
