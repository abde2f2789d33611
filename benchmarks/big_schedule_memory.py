"""Peak memory (RSS) and time of reading and importing a generated, very large frab XML.

Run: ``.venv/bin/python benchmarks/big_schedule_memory.py [EVENTS[:REPEATS] ...]``. For
each event count a schedule is written to a temporary folder, then a fresh Python
process runs ``confnote import schedule`` on it and reports its peak resident
memory, its wall time and its first output line. A count over the per-file limit
shows the one-line refusal and how little it cost. Prints figures only.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

# EVENTS or EVENTS:REPEATS (longer abstracts: 20000:27 is a file just under the size limit).
DEFAULT_RUNS = ("1000", "10000", "20000", "20000:27", "20001", "156000")
# Run in the child: import the file, then print its RSS before and its peak (Linux
# /proc figures in kB; ru_maxrss would carry the parent's peak across exec).
_CHILD = """
import sys
from confnote.cli import main

def status(field):
    with open("/proc/self/status") as lines:
        return next(int(l.split()[1]) for l in lines if l.startswith(field + ":"))

before = status("VmRSS")
code = main(["--db", sys.argv[1], "import", "schedule", sys.argv[2]])
print(f"RSS {before / 1024:.0f} {status('VmHWM') / 1024:.0f} EXIT {code}", file=sys.stderr)
"""


def frab_schedule(events: int, repeats: int = 6) -> bytes:
    """A frab schedule of ``events`` talks in ten rooms over five days; each abstract is a
    sentence said ``repeats`` times."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<schedule><version>bench</version>'
        "<conference><acronym>bigcon</acronym><title>Bigcon</title>"
        "<start>2025-05-12</start><end>2025-05-16</end>"
        "<time_zone_name>Europe/Brussels</time_zone_name></conference>\n"
    ]
    per_day = -(-events // 5)
    number = 0
    for day in range(5):
        parts.append(f'<day index="{day + 1}" date="2025-05-{12 + day}">')
        for room in range(10):
            parts.append(f'<room name="Room {room}">')
            for _ in range(-(-per_day // 10)):
                if number >= events:
                    break
                number += 1
                minute = number % 600
                parts.append(
                    f'<event guid="bench-{number}" id="{number}">'
                    f"<date>2025-05-{12 + day}T{8 + minute // 60:02d}:{minute % 60:02d}:00+02:00"
                    "</date><duration>00:25</duration>"
                    f"<title>Talk number {number} about things</title>"
                    f"<abstract>{'Words about the talk, its ideas and its examples. ' * repeats}"
                    "</abstract><persons>"
                    f'<person id="{number}">Speaker {number}</person>'
                    f'<person id="x{number % 97}">Co-speaker {number % 97}</person>'
                    "</persons></event>"
                )
            parts.append("</room>")
        parts.append("</day>\n")
    parts.append("</schedule>\n")
    return "".join(parts).encode()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    runs = [tuple(int(part) for part in arg.split(":")) for arg in args or DEFAULT_RUNS]
    print(f"{'events':>8} {'MB':>6} {'RSS before':>11} {'RSS peak':>9} {'seconds':>8}  result")
    with tempfile.TemporaryDirectory() as folder:
        for count, *repeats in runs:
            source = Path(folder) / f"big-{count}.xml"
            source.write_bytes(frab_schedule(count, *repeats))
            size = source.stat().st_size / (1024 * 1024)
            started = time.perf_counter()
            child = subprocess.run(
                [sys.executable, "-c", _CHILD, str(Path(folder) / f"{count}.db"), str(source)],
                capture_output=True,
                text=True,
                check=False,
            )
            took = time.perf_counter() - started
            rss = next(line for line in child.stderr.splitlines() if line.startswith("RSS "))
            _, before, after, _, code = rss.split()
            lines = [line for line in (child.stdout + child.stderr).splitlines() if line.strip()]
            first = next((line for line in lines if not line.startswith("RSS ")), "")
            result = "imported" if code == "0" else f"refused: {first[:90]}"
            print(f"{count:>8} {size:>6.1f} {before:>8} MB {after:>6} MB {took:>8.1f}  {result}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
