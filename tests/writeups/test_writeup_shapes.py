"""Synthetic write-ups, one per shape in docs/writeups-and-export.md: title/speaker
encodings, day structures, front matter, watch-later forms, encodings and line endings."""

from __future__ import annotations

from datetime import date

import pytest

from confnote.writeups import WriteupError, parse_writeup
from confnote.writeups.model import ParsedWriteup


def parse(text: str, name: str = "notes.md") -> ParsedWriteup:
    return parse_writeup(text.encode(), name)


def only_talk(text: str) -> tuple[str, tuple[str, ...], str]:
    parsed = parse(text)
    assert len(parsed.talks) >= 1, parsed
    talk = parsed.talks[0]
    return talk.title, talk.speakers, talk.kind


@pytest.mark.parametrize(
    ("heading", "title", "speakers", "kind"),
    [
        (
            "## Talk: Typing Without Tears by Ada Example",
            "Typing Without Tears",
            ("Ada Example",),
            "talk",
        ),
        ("## Typing Without Tears - Ada Example", "Typing Without Tears", ("Ada Example",), "talk"),
        ("## Typing Without Tears (Ada Example)", "Typing Without Tears", ("Ada Example",), "talk"),
        ("## Ada Example: Typing Without Tears", "Typing Without Tears", ("Ada Example",), "talk"),
        (
            "## [Typing Without Tears](https://video.example/1) by Ada Example",
            "Typing Without Tears",
            ("Ada Example",),
            "talk",
        ),
        ("### Keynote: The Future of Parsing", "The Future of Parsing", (), "keynote"),
        ("### Lightning talk: Tiny Parsers", "Tiny Parsers", (), "lightning"),
        (
            "### Workshop 2: [Hands-on Typing](https://example.org/w2) by Bo Sample",
            "Hands-on Typing",
            ("Bo Sample",),
            "workshop",
        ),
        (
            "## Scaling the Hallway Track (Cy Placeholder, Example Corp)",
            "Scaling the Hallway Track",
            ("Cy Placeholder",),
            "talk",
        ),
        (
            "## 1. Typing Without Tears - Ada Example",
            "Typing Without Tears",
            ("Ada Example",),
            "talk",
        ),
    ],
)
def test_title_and_speaker_encodings_in_headings(
    heading: str, title: str, speakers: tuple[str, ...], kind: str
) -> None:
    text = (
        f"{heading}\n\nNotes on it.\n\n{heading.split(' ')[0]} Second Talk by Bo Sample\n\nMore.\n"
    )
    assert only_talk(text) == (title, speakers, kind)


def test_speaker_on_the_line_after_the_title_leaves_the_note() -> None:
    parsed = parse(
        "## Typing Without Tears\n\nby Ada Example\n\nGreat talk.\n\n"
        "## Second\n\nSpeakers: Bo Sample and Cy Placeholder\n"
    )
    assert parsed.talks[0].speakers == ("Ada Example",)
    assert parsed.talks[0].note == "Great talk."
    assert parsed.talks[1].speakers == ("Bo Sample", "Cy Placeholder")


def test_speaker_first_headings_are_told_by_the_document() -> None:
    parsed = parse(
        "### Ada Example - Typing Without Tears\n\nx\n\n"
        "### Bo Sample - Different Paths, Same Place - A Case Study\n\ny\n"
    )
    assert [(t.title, t.speakers) for t in parsed.talks] == [
        ("Typing Without Tears", ("Ada Example",)),
        ("Different Paths, Same Place - A Case Study", ("Bo Sample",)),
    ]


def test_bold_title_lines_with_speakers_are_talks() -> None:
    parsed = parse(
        "Intro.\n\n**Rust for Pythonistas** (_Bo Sample & Cy Placeholder_)<br/>\n - ownership\n\n"
        "**Typing Without Tears** (_Ada Example_)\n - gradual typing\n"
    )
    assert [(t.title, t.speakers) for t in parsed.talks] == [
        ("Rust for Pythonistas", ("Bo Sample", "Cy Placeholder")),
        ("Typing Without Tears", ("Ada Example",)),
    ]


