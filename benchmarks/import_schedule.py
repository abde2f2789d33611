"""How long importing FOSDEM 2026 (883 talks) into a fresh store takes, beside parsing alone.

Run: ``.venv/bin/python benchmarks/import_schedule.py [runs]``. Each run imports the
parsed schedule into a new temporary database (first import: every talk, speaker
and search document written), then re-imports it (a refresh that finds no
changes). Prints figures only; nothing asserts on them. Without ../shared/samples
it prints a note and exits 0.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from confnote.schedule import ParsedSchedule, parse_schedule
from confnote.store import Store

SAMPLE = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "samples"
    / "schedules"
    / "fosdem-2026.xml"
)
DEFAULT_RUNS = 5

T = TypeVar("T")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    runs = int(args[0]) if args else DEFAULT_RUNS
    if not SAMPLE.is_file():
        print(f"skipped: {SAMPLE} is not here (the shared samples are not checked out)")
        return 0
    data = SAMPLE.read_bytes()
    parse_schedule(data, SAMPLE.name)  # warm up: imports and zone data
    parses = [_timed(lambda: parse_schedule(data, SAMPLE.name))[1] for _ in range(runs)]
    schedule = parse_schedule(data, SAMPLE.name)
    imports: list[float] = []
    refreshes: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(runs + 1):
            first, again = _import_twice(schedule, Path(folder) / f"run-{run}.db")
            if run:  # the first run pays for loading SQLAlchemy and compiling statements
                imports.append(first)
                refreshes.append(again)
        parse_peak = _peak_memory(lambda: parse_schedule(data, SAMPLE.name))
        import_peak = _peak_memory(
            lambda: _import_twice(parse_schedule(data, SAMPLE.name), Path(folder) / "traced.db")
        )
    print(f"{SAMPLE.name}: {len(data) / 1e6:.1f} MB, {len(schedule.talks)} talks")
    print(f"median parse only (the floor):     {_ms(parses)}")
    print(f"median import into a fresh store:  {_ms(imports)}")
    print(f"median re-import, no changes:      {_ms(refreshes)}")
    print(f"median parse + import:             {_ms(parses, imports)}")
    print(f"peak traced memory, parse only:    {parse_peak / 1e6:.1f} MB")
    print(f"peak traced memory, parse+import:  {import_peak / 1e6:.1f} MB")
    return 0


def _import_twice(schedule: ParsedSchedule, database: Path) -> tuple[float, float]:
    with Store.open(database) as store:
        store.is_empty()  # connect before timing
        _, first = _timed(lambda: store.import_schedule(schedule, source=str(SAMPLE)))
        _, again = _timed(lambda: store.import_schedule(schedule, source=str(SAMPLE)))
    return first, again


def _timed(work: Callable[[], T]) -> tuple[T, float]:
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def _peak_memory(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _ms(*series: list[float]) -> str:
    return f"{sum(statistics.median(values) for values in series) * 1000:.0f} ms"


if __name__ == "__main__":
    raise SystemExit(main())
