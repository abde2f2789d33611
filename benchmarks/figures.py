"""Each figure of the speed table: confnote's own measurement beside its floor, the
same work with confnote's code taken out, measured in the same run, A/B alternated.

Every function takes ``Setup`` and returns one or more ``Figure``; ``run.py`` prints
and records them. Nothing here asserts on a time.
"""

from __future__ import annotations

import asyncio
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.bare_app import BareApp, newest_conference_days
from benchmarks.large_store import forget_place
from benchmarks.terminal import launch_and_watch
from confnote.store import Store
from confnote.store.search import fts_query

HERE = Path(__file__).resolve().parent

PYTHON = sys.executable
CONFNOTE = str(Path(sys.executable).with_name("confnote"))
FOSDEM = HERE.parent.parent / "shared" / "samples" / "schedules" / "fosdem-2026.xml"
SMALL_SCHEDULE = HERE.parent / "tests" / "schedule" / "fixtures" / "tinycon.xml"


@dataclass
class Figure:
    """``ours`` and ``floor`` are the samples (one per run); ``target`` is a ratio to the
    floor (``limit`` × floor), an absolute bound (``absolute``), or None for "report"."""

    name: str
    unit: str
    ours: list[float]
    floor: list[float]
    floor_name: str
    limit: float | None = None
    absolute: bool = False
    note: str = ""

    @property
    def ratio(self) -> float:
        floor = statistics.median(self.floor)
        return statistics.median(self.ours) / floor if floor else float("inf")

    @property
    def target(self) -> str:
        if self.limit is None:
            return "say what it costs"
        return f"≤ {self.limit:g} {self.unit}" if self.absolute else f"≤ {self.limit:g}×"

    @property
    def met(self) -> bool | None:
        if self.limit is None:
            return None
        value = statistics.median(self.ours) if self.absolute else self.ratio
        return value <= self.limit


@dataclass
class Setup:
    """What every figure works on: a private copy of the large store, and how many runs."""

    database: Path
    runs: int
    smoke: bool
    folder: Path
    first_title: str = ""
    home: dict[str, str] = field(default_factory=dict)


def spread(values: list[float], unit: str) -> str:
    """Median and range: "412 ms (398–430)"."""
    digits = 1 if unit == "ms" and statistics.median(values) < 20 else 0
    if unit == "s":
        digits = 2
    fmt = f"{{:.{digits}f}}"
    median = fmt.format(statistics.median(values))
    if len(values) < 2:
        return f"{median} {unit}"
    return f"{median} {unit} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def alternate(
    runs: int, ours: Callable[[], Any], floor: Callable[[], Any]
) -> Iterator[tuple[Any, Any]]:
    """``runs`` pairs, swapping which goes first each time so drift hits both alike."""
    for run in range(runs):
        if run % 2:
            theirs = floor()
            yield ours(), theirs
        else:
            mine = ours()
            yield mine, floor()


def compared(
    setup: Setup,
    ours: Callable[[], Any],
    floor: Callable[[], Any],
    figure: Figure,
    *,
    runs: int | None = None,
    each: Callable[[Any], float] = float,
) -> list[Figure]:
    """``figure`` filled with ``runs`` (default ``setup.runs``) alternated runs of ``ours``
    and ``floor``; ``each`` turns one run's result into its sample (a p95, a median)."""
    for mine, theirs in alternate(runs or setup.runs, ours, floor):
        figure.ours.append(each(mine))
        figure.floor.append(each(theirs))
    return [figure]


# Cold start in a real terminal


def cold_start(setup: Setup) -> list[Figure]:
    """Launch → first frame, launch → first talk row on screen, and peak RSS once the
    store has loaded, for confnote and the bare app, each on a 120×40 pty."""
    wanted = ["TODO", setup.first_title[:12]]
    env = setup.home

    def ours() -> Any:
        return launch_and_watch(
            [CONFNOTE, "--db", str(setup.database)], wanted, env=env, settle=1.0
        )

    def floor() -> Any:
        bare = [PYTHON, str(HERE / "bare_app.py"), str(setup.database)]
        return launch_and_watch(bare, wanted, env=env, settle=1.0)

    pairs = list(alternate(setup.runs, ours, floor))
    frame = Figure("launch → first frame", "s", [], [], "bare Textual app, same widgets", 1.1)
    rows = Figure(
        "launch → talk rows painted, 120×40 pty", "s", [], [], "bare Textual app, same widgets", 1.5
    )
    rss = Figure("peak RSS after opening the store", "MB", [], [], "bare Textual app", 1.5)
    for mine, theirs in pairs:
        for figure, key in ((frame, wanted[0]), (rows, wanted[1])):
            if key in mine.seen and key in theirs.seen:
                figure.ours.append(mine.seen[key])
                figure.floor.append(theirs.seen[key])
        rss.ours.append(mine.peak_rss_mb)
        rss.floor.append(theirs.peak_rss_mb)
    return [figure for figure in (rows, frame, rss) if figure.ours]


