"""A post read back by the write-up importer gives the same talks, speakers and notes."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from confnote.export.note_body import clean_note
from confnote.export.post import PostOptions, render_post
from confnote.export.post_source import PostSource, Selection
from confnote.store.records import Conference, Talk
from confnote.writeups import parse_writeup

_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9)
_capitalised = _word.map(str.capitalize)
# Titles of two words or more: a lone word ("Video", "Questions") is a label to the importer.
_title = st.tuples(
    _capitalised,
    st.lists(
        st.one_of(_capitalised, _word, st.sampled_from(["C++", "&", "(live)", "Rust?", "v2"])),
        min_size=1,
        max_size=5,
    ),
).map(lambda parts: " ".join([parts[0], *parts[1]]))
_speaker = st.tuples(
    st.sampled_from(["Ada", "Grace", "Bo", "Linus", "Margaret", "José", "Zoë", "Guido"]),
    st.sampled_from(["Lovelace", "Hopper", "Sample", "Torvalds", "Hamilton", "García", "Müller"]),
).map(" ".join)
_sentence = st.lists(_word, min_size=1, max_size=10).map(lambda words: " ".join(words) + ".")
_block = st.one_of(
    _sentence,
    st.lists(_sentence, min_size=1, max_size=3).map(
        lambda items: "\n".join(f"- {i}" for i in items)
    ),
    _sentence.map(lambda line: f"```python\nprint({line!r})\n```"),
    st.sampled_from(["## Takeaways", "## Questions", "### Details"]),
)
_note = st.lists(_block, max_size=5, unique=True).map("\n\n".join)


@st.composite
def conferences(draw: st.DrawFn) -> PostSource:
    start = datetime(2025, 5, 17, 8, tzinfo=UTC)
    titles = draw(st.lists(_title, min_size=1, max_size=4, unique_by=str.casefold))
    talks, notes = [], {}
    for number, title in enumerate(titles, start=1):
        talks.append(
            Talk(
                id=number,
                conference_id=1,
                key=f"k{number}",
                title=title,
                starts_at=start + timedelta(hours=number),
                duration=timedelta(minutes=30),
                speakers=tuple(draw(st.lists(_speaker, max_size=2, unique=True))),
            )
        )
        notes[number] = clean_note(draw(_note), title)  # as read_post_source does
    conference = Conference(1, "ExampleConf 2025", "exampleconf-2025", "UTC")
    return PostSource(conference, tuple(talks), notes, (), ())


def _plain(markdown: str) -> str:
    """Note text without heading levels or blank-line differences."""
    markdown = re.sub(r"^#{1,6} ", "# ", markdown, flags=re.MULTILINE)
    return "\n".join(line for line in markdown.splitlines() if line.strip())


@pytest.mark.parametrize("target", ["hugo", "jekyll", "markdown"])
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(source=conferences())
def test_a_post_imports_back_as_the_same_talks_speakers_and_notes(
    target: str, source: PostSource
) -> None:
    post = render_post(
        source, PostOptions(target=target, selection=Selection.ALL), date(2025, 5, 20)
    )
    parsed = parse_writeup(post.text.encode("utf-8"), f"recap-{target}.md")
    assert [talk.title for talk in parsed.talks] == [talk.title for talk in source.talks]
    assert [talk.speakers for talk in parsed.talks] == [talk.speakers for talk in source.talks]
    for written, talk in zip(parsed.talks, source.talks, strict=True):
        assert _plain(source.notes[talk.id]) in _plain(written.note)
