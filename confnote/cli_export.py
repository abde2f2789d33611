"""The export, backup and restore commands of the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from confnote.user_input import parse_date

if TYPE_CHECKING:
    from confnote.config import Settings

TARGET_NAMES = ("hugo", "jekyll", "pelican", "quarto", "mkdocs", "zola", "eleventy", "devto")


def add_export_commands(
    commands: Any, add_db_option: Callable[[argparse.ArgumentParser], None]
) -> None:
    """Add ``export post``, ``export ics``, ``backup`` and ``restore`` to ``commands``."""
    export = commands.add_parser("export", help="export a recap post or a calendar")
    export_commands = export.add_subparsers(title="commands", metavar="COMMAND", required=True)

    post = export_commands.add_parser(
        "post",
        help="write a blog-ready recap post of a conference",
        description="Write your notes of a conference as a Markdown post for a blog engine: "
        "its front matter, file name and conventions. -o names the site's root folder (the "
        "post goes where the engine looks, e.g. content/posts/SLUG/index.md for Hugo) or a "
        "file. An existing file is replaced only with --force.",
    )
    post.add_argument("conference", metavar="CONFERENCE", help="name or slug")
    post.add_argument(
        "--target",
        "-t",
        choices=[*TARGET_NAMES, "markdown"],
        help="blog engine (default: export.target of the config file, else hugo)",
    )
    post.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="site folder or file (default: export.folder of the config file, else .)",
    )
    post.add_argument(
        "--select",
        choices=["notes", "starred", "attended", "all"],
        default="notes",
        help="which talks: with notes (default), starred, attended, or all but hidden ones",
    )
    post.add_argument(
        "--group", choices=["day", "track", "tag"], default="day", help="section talks by"
    )
    post.add_argument("--toc", action="store_true", help="add a table of contents")
    post.add_argument("--title", default="", help='default: "<Conference> <year>: my notes"')
    post.add_argument("--slug", default="", help="file name slug (default: from the title)")
    post.add_argument("--date", type=_date, help="the post's date, YYYY-MM-DD (default: today)")
    post.add_argument(
        "--author", help="author for the front matter (default: export.author of the config file)"
    )
    post.add_argument("--follow-ups", action="store_true", help="list open follow-ups too")
    post.add_argument("--toml", action="store_true", help="TOML front matter (Hugo)")
    _add_write_options(post, "post")
    add_db_option(post)
    post.set_defaults(command=export_post)

    ics = export_commands.add_parser(
        "ics",
        help="write the talks of a conference as an iCalendar file",
        description="Write the talks (or only the starred ones) as an .ics file for your "
        "calendar app. UIDs stay the same across exports, so importing a newer file updates "
        "the entries instead of adding copies.",
    )
    ics.add_argument("conference", metavar="CONFERENCE", help="name or slug")
    ics.add_argument("--starred", action="store_true", help="only the starred talks")
    ics.add_argument("-o", "--output", metavar="PATH", help="file (default: ./SLUG.ics)")
    _add_write_options(ics, "calendar")
    add_db_option(ics)
    ics.set_defaults(command=export_ics)

    backup = commands.add_parser(
        "backup",
        help="write the whole store to a JSON file",
        description="Write every conference, talk, star, note (with its revisions), TODO, tag "
        "and schedule source to one versioned JSON file that `confnote restore` reads back.",
    )
    backup.add_argument(
        "path", nargs="?", metavar="PATH", help="default: ./confnote-backup-DATE-TIME.json"
    )
    backup.add_argument("--force", action="store_true", help="replace an existing file")
    add_db_option(backup)
    backup.set_defaults(command=backup_store)

    restore = commands.add_parser(
        "restore",
        help="load a JSON backup into the store",
        description="Load a file written by `confnote backup`. A store that already holds "
        "conferences is replaced only with --force, after a copy of its database file is "
        "made in the backups folder.",
    )
    restore.add_argument("path", metavar="PATH", help="a file written by `confnote backup`")
    restore.add_argument(
        "--force", action="store_true", help="replace everything in a store that is not empty"
    )
    add_db_option(restore)
    restore.set_defaults(command=restore_store)


def _add_write_options(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.add_argument("--stdout", action="store_true", help=f"print the {what}, write no file")


def _date(text: str) -> date:
    from confnote.errors import ConfnoteError

    try:
        day = parse_date(text)
    except ConfnoteError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    if day is None:
        raise argparse.ArgumentTypeError("expected YYYY-MM-DD")
    return day


def export_post(args: argparse.Namespace) -> int:
    from confnote.cli import named_conference, open_store
    from confnote.export.defaults import post_defaults
    from confnote.export.files import destination, write_atomically
    from confnote.export.post import Grouping, PostOptions, render_post
    from confnote.export.post_source import Selection, read_post_source

    defaults = post_defaults(
        _config_settings(), target=args.target, author=args.author, output=args.output
    )
    options = PostOptions(
        target=defaults.target,
        selection=Selection(args.select),
        group=Grouping(args.group),
        toc=args.toc,
        title=args.title,
        day=args.date,
        author=defaults.author,
        slug=args.slug,
        toml=args.toml,
        follow_ups=args.follow_ups,
    )
    with open_store(args) as store:
        source = read_post_source(store, named_conference(store, args.conference).id)
    post = render_post(source, options, date.today())
    if args.stdout:
        sys.stdout.write(post.text)
        return 0
    path = write_atomically(destination(defaults.output, post.path), post.text, force=args.force)
    print(f"wrote {shown_path(path)} ({_talks(post.talks)}, {post.watch_later} to watch later)")
    if post.talks == 0:
        print(
            f"confnote: warning: no talks matched --select {args.select}; "
            "try --select all or starred",
            file=sys.stderr,
        )
    return 0


def shown_path(path: Path) -> Path:
    """``path`` relative to the current folder when it is inside it."""
    here = Path.cwd()
    return path.relative_to(here) if path.is_relative_to(here) else path


def _talks(count: int) -> str:
    return _count(count, "talk")


def _count(count: int, what: str) -> str:
    return f"1 {what}" if count == 1 else f"{count} {what}s"


def export_ics(args: argparse.Namespace) -> int:
    from confnote.cli import named_conference, open_store
    from confnote.export.calendar import calendar_bytes
    from confnote.export.files import destination, write_atomically

    with open_store(args) as store:
        conference = named_conference(store, args.conference)
        talks = [talk for talk in store.list_talks(conference.id) if talk.star or not args.starred]
    data = calendar_bytes(conference, talks)
    if args.stdout:
        sys.stdout.buffer.write(data)
        return 0
    name = f"{conference.slug}{'-starred' if args.starred else ''}.ics"
    path = write_atomically(destination(args.output, name), data.decode("utf-8"), force=args.force)
    print(f"wrote {shown_path(path)} ({_talks(len(talks))})")
    return 0


def backup_store(args: argparse.Namespace) -> int:
    from confnote.cli import open_store
    from confnote.export.backup import default_backup_name, write_backup

    path = Path(args.path).expanduser() if args.path else Path(default_backup_name())
    with open_store(args) as store:
        written = write_backup(store, path, force=args.force)
        conferences = len(store.list_conferences())
    print(f"wrote {shown_path(written.absolute())} ({_count(conferences, 'conference')})")
    return 0


def restore_store(args: argparse.Namespace) -> int:
    from confnote.cli import open_store
    from confnote.export.backup import restore_backup

    with open_store(args) as store:
        report = restore_backup(store, Path(args.path).expanduser(), force=args.force)
    if report.safety_copy is not None:
        print(f"copied the database to {report.safety_copy} first")
    print(
        f"restored {_count(report.conferences, 'conference')}, {_talks(report.talks)}, "
        f"{_count(report.notes, 'note')}, {_count(report.todos, 'TODO')}"
    )
    return 0


def _config_settings() -> Settings:
    """The config file's settings (CONFNOTE_CONFIG or the usual path); its warnings on stderr."""
    from confnote.config import load_config
    from confnote.paths import locations

    config = load_config(locations().config_file)
    for warning in config.warnings:
        print(f"confnote: warning: {warning}", file=sys.stderr)
    return config.settings
