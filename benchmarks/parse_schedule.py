"""How long confnote takes to read FOSDEM 2026 (883 events, 2.7 MB), and how much memory.

Run: ``.venv/bin/python benchmarks/parse_schedule.py [runs]``. Prints figures only;
nothing asserts on them. Without ../shared/samples it prints a note and exits 0.
"""

from __future__ import annotations

import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from confnote.schedule import parse_schedule

SAMPLE = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "samples"
    / "schedules"
    / "fosdem-2026.xml"
)
DEFAULT_RUNS = 7


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    runs = int(args[0]) if args else DEFAULT_RUNS
    if not SAMPLE.is_file():
        print(f"skipped: {SAMPLE} is not here (the shared samples are not checked out)")
        return 0
    data = SAMPLE.read_bytes()
    started = time.perf_counter()
    schedule = parse_schedule(data, SAMPLE.name)
    first = time.perf_counter() - started
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        parse_schedule(data, SAMPLE.name)
        timings.append(time.perf_counter() - started)
    tracemalloc.start()
    parse_schedule(data, SAMPLE.name)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{SAMPLE.name}: {len(data) / 1e6:.1f} MB, {len(schedule.talks)} talks")
    print(f"first parse (imports included): {first * 1000:.0f} ms")
    print(f"median of {runs} parses: {statistics.median(timings) * 1000:.0f} ms")
    print(f"peak traced memory: {peak / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
