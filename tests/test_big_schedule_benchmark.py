"""The big-schedule memory benchmark runs end to end on a small file, so it cannot rot.

Only that it imports one file and refuses the other is checked: never a figure.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_memory_benchmark_imports_a_small_file_and_refuses_one_past_the_limit() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "big_schedule_memory.py"), "50", "20001:0"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].split()[:3] == ["events", "MB", "RSS"]
    assert lines[1].split()[0] == "50" and lines[1].endswith("imported")
    assert lines[2].split()[0] == "20001" and "refused" in lines[2]
