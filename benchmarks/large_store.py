"""The large store every benchmark runs against, built once and cached.

20 conferences and 10,000 talks: the real schedules in ../shared/samples
(when they are there) plus synthetic conferences made from their words, the
newest one (the one the app opens) holding a 560-talk day; one ~2 KB note on
each talk, 2,000 TODOs. Everything is derived from a fixed seed, so the same
inputs give the same store. ``python benchmarks/large_store.py [--smoke]``
builds it and prints where it is.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from confnote.schedule import ParsedSchedule, ScheduleError, parse_schedule
from confnote.schedule.model import TalkDetails
from confnote.store import Store, TodoKind, migrations

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parents[0].parent / "shared" / "samples" / "schedules"
CACHE = HERE / ".cache"
GENERATOR_VERSION = "2"
SEED = 2026


@dataclass(frozen=True, slots=True)
class Size:
    conferences: int
    talks: int
    big_day: int
    todos: int
    big_conference_todos: int
    note_bytes: int
    samples: bool = True


FULL = Size(
    conferences=20,
    talks=10_000,
    big_day=560,
    todos=2_000,
    big_conference_todos=600,
    note_bytes=2_000,
)
# Small enough for `make test`; no sample files, so it never parses the big schedules.
SMOKE = Size(
    conferences=3,
    talks=160,
    big_day=40,
    todos=30,
    big_conference_todos=12,
    note_bytes=300,
    samples=False,
)

# The newest conference's first day: the app opens it, on that day.
BIG_DAY = date(2027, 2, 6)
BIG_CONFERENCE = "Megaconf 2027"
BIG_ROOMS = 28
FALLBACK_WORDS = [
    "python",
    "rust",
    "sqlite",
    "terminal",
    "schedule",
    "conference",
    "keynote",
    "security",
    "kernel",
    "compiler",
    "database",
    "network",
    "graphics",
    "audio",
    "testing",
    "packaging",
    "release",
    "community",
    "design",
]


def sample_schedules() -> list[ParsedSchedule]:
    """Every sample schedule that parses, in name order; none without ../shared."""
    schedules = []
    for path in sorted(SAMPLES.glob("*")) if SAMPLES.is_dir() else []:
        try:
            parsed = parse_schedule(path.read_bytes(), path.name)
        except ScheduleError:
            continue  # a schema or a file that is not a schedule
        if parsed.talks:
            schedules.append(parsed)
    return schedules


def store_path(size: Size = FULL) -> Path:
    """The cached store for ``size``, building it if it is missing or out of date."""
    # The schema version is part of the key: a store cached by a newer confnote (another
    # branch, say) would not open in this one.
    key = hashlib.sha256(f"{GENERATOR_VERSION}{migrations.LATEST_VERSION}{size}".encode())
    for path in sorted(SAMPLES.glob("*")) if SAMPLES.is_dir() else []:
        key.update(path.name.encode() + path.read_bytes())
    target = CACHE / f"large-{key.hexdigest()[:12]}.db"
    if not target.exists():
        build(target, size)
    forget_place(target)
    return target


def forget_place(database: Path) -> None:
    """Make the app open the store as built (the newest conference, its first day), not
    where an earlier benchmark's app was left: every run then starts from the same screen."""
    with sqlite3.connect(database) as connection:
        connection.execute("DELETE FROM last_place")
    connection.close()


