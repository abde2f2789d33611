"""The benchmark scripts run end to end (one pass on a tiny store), so they cannot rot.

Only that they run and report every figure is checked: never a time.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIGURES = (
    "launch → talk rows painted",
    "launch → first frame",
    "peak RSS",
    "full-text search",
    "keystroke → paint",
    "autosave job",
    "talk day painted",
    "import tinycon.xml",
    "`confnote search WORD`",
)


def test_a_smoke_run_prints_and_records_every_figure_beside_its_floor(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    results.write_text("# Speed\n\nNotes kept around the table.\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--smoke", "--output", str(results)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    written = results.read_text(encoding="utf-8")
    assert written.startswith("# Speed\n\nNotes kept around the table.\n")
    rows = [line for line in written.splitlines() if line.startswith("| ")][1:]
    for figure in FIGURES:
        assert any(figure in row for row in rows), figure
        assert any(figure in line for line in run.stdout.splitlines()), figure
    assert all(row.count("|") == 7 for row in rows)
