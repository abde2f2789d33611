"""The schedule package stays headless and cheap to import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "tinycon.xml"
HEAVY = (
    "textual",
    "sqlalchemy",
    "defusedxml",
    "icalendar",
    "markdownify",
    "html_to_markdown",
    "bs4",
    "csv",
)


def _modules_loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout
    return set(output.split())


def test_importing_the_package_loads_no_parser_library_and_no_ui() -> None:
    loaded = _modules_loaded_after("import confnote.schedule")
    assert loaded.isdisjoint(HEAVY)


def test_reading_a_schedule_never_loads_the_ui_or_the_database_layer() -> None:
    code = (
        "from pathlib import Path\n"
        "from confnote.schedule import parse_schedule\n"
        "import confnote.schedule.changes, confnote.schedule.fetch\n"
        f"parse_schedule(Path({str(FIXTURE)!r}).read_bytes(), 'x.xml')"
    )
    loaded = _modules_loaded_after(code)
    assert "textual" not in loaded
    assert "sqlalchemy" not in loaded