def memory_after_a_save(setup: Setup) -> list[Figure]:
    """Peak RSS once a note has been opened, typed in and autosaved (the store's
    everyday writes), beside the bare app's peak, each on a 120×40 pty."""
    wanted = ["TODO", setup.first_title[:12]]
    then = [("\r", "saved "), (" benchmark words", "saved ")]

    def ours() -> Any:
        launch = launch_and_watch(
            [CONFNOTE, "--db", str(setup.database)], wanted, env=setup.home, then=then, settle=0.5
        )
        if launch.steps_done < len(then):
            raise RuntimeError("the note was not saved: the figure would mean nothing")
        return launch

    def floor() -> Any:
        bare = [PYTHON, str(HERE / "bare_app.py"), str(setup.database)]
        return launch_and_watch(bare, wanted, env=setup.home, settle=1.0)

    return compared(
        setup,
        ours,
        floor,
        Figure(
            "peak RSS after a note is typed in and saved", "MB", [], [], "bare Textual app", 1.5
        ),
        each=lambda launch: float(launch.peak_rss_mb),
    )


# Search


def search_queries(database: Path, count: int = 100) -> list[str]:
    """Varied queries from the store's own words: common and rare words, prefixes as
    while typing, two words, speaker names and quoted phrases."""
    rng = random.Random(11)
    with sqlite3.connect(database) as connection:
        titles = [t for (t,) in connection.execute("SELECT title FROM talk ORDER BY id")]
        speakers = [s for (s,) in connection.execute("SELECT name FROM speaker ORDER BY id")]
    words = sorted({w.lower() for t in titles for w in t.split() if w.isalpha() and len(w) > 3})
    makers: list[Callable[[], str]] = [
        lambda: rng.choice(words),
        lambda: rng.choice(words)[:3],
        lambda: " ".join(rng.sample(words, 2)),
        lambda: rng.choice(speakers),
        lambda: '"' + " ".join(rng.choice(titles).split()[:2]) + '"',
    ]
    return [makers[n % len(makers)]() for n in range(count)]


def search(setup: Setup) -> list[Figure]:
    """p95 over 100 queries of Store.search (50 results, snippets and all), beside a plain
    FTS5 MATCH ranked by the same bm25 weights."""
    queries = search_queries(setup.database, 20 if setup.smoke else 100)
    plain = (
        "SELECT rowid FROM search_index WHERE search_index MATCH ?"
        " ORDER BY bm25(search_index, 10, 5, 1, 1) LIMIT 50"
    )
    with Store.open(setup.database) as store, sqlite3.connect(setup.database) as connection:
        store.search("warm up")

        matches = [fts_query(query) or '""' for query in queries]

        def ours() -> float:
            return _p95([_timed(partial(store.search, query)) for query in queries])

        def floor() -> float:
            return _p95([_timed(partial(_fetch, connection, plain, m)) for m in matches])

        return compared(
            setup,
            ours,
            floor,
            Figure(
                f"full-text search, p95 of {len(queries)} varied queries",
                "ms",
                [],
                [],
                "plain FTS5 match + rank, p95",
                10,
                absolute=True,
            ),
        )


def _fetch(connection: sqlite3.Connection, sql: str, match: str) -> list[Any]:
    return connection.execute(sql, (match,)).fetchall()


def _p95(seconds: list[float]) -> float:
    ordered = sorted(seconds)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000


