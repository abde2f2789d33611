"""`make bench`: every speed figure of confnote beside its floor, as one table.

``python benchmarks/run.py [--runs N] [--only NAME] [--smoke] [--output PATH]``

Builds (or reuses) the cached large store, runs each figure ``--runs`` times
A/B-alternated with its floor, prints the table of medians with their range, and
writes it into RESULTS.md between its markers, keeping the notes around it.
``--smoke`` runs every figure once on a tiny store: `make test` does that so the
scripts keep working; nobody asserts on the numbers.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as a script: the checkout holds `benchmarks`

from benchmarks.figures import FIGURES, Figure, now_utc, prepared, spread  # noqa: E402
from benchmarks.large_store import FULL, SMOKE, store_path  # noqa: E402

START = "<!-- figures: written by benchmarks/run.py -->"
END = "<!-- /figures -->"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", action="append", help="run only the figure(s) with this name")
    parser.add_argument("--smoke", action="store_true", help="one run of each, on a tiny store")
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)
    runs = 1 if args.smoke else args.runs
    database = store_path(SMOKE if args.smoke else FULL)
    load = os.getloadavg()[0]
    compile_bytecode()
    figures: list[Figure] = []
    with prepared(database, runs, args.smoke) as setup:
        for measure in FIGURES:
            if args.only and measure.__name__ not in args.only:
                continue
            started = time.perf_counter()
            found = measure(setup)
            figures.extend(found)
            print(f"{measure.__name__}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    table = render(figures, runs, load)
    print(table)
    write_results(args.output, table)
    return 0


def compile_bytecode() -> None:
    """Give confnote's modules (and the bare app's) their bytecode, as an installed wheel
    has. A development checkout on a machine with PYTHONDONTWRITEBYTECODE set never gets
    any, so every launch would compile all of confnote again (0.2–0.3 s) and the cold
    start would time the compiler, not the app."""
    for package in (HERE.parent / "confnote", HERE):
        compileall.compile_dir(package, quiet=1)


def render(figures: list[Figure], runs: int, load: float) -> str:
    lines = [
        f"Measured {now_utc()} on {os.cpu_count()} cores ({platform.machine()}, "
        f"Python {platform.python_version()}), load average {load:.1f} at the start; "
        f"median of {runs} run{'s' if runs != 1 else ''} each, range in brackets.",
        "",
        "| figure | confnote | floor, same run | ratio | target | met |",
        "|---|---|---|---|---|---|",
    ]
    for figure in figures:
        met = {True: "yes", False: "**no**", None: "–"}[figure.met]
        lines.append(
            f"| {figure.name} | {spread(figure.ours, figure.unit)} | {figure.floor_name}: "
            f"{spread(figure.floor, figure.unit)} | {figure.ratio:.2f}× | {figure.target} | {met} |"
        )
    return "\n".join(lines)


def write_results(path: Path, table: str) -> None:
    """Put ``table`` between the markers of ``path``, keeping everything else in it."""
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Speed\n\n{START}\n{END}\n"
    before, found, rest = text.partition(START)
    if not found:
        before, rest = text.rstrip() + "\n\n", f"\n{END}\n"
    _old, _, after = rest.partition(END)
    path.write_text(f"{before}{START}\n{table}\n{END}{after}", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
