"""How long confnote takes to read a 5 MB write-up in each input format, and to import one.

Run: ``.venv/bin/python benchmarks/import_writeup.py``. Prints figures only; nothing
asserts on them. The write-ups are generated here, so no sample files are needed. The
dense ones (tens of thousands of tiny talks) measure the readers; the import is measured
on a 5 MB write-up of long notes, the shape real ones grow into.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from confnote.store import Store
from confnote.writeups import read_writeup

TARGET_BYTES = 5 * 1024 * 1024
MARKDOWN_TALK = (
    "## Talk {n}: Parsing Things Fast by Ada Example\n\nNotes with a [link](https://x.example/{n})."
    "\n\n- a point\n  - a nested point\n\n```python\nprint({n})\n```\n\n"
)
TEXT_TALK = (
    "Parsing Things Fast, part {n}\n\nSpeaker: Ada Example\n\nA paragraph of notes about the "
    "talk, long enough to read as prose rather than a heading.\n\n  • a point\n    • nested\n\n"
)
HTML_TALK = (
    "<h2>Parsing Things Fast, part {n} (Ada Example)</h2><p>Notes with a "
    '<a href="https://x.example/{n}">link</a>.</p><ul><li>a point<ul><li>nested</li></ul></li></ul>'
)


def _repeat(piece: str) -> str:
    count = TARGET_BYTES // len(piece.format(n=10000)) + 1
    return "".join(piece.format(n=n) for n in range(count))


def documents() -> dict[str, str]:
    return {
        "markdown": "# ExampleConf 2025 notes\n\nIntro.\n\n" + _repeat(MARKDOWN_TALK),
        "text": "ExampleConf 2025 Notes\n\nIntro paragraph that is a sentence.\n\n"
        + _repeat(TEXT_TALK),
        "html": "<!DOCTYPE html><html><head><title>ExampleConf 2025</title></head><body>"
        "<nav>Home</nav><article>" + _repeat(HTML_TALK) + "</article></body></html>",
    }


LONG_NOTE_TALK = "## Talk {n}: Parsing Things Fast by Ada Example\n\n" + (
    "A long paragraph of notes about what the speaker said, with a [link](https://x.example/). "
    * 90
    + "\n\n- a point\n  - a nested point\n\n"
)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        for name, text in documents().items():
            path = Path(folder) / f"dense.{name[:4]}"
            path.write_text(text, encoding="utf-8")
            started = time.perf_counter()
            read = read_writeup(path)
            parsed = time.perf_counter() - started
            size = path.stat().st_size / 2**20
            print(
                f"read   {name:9} {size:4.1f} MB  {len(read.parsed.talks):6} talks  {parsed:5.2f} s"
            )
        path = Path(folder) / "long-notes.md"
        path.write_text("# ExampleConf 2025\n\n" + _repeat(LONG_NOTE_TALK), encoding="utf-8")
        started = time.perf_counter()
        read = read_writeup(path)
        parsed = time.perf_counter() - started
        with Store.open(Path(folder) / "long.db") as store:
            started = time.perf_counter()
            store.apply_writeups([read])
            stored = time.perf_counter() - started
            started = time.perf_counter()
            store.apply_writeups([read_writeup(path)])
            again = time.perf_counter() - started
        size = path.stat().st_size / 2**20
        print(
            f"import markdown  {size:4.1f} MB  {len(read.parsed.talks):6} talks"
            f"  read {parsed:5.2f} s  store {stored:5.2f} s  re-import {again:5.2f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
