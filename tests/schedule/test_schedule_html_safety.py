"""Abstracts from a schedule keep no active HTML, and nothing a file names is opened."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confnote.schedule import parse_schedule
from confnote.schedule.html_text import html_to_markdown

HOSTILE = {
    "script": '<p>Hello</p><script>alert("x")</script>',
    "style": "<p>Hello</p><style>body { display: none }</style>",
    "iframe": '<p>Hello</p><iframe src="https://evil.example/">fallback text</iframe>',
    "object": '<p>Hello</p><object data="x.swf"><embed src="y.swf"></object>',
    "svg onload": '<p>Hello</p><svg onload="alert(1)"><script>alert(2)</script></svg>',
    "event handler": '<p onclick="alert(1)">Hello <b onmouseover="alert(2)">world</b></p>',
    "javascript link": '<p>Hello <a href="javascript:alert(1)">click</a></p>',
    "data link": '<p>Hello <a href="data:text/html;base64,PHNjcmlwdD4=">click</a></p>',
    "file image": '<p>Hello <img src="file:///etc/passwd" alt="pic" onerror="alert(1)"></p>',
    "escaped script": "<p>Hello &lt;script&gt;alert(1)&lt;/script&gt;</p>",
    "plain text script": "Hello <script>alert(1)</script> there",
    "unknown tag handler": 'Hello <marquee onmouseover="alert(1)">there</marquee>',
}


# An unescaped "<" opening a tag (Markdown passes such raw HTML through to the page).
RAW_TAG = re.compile(r"(?<!\\)<(?!https?://|mailto:)[A-Za-z/!?]")
LINK_TARGET = re.compile(r"\]\(([^)\s]*)")


def assert_inert(markdown: str) -> None:
    assert RAW_TAG.search(markdown) is None, markdown
    for target in LINK_TARGET.findall(markdown):
        assert target.startswith(("https://", "http://", "mailto:")), markdown


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_no_active_html_survives_into_the_markdown(name: str) -> None:
    markdown = html_to_markdown(HOSTILE[name])
    assert "Hello" in markdown
    assert_inert(markdown)


@pytest.mark.parametrize(
    "name", ["script", "style", "iframe", "svg onload", "object", "data link", "javascript link"]
)
def test_active_content_of_real_html_is_dropped_not_kept_as_text(name: str) -> None:
    markdown = html_to_markdown(HOSTILE[name])
    for trace in ("alert", "display:", "fallback text", "javascript", "base64", ".swf"):
        assert trace not in markdown, markdown


def test_web_links_and_images_are_kept() -> None:
    markdown = html_to_markdown(
        '<p>See <a href="https://example.org/slides">the slides</a> '
        '<img src="https://example.org/x.png" alt="diagram"> and <https://example.org/></p>'
    )
    assert "[the slides](https://example.org/slides)" in markdown
    assert "![diagram](https://example.org/x.png)" in markdown


def test_plain_text_with_comparisons_is_left_alone() -> None:
    assert html_to_markdown("if a < b and b > c then x <= y") == "if a < b and b > c then x <= y"


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from([*sorted(HOSTILE.values()), "<p>text</p>", "plain ", "<br>", "&lt;"]),
        max_size=6,
    )
)
def test_no_raw_tag_opens_anywhere_in_converted_markdown(pieces: list[str]) -> None:
    assert_inert(html_to_markdown("".join(pieces)))


@pytest.fixture
def opened_paths() -> Iterator[list[str]]:
    """Every path Python opens while the test runs (an audit hook, made inert afterwards)."""
    seen: list[str] = []
    active = [True]

    def hook(event: str, args: tuple[object, ...]) -> None:
        if active[0] and event == "open" and args and isinstance(args[0], str | bytes | Path):
            seen.append(str(args[0]))

    sys.addaudithook(hook)
    try:
        yield seen
    finally:
        active[0] = False


def test_paths_named_inside_a_schedule_are_never_opened(
    tmp_path: Path, opened_paths: list[str]
) -> None:
    bait = tmp_path / "bait.txt"
    bait.write_text("secret")
    opened_paths.clear()
    event = {
        "guid": "g1",
        "date": "2025-05-17T09:00:00+02:00",
        "duration": "00:30",
        "title": "Bait",
        "abstract": f'<p><img src="{bait}"><a href="file://{bait}">x</a></p>',
        "url": str(bait),
        "attachments": [{"url": f"file://{bait}", "title": "slides"}],
    }
    document = {
        "schedule": {
            "conference": {
                "title": "Baitcon",
                "days": [{"date": "2025-05-17", "rooms": {"Hall": [event]}}],
            }
        }
    }
    ics = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//\r\nBEGIN:VEVENT\r\nUID:u1\r\n"
        "DTSTART:20250517T090000Z\r\nDTEND:20250517T093000Z\r\nSUMMARY:Bait\r\n"
        f'ATTACH:file://{bait}\r\nURL:{bait}\r\nDESCRIPTION:<img src="{bait}">\r\n'
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    schedules = [json.dumps(document).encode(), ics.encode()]
    for data in schedules:
        parse_schedule(data, "bait")
    assert not [path for path in opened_paths if "bait" in path]