def test_bullets_with_speakers_are_talks_and_a_double_bullet_is_two() -> None:
    parsed = parse(
        "Some talks I liked:\n\n"
        "- Typing Without Tears (Ada Example) – gradual typing in practice.\n"
        "- [Parsing Fast](https://video.example/2) by Bo Sample\n"
        "- Finally, Tiny Parsers (Cy Placeholder) and Huge Parsers (Di Example) were fun.\n"
    )
    assert [(t.title, t.speakers) for t in parsed.talks] == [
        ("Typing Without Tears", ("Ada Example",)),
        ("Parsing Fast", ("Bo Sample",)),
        ("Tiny Parsers", ("Cy Placeholder",)),
        ("Huge Parsers", ("Di Example",)),
    ]
    assert parsed.talks[0].note == "gradual typing in practice."
    assert parsed.talks[1].links[0].kind == "video"
    assert parsed.notes[0].body == "Some talks I liked:"


def test_emoji_prefixes_become_tags_and_are_kept_out_of_titles() -> None:
    parsed = parse(
        "## 🐍 ⚛️ Fast Pandas\n\nx\n\n## ⚛\ufe0f Data Things\n\ny\n\n## 🌍 Open Source\n\nz\n"
    )
    assert [t.tags for t in parsed.talks] == [("🐍", "⚛️"), ("⚛️",), ("🌍",)]
    assert parsed.talks[0].title == "Fast Pandas"


@pytest.mark.parametrize(
    "days",
    [
        ("## Day 1", "## Day 2"),
        ("## Saturday", "## Sunday"),
        ("## Friday Talks", "## Saturday Talks"),
        ("## Tuesday, July 9", "## Wednesday, July 10"),
        ("### First Day", "### Second Day"),
    ],
)
def test_day_sections_hold_the_talks_under_them(days: tuple[str, str]) -> None:
    level = "#" * (days[0].count("#") + 1)
    text = (
        f"{days[0]}\n\n{level} Typing Without Tears by Ada Example\n\nx\n\n"
        f"{days[1]}\n\n{level} Parsing Fast by Bo Sample\n\ny\n"
    )
    parsed = parse(text)
    assert [t.day for t in parsed.talks] == [d.lstrip("# ") for d in days]
    assert parsed.days == tuple(d.lstrip("# ") for d in days)


def test_non_talk_sections_become_conference_notes() -> None:
    parsed = parse(
        "# ExampleConf 2025 recap\n\nTwo days in Example City.\n\n# Talks\n"
        "## Talk: Typing Without Tears by Ada Example\n#### Take aways:\n- first point\n"
        "## Talk: Parsing Fast by Bo Sample\n\nok\n"
        "## Hallway track\n\nMet people.\n\n## Sprints\n\nHacked.\n\n## Conclusion\n\nBye.\n"
    )
    assert [t.title for t in parsed.talks] == ["Typing Without Tears", "Parsing Fast"]
    assert "first point" in parsed.talks[0].note
    assert [n.title for n in parsed.notes] == [
        "Introduction",
        "Hallway track",
        "Sprints",
        "Conclusion",
    ]
    assert parsed.conference.name == "ExampleConf 2025"


def test_lightning_talks_under_a_container_are_lightning_talks() -> None:
    parsed = parse(
        "## Typing Without Tears\n\nx\n\n## Parsing Fast\n\ny\n\n## Lightning Talks\n\n"
        "### Tiny Parsers\n\na\n\n### Huge Parsers\n\nb\n"
    )
    assert [(t.title, t.kind) for t in parsed.talks] == [
        ("Typing Without Tears", "talk"),
        ("Parsing Fast", "talk"),
        ("Tiny Parsers", "lightning"),
        ("Huge Parsers", "lightning"),
    ]


@pytest.mark.parametrize(
    "front",
    [
        '---\ntitle: "ExampleConf 2025 notes"\ndate: 2025-05-17\ntags: [conference, python]\n---\n',
        '+++\ntitle = "ExampleConf 2025 notes"\ndate = 2025-05-17T18:00:00+02:00\n'
        'tags = ["conference", "python"]\n[extra]\n#updated = 1\n+++\n',
        "Title: ExampleConf 2025 notes\nDate: 2025-05-17 10:00\nTags: conference, python\n\n",
        "---\ntitle: ExampleConf 2025 notes\nid: abc\nparent_id: def\n"
        "created_at: 1747483200000\ntags: [conference, python]\n---\n",
        "<!--\n.. title: ExampleConf 2025 notes\n.. date: 2025-05-17\n"
        ".. tags: conference, python\n-->\n",
    ],
)
def test_front_matter_styles_give_title_date_and_tags(front: str) -> None:
    parsed = parse(front + "\n## Typing Without Tears by Ada Example\n\nx\n")
    assert parsed.metadata.title == "ExampleConf 2025 notes"
    assert parsed.metadata.published == date(2025, 5, 17)
    assert parsed.metadata.tags == ("conference", "python")
    assert parsed.conference.name == "ExampleConf 2025"
    assert [t.title for t in parsed.talks] == ["Typing Without Tears"]