def build(target: Path, size: Size) -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    for leftover in (partial, *partial.parent.glob(partial.name + "-*")):
        leftover.unlink(missing_ok=True)
    rng = random.Random(SEED)
    samples = sample_schedules()[: size.conferences - 1] if size.samples else []
    words = _vocabulary(samples)
    with Store.open(partial) as store:
        left = size.talks
        for parsed in samples:
            talks = parsed.talks[: max(0, left - size.big_day)]
            store.import_schedule(_with_talks(parsed, talks), source=f"sample:{parsed.title}")
            left -= len(talks)
        synthetic = size.conferences - len(samples)
        for number in range(synthetic):
            is_big = number == synthetic - 1
            count = left if is_big else min(left - 2 * size.big_day, left // (synthetic - number))
            store.import_schedule(
                _synthetic(rng, words, number, count, size.big_day if is_big else 0),
                source=f"synthetic:{number}",
            )
            left -= count
        _write_notes_and_todos(partial, store, rng, words, size)
    with sqlite3.connect(partial) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.move(partial, target)
    for side in ("-wal", "-shm"):
        partial.with_name(partial.name + side).unlink(missing_ok=True)


def _with_talks(parsed: ParsedSchedule, talks: tuple[TalkDetails, ...]) -> ParsedSchedule:
    from dataclasses import replace

    return replace(parsed, talks=talks)


def _vocabulary(samples: list[ParsedSchedule]) -> list[str]:
    seen: dict[str, None] = {}
    for parsed in samples:
        for talk in parsed.talks:
            for word in f"{talk.title} {talk.abstract}".split():
                word = word.strip(".,;:!?()[]\"'*#`<>").lower()
                if word.isalpha() and 3 <= len(word) <= 14:
                    seen.setdefault(word, None)
    return list(seen) or FALLBACK_WORDS


def _synthetic(
    rng: random.Random, words: list[str], number: int, count: int, big_day: int
) -> ParsedSchedule:
    """``count`` talks; the big conference puts ``big_day`` of them on its first day."""
    if big_day:
        title, first = BIG_CONFERENCE, BIG_DAY
    else:
        title, first = f"Synthetic Conference {number + 1}", date(2019 + number % 7, 3, 1 + number)
    days = [first + timedelta(days=d) for d in range(3)]
    talks = []
    for index in range(count):
        day = days[0] if index < big_day else days[1 + index % 2] if big_day else days[index % 3]
        slot = index // BIG_ROOMS if big_day else index // 12
        start = datetime(day.year, day.month, day.day, 8, tzinfo=UTC) + timedelta(
            minutes=(slot % 28) * 25
        )
        talks.append(
            TalkDetails(
                key=f"syn-{number}-{index}",
                title=_sentence(rng, words, 3, 9).capitalize(),
                starts_at=start,
                duration=timedelta(minutes=20),
                abstract=_paragraphs(rng, words, 1, 500),
                track=f"Track {rng.randrange(12)}",
                room=f"Room {index % BIG_ROOMS if big_day else index % 12}",
                speakers=tuple(
                    _sentence(rng, words, 2, 2).title() for _ in range(rng.randint(1, 3))
                ),
            )
        )
    return ParsedSchedule(
        format="synthetic",
        title=title,
        time_zone="UTC",
        talks=tuple(talks),
        starts_on=days[0],
        ends_on=days[-1],
    )


def _write_notes_and_todos(
    path: Path, store: Store, rng: random.Random, words: list[str], size: Size
) -> None:
    """One note of about ``size.note_bytes`` per talk (some with a checklist), and TODOs,
    written in bulk with sqlite3 so the triggers index them as the app's saves would."""
    conferences = {c.name: c.id for c in store.list_conferences()}
    big = conferences[BIG_CONFERENCE]
    with sqlite3.connect(path) as connection:
        talks = connection.execute(
            "SELECT id, conference_id, title FROM talk ORDER BY id"
        ).fetchall()
        connection.executemany(
            "INSERT INTO note (conference_id, talk_id, title, body, updated_at, version)"
            " VALUES (?, ?, ?, ?, 1700000000, 1)",
            (
                (conference, talk, title, _note(rng, words, size.note_bytes, talk % 10 == 0))
                for talk, conference, title in talks
            ),
        )
        others = [talk for talk in talks if talk[1] != big]
        in_big = [talk for talk in talks if talk[1] == big]
        kinds = [kind.value for kind in TodoKind if kind is not TodoKind.WATCH_LATER]
        rows = []
        for number in range(size.todos):
            talk, conference, title = rng.choice(
                in_big if number < size.big_conference_todos else others
            )
            rows.append(
                (
                    conference,
                    talk,
                    f"{rng.choice(['Try', 'Read', 'Ask about', 'Watch'])} {title}",
                    rng.choice(kinds),
                    number % 4 == 0,
                    number,
                )
            )
        connection.executemany(
            "INSERT INTO todo (conference_id, talk_id, text, kind, done, position, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, 1700000000)",
            rows,
        )


def _note(rng: random.Random, words: list[str], length: int, checklist: bool) -> str:
    parts = ["## Notes", "", _paragraphs(rng, words, 3, length - 120)]
    if checklist:
        parts += ["", "## Action items", ""]
        parts += [f"- [{' x'[rng.randrange(2)]}] {_sentence(rng, words, 3, 6)}" for _ in range(4)]
    return "\n".join(parts) + "\n"


def _paragraphs(rng: random.Random, words: list[str], count: int, length: int) -> str:
    text = []
    for _ in range(count):
        text.append(_sentence(rng, words, 8, 16).capitalize() + ".")
    body = " ".join(text)
    while len(body) < length:
        body += " " + _sentence(rng, words, 8, 16).capitalize() + "."
    return "\n\n".join(_chunks(body, max(1, count)))


def _chunks(text: str, count: int) -> Iterator[str]:
    step = len(text) // count + 1
    start = 0
    while start < len(text):
        end = text.find(" ", start + step)
        end = len(text) if end < 0 else end
        yield text[start:end].strip()
        start = end


def _sentence(rng: random.Random, words: list[str], low: int, high: int) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(low, high)))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = store_path(SMOKE if "--smoke" in args else FULL)
    with sqlite3.connect(path) as connection:
        counts = {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("conference", "talk", "note", "todo")
        }
    print(path)
    print(", ".join(f"{count} {table}s" for table, count in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
