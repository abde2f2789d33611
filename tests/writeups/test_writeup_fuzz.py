"""Whatever bytes arrive, the write-up reader returns a structure or raises WriteupError;
the package stays headless."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from confnote.writeups import WriteupError, parse_writeup

QUICK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LONG = settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIECES = [
    "# ",
    "## ",
    "### ",
    "---\n",
    "+++\n",
    "title: x\n",
    "- ",
    "* ",
    "  • ",
    "1. ",
    "**",
    "__",
    "[",
    "](",
    ")",
    "http://x.example/",
    " by ",
    " - ",
    " (",
    ")",
    "Speaker: ",
    "Day 1\n",
    "Friday\n",
    "TODO\n",
    "Talks to watch\n",
    "```\n",
    "~~~\n",
    "<h2>",
    "</h2>",
    "<p>",
    "<html>",
    "<script>",
    "=====\n",
    "-----\n",
    ":date: 2025-01-01\n",
    ".. include:: x\n",
    "🐍 ",
    "⚛️",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "[1]: http://y.example/\n",
    "@Sam: ",
    "Keynote: ",
    "Ada Example",
]
documents = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=60).map(
    "".join
)


def _reads_or_refuses(data: bytes) -> None:
    try:
        parsed = parse_writeup(data, "fuzz.md")
    except WriteupError as error:
        assert str(error).startswith("fuzz.md") and "\n" not in str(error)
        return
    for talk in parsed.talks:
        assert talk.title.strip()


@QUICK
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_raise_nothing_but_writeup_error(data: bytes) -> None:
    _reads_or_refuses(data)


@QUICK
@given(documents)
def test_write_up_shaped_text_raises_nothing_but_writeup_error(text: str) -> None:
    _reads_or_refuses(text.encode("utf-8", errors="surrogatepass"))


@pytest.mark.fuzz
@LONG
@given(documents, st.sampled_from(["", "<!DOCTYPE html>\n", "Notes\n=====\n\n", "---\n"]))
def test_long_run_any_shape_in_any_format(text: str, prefix: str) -> None:
    _reads_or_refuses((prefix + text).encode("utf-8", errors="surrogatepass"))


def test_a_large_write_up_reads_whole() -> None:
    """A megabyte of talks reads completely (benchmarks/import_writeup.py times 5 MB)."""
    talk = "## Talk {n}: A Title by Ada Example\n\nNotes with a [link](https://x.example/{n}).\n\n"
    text = "# ExampleConf 2025\n\n" + "".join(talk.format(n=n) for n in range(12000))
    parsed = parse_writeup(text.encode(), "big.md")
    assert len(text) > 1_000_000
    assert len(parsed.talks) == 12000


def test_importing_the_package_loads_no_ui_and_no_database_layer() -> None:
    probe = (
        "from confnote.writeups import parse_writeup\n"
        "parse_writeup(b'<html><body><h2>A by Ada Example</h2><p>x</p></body></html>', 'a.html')\n"
        "parse_writeup(b'Notes\\n=====\\n\\nA by Ada Example\\n---------------\\n', 'a.rst')\n"
        "import sys\nprint(' '.join(sorted(sys.modules)))"
    )
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", probe], check=True, capture_output=True, text=True
        ).stdout.split()
    )
    assert "textual" not in loaded
    assert "sqlalchemy" not in loaded