def test_markdown_without_metadata_takes_the_title_from_the_first_heading() -> None:
    parsed = parse("# Notes from ExampleConf 2024\n\n## Typing Without Tears by Ada Example\n")
    assert parsed.metadata.title == "Notes from ExampleConf 2024"
    assert parsed.conference.name == "ExampleConf 2024"


def test_tables_myst_directives_and_html_fragments_do_not_break_markdown() -> None:
    parsed = parse(
        "## Typing Without Tears by Ada Example\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        '```{note}\n## not a heading\n```\n\n<div class="fg">fragment</div>\n\n'
        '<h2 id="x">Parsing Fast by Bo Sample</h2>\n\n<iframe src="https://x.example"></iframe>\n'
        "{{< youtube abc >}}\n"
    )
    assert [t.title for t in parsed.talks] == ["Typing Without Tears", "Parsing Fast"]
    assert "| 1 | 2 |" in parsed.talks[0].note and "## not a heading" in parsed.talks[0].note
    assert "iframe" not in parsed.talks[1].note and "youtube" not in parsed.talks[1].note


@pytest.mark.parametrize(
    ("section", "items"),
    [
        ("# The Missed Talks\n- [Parsing Fast - Bo Sample](https://video.example/7)\n", 1),
        (
            "## Talks to check out later: 🌟\n### [Tiny Parsers](https://x.example/1)\n"
            "### [Huge Parsers](https://x.example/2)\n",
            2,
        ),
        (
            "## Talks I missed (to catch on video)\n"
            "- Tiny Parsers\n- Huge Parsers\n- Parsing Fast\n",
            3,
        ),
        ("## Talks to watch\n- Tiny Parsers\n", 1),
    ],
)
def test_watch_later_sections_give_one_todo_per_item(section: str, items: int) -> None:
    parsed = parse(
        "## Typing Without Tears by Ada Example\n\nx\n\n## Parsing Fast by Bo Sample\n\ny\n\n"
        + section
    )
    assert [t.kind for t in parsed.todos] == ["watch_later"] * items
    assert len(parsed.talks) == 2


def test_a_watch_later_item_naming_a_talk_is_linked_to_it() -> None:
    parsed = parse(
        "## Typing Without Tears by Ada Example\n\nx\n\n## Parsing Fast by Bo Sample\n\ny\n\n"
        "## Talks to watch\n- [Parsing Fast](https://video.example/7)\n"
    )
    assert parsed.todos[0].talk_title == "Parsing Fast"
    assert parsed.todos[0].url == "https://video.example/7"


def test_todo_and_assignee_lines_in_notes_are_follow_ups_of_their_talk() -> None:
    parsed = parse(
        "## Typing Without Tears by Ada Example\n\n"
        "- TODO: try mypy strict\n- @Sam : replay at the office?\n"
    )
    assert [(t.kind, t.talk_title) for t in parsed.todos] == [
        ("follow_up", "Typing Without Tears"),
        ("follow_up", "Typing Without Tears"),
    ]


def test_reference_definitions_and_labelled_lines_become_talk_links() -> None:
    parsed = parse(
        "### Scaling the Hallway Track (Cy Placeholder, Example Corp)\n"
        "Notes: https://notes.example/hallway\nVideo: https://www.youtube.com/watch?v=abc\n"
        "Loved the bit about [badges][1].\n\n## Other\n\nSee [site][2].\n\n"
        "[1]: https://example.org/badges\n[2]: https://exampleconf.example/\n"
    )
    links = parsed.talks[0].links
    assert ("https://www.youtube.com/watch?v=abc", "video") in [(k.url, k.kind) for k in links]
    assert "https://example.org/badges" in [link.url for link in links]
    assert [link.url for link in parsed.links] == ["https://exampleconf.example/"]