def _timed(work: Callable[[], Any]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


# The autosave job


def autosave_job(setup: Setup) -> list[Figure]:
    """The job the app queues on its store thread for one autosave (captured from the
    app itself), beside Store.save_talk_note alone; a 2 KB note of the open conference."""
    from confnote.ui.app import ConfnoteApp
    from confnote.ui.messages import NoteTarget

    with Store.open(setup.database) as store:
        conference = store.list_conferences()[0]
        talk = store.list_talks(conference.id)[3]
        body = (store.note_for_talk(talk.id) or _no_note()).body
        app = ConfnoteApp(store, offer_demo=False)
        jobs: list[Callable[[Store], Any]] = []
        app.runner.submit = lambda job, *_: jobs.append(job)  # type: ignore[method-assign]
        target = NoteTarget(talk_id=talk.id)
        count = 0

        def ours() -> float:
            nonlocal count
            count += 1
            app.notes.save(target, f"{body}\nline {count}")
            job = jobs.pop()
            return _timed(lambda: job(store)) * 1000

        def floor() -> float:
            nonlocal count
            count += 1
            return _timed(lambda: store.save_talk_note(talk.id, f"{body}\nline {count}")) * 1000

        return compared(
            setup,
            ours,
            floor,
            Figure(
                "the app's autosave job on the store thread", "ms", [], [], "the note save alone", 2
            ),
            runs=max(setup.runs, 3) * 10,
        )


def _no_note() -> Any:
    raise RuntimeError("the large store has a note on every talk")


# Typing and switching days, driven headless with Textual's Pilot


def typing(setup: Setup) -> list[Figure]:
    """Key press → screen refreshed, typing into a 2,000-line note with autosave on,
    beside a bare TextArea with the same text and Markdown highlighting."""
    from textual.widgets import TextArea

    from confnote.ui.app import ConfnoteApp

    lines = 200 if setup.smoke else 2000
    with Store.open(setup.database) as store:
        conference = store.list_conferences()[0]
        talk = store.list_talks(conference.id)[5]
        text = "\n".join(f"- point {n}: *emphasis* and `code` in line {n}" for n in range(lines))
        store.save_talk_note(talk.id, text)
    keys = 6 if setup.smoke else 120

    async def ours() -> list[float]:
        app = ConfnoteApp(lambda: Store.open(setup.database), offer_demo=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, lambda: app.conference is not None)
            app.main.open_talk(talk.id)
            await _until(pilot, lambda: len(app.note_pane.editor.text) > 1000)
            app.note_pane.editor.focus()
            app.note_pane.editor.move_cursor((lines // 2, 0))
            return await _type(pilot, keys)

    async def floor() -> list[float]:
        app = BareApp(note=text)
        async with app.run_test(size=(120, 40)) as pilot:
            editor = app.query_one("#editor", TextArea)
            editor.focus()
            editor.move_cursor((lines // 2, 0))
            return await _type(pilot, keys)

    return compared(
        setup,
        lambda: asyncio.run(ours()),
        lambda: asyncio.run(floor()),
        Figure(
            f"keystroke → paint, {lines}-line note, autosave on, p95",
            "ms",
            [],
            [],
            "bare TextArea, same text and highlighting",
            1.2,
        ),
        each=_p95,
    )


async def _type(pilot: Any, keys: int) -> list[float]:
    """Seconds per key, press to refreshed screen; typed at a person's pace, so the
    autosave (0.5 s after the last key) runs between bursts."""
    timings = []
    for n in range(keys):
        started = time.perf_counter()
        await pilot.press("a" if n % 7 else "space")
        await pilot.pause()
        timings.append(time.perf_counter() - started)
        await asyncio.sleep(0.6 if n % 15 == 14 else 0.02)
    return timings


async def _until(pilot: Any, condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there")
        await pilot.pause(0.05)


def day_switch(setup: Setup) -> list[Figure]:
    """Key → the big day's table refreshed, coming from a small day, beside a bare
    DataTable given the same rows."""
    from textual.widgets import DataTable

    from confnote.ui.app import ConfnoteApp

    days = newest_conference_days(setup.database)
    big = max(range(len(days)), key=lambda n: len(days[n].rows))
    size = len(days[big].rows)
    switches = 3 if setup.smoke else 8

    async def ours() -> list[float]:
        forget_place(setup.database)  # start on the big day, not where the last run left
        app = ConfnoteApp(lambda: Store.open(setup.database), offer_demo=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, lambda: app.schedule.table.row_count > 0)
            app.schedule.table.focus()
            return await _switch(pilot, lambda: app.schedule.table.row_count, size, switches)

    async def floor() -> list[float]:
        app = BareApp()
        async with app.run_test(size=(120, 40)) as pilot:
            app.days = days
            app.show_day(big)
            table = app.query_one("#table", DataTable)
            table.focus()
            return await _switch(pilot, lambda: table.row_count, size, switches)

    return compared(
        setup,
        lambda: asyncio.run(ours()),
        lambda: asyncio.run(floor()),
        Figure(f"key → {size}-talk day painted", "ms", [], [], "bare DataTable, same rows", 1.2),
        each=statistics.median,
    )


async def _switch(pilot: Any, rows: Callable[[], int], size: int, times: int) -> list[float]:
    """Milliseconds from pressing "[" (back to the big day) until its rows are shown."""
    timings = []
    for _ in range(times):
        await pilot.press("]")
        await _until(pilot, lambda: rows() != size)
        started = time.perf_counter()
        await pilot.press("[")
        await _until(pilot, lambda: rows() == size)
        await pilot.pause()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


# Importing a schedule


def import_schedule(setup: Setup) -> list[Figure]:
    """FOSDEM 2026 parsed and written into a fresh store in one process, beside an lxml
    parse of the same bytes (expat when lxml is not installed)."""
    from confnote.schedule import parse_schedule

    sample = SMALL_SCHEDULE if setup.smoke or not FOSDEM.is_file() else FOSDEM
    data = sample.read_bytes()
    parser, parse = _xml_parser()
    with Store.open(setup.folder / "warm.db") as store:  # pay for imports once, untimed
        store.import_schedule(parse_schedule(data, sample.name), source=str(sample))
    count = 0

    def ours() -> float:
        nonlocal count
        count += 1
        with Store.open(setup.folder / f"import-{count}.db") as store:
            store.is_empty()
            started = time.perf_counter()
            store.import_schedule(parse_schedule(data, sample.name), source=str(sample))
            return (time.perf_counter() - started) * 1000

    def floor() -> float:
        return _timed(lambda: parse(data)) * 1000

    return compared(
        setup,
        ours,
        floor,
        Figure(
            f"import {sample.name}: parse + write to a fresh store",
            "ms",
            [],
            [],
            f"{parser} parse of the same bytes",
            10,
        ),
    )


def _xml_parser() -> tuple[str, Callable[[bytes], Any]]:
    try:
        from lxml import etree
    except ImportError:
        from xml.etree.ElementTree import fromstring

        return "expat", fromstring
    parse: Callable[[bytes], Any] = etree.fromstring
    return "lxml", parse


# The command line


def cli_search(setup: Setup) -> list[Figure]:
    """`confnote search WORD` as a process, end to end, beside `python -c pass`."""
    word = search_queries(setup.database, 1)[0]

    def ours() -> float:
        command = [CONFNOTE, "--db", str(setup.database), "search", word]
        return _timed(lambda: subprocess.run(command, capture_output=True, check=False))

    def floor() -> float:
        return _timed(lambda: subprocess.run([PYTHON, "-c", "pass"], check=True))

    return compared(
        setup,
        ours,
        floor,
        Figure("`confnote search WORD`, end to end", "s", [], [], "`python -c pass`"),
    )


FIGURES: tuple[Callable[[Setup], list[Figure]], ...] = (
    cold_start,
    memory_after_a_save,
    search,
    typing,
    autosave_job,
    day_switch,
    import_schedule,
    cli_search,
)


@contextmanager
def prepared(database: Path, runs: int, smoke: bool) -> Iterator[Setup]:
    """A private copy of ``database`` (the app may write to it) and a private home."""
    with tempfile.TemporaryDirectory(prefix="confnote-bench-") as folder:
        copy = Path(folder) / "store.db"
        shutil.copy(database, copy)
        with sqlite3.connect(copy) as connection:
            (title,) = connection.execute(
                """SELECT title FROM talk WHERE conference_id =
                   (SELECT id FROM conference ORDER BY starts_on DESC, id DESC LIMIT 1)
                   ORDER BY starts_at, room, id LIMIT 1"""
            ).fetchone()
        home = {
            f"XDG_{kind}_HOME": str(Path(folder) / kind.lower())
            for kind in ("DATA", "CONFIG", "STATE", "CACHE")
        }
        yield Setup(copy, runs, smoke, Path(folder), title, home)


def now_utc() -> str:
    return f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