def test_plain_text_notes_with_speaker_lines_and_bullets() -> None:
    text = (
        "ExampleConf 2025 Notes\n\nI went to ExampleConf 2025 on May 17-18.\n\nSaturday Talks\n\n"
        "Typing Without Tears\n\nSpeaker: Ada Example\n\n  • gradual typing\n    • mypy\n\n"
        "Parsing Fast\n\nSpeakers: Bo Sample, Cy Placeholder\n\nFast parsers.\n\n"
        "    def parse(text):\n        return text.split()\n\nSummary\n\nGood conference.\n"
    )
    parsed = parse(text, "notes.txt")
    assert parsed.format == "text"
    assert parsed.conference.name == "ExampleConf 2025"
    assert parsed.conference.starts_on == date(2025, 5, 17)
    assert [(t.title, t.speakers, t.day) for t in parsed.talks] == [
        ("Typing Without Tears", ("Ada Example",), "Saturday Talks"),
        ("Parsing Fast", ("Bo Sample", "Cy Placeholder"), "Saturday Talks"),
    ]
    assert "- gradual typing\n  - mypy" in parsed.talks[0].note
    assert "```\ndef parse(text):\n    return text.split()\n```" in parsed.talks[1].note
    assert [n.title for n in parsed.notes] == ["Introduction", "Summary"]


PLAIN = "ExampleConf 2025 Notes\n\nTyping Without Tears\n\nSpeaker: Ada Example\n\nCafé – naïve.\n"


@pytest.mark.parametrize(
    "data",
    [
        PLAIN.encode("utf-8"),
        b"\xef\xbb\xbf" + PLAIN.encode("utf-8"),
        PLAIN.encode("utf-16"),
        PLAIN.encode("utf-16-le"),
        PLAIN.encode("utf-16-be"),
        PLAIN.replace("–", "-").encode("latin-1"),
        PLAIN.replace("\n", "\r\n").encode("utf-8"),
        PLAIN.replace("\n", "\r").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "latin1", "crlf", "cr"],
)
def test_encodings_and_line_endings_read_the_same(data: bytes) -> None:
    parsed = parse_writeup(data, "notes.txt")
    assert [(t.title, t.speakers) for t in parsed.talks] == [
        ("Typing Without Tears", ("Ada Example",))
    ]
    assert "Café" in parsed.talks[0].note and "naïve" in parsed.talks[0].note


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    ],
)
def test_files_that_are_not_write_ups_are_refused_in_one_line(data: bytes, reason: str) -> None:
    with pytest.raises(WriteupError) as error:
        parse_writeup(data, "/tmp/x.md")
    message = str(error.value)
    assert message.startswith("/tmp/x.md: ") and reason in message and "\n" not in message


def test_a_tab_indented_outline_heads_talks_with_its_unindented_lines() -> None:
    text = (
        "\nAda Example - @ada - Typing Without Tears - https://speakerdeck.com/ada/typing\n\n"
        "\tgradual typing\n\n\t\tmypy strict\n\n"
        "Bo Sample - @bo - Parsing Fast - \n\n\tfast parsers\n\n"
        " Cy Placeholder - @cy\n\n\ttiny things\n\n\t\tsmall\n"
    )
    parsed = parse(text, "first_day.txt")
    assert [(t.title, t.speakers) for t in parsed.talks] == [
        ("Typing Without Tears", ("Ada Example",)),
        ("Parsing Fast", ("Bo Sample",)),
        ("Talk: Cy Placeholder", ("Cy Placeholder",)),
    ]
    assert "- gradual typing" in parsed.talks[0].note and "  - mypy strict" in parsed.talks[0].note
    assert parsed.talks[0].links[0].kind == "slides"


def test_questions_to_the_reader_are_conference_notes_not_talks() -> None:
    parsed = parse(
        "## I have one hour, which talks should I watch?\n\nThese.\n\n"
        "## How does Parsing work?\n\n* Speaker: Ada Example\n\nx\n\n"
        "## Typing Without Tears\n\n* Speaker: Bo Sample\n\ny\n"
    )
    assert [t.title for t in parsed.talks] == ["How does Parsing work?", "Typing Without Tears"]
    assert [n.title for n in parsed.notes] == ["I have one hour, which talks should I watch?"]
