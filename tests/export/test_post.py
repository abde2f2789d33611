"""The post body: which talks, in which sections, and what each talk shows."""

from __future__ import annotations

from datetime import date

import pytest

from confnote.export.post import Grouping, PostOptions, default_title, render_post
from confnote.export.post_source import PostSource, Selection, read_post_source
from confnote.store import Store
from tests.export.conftest import Recap

DAY = date(2025, 5, 20)


def body(store: Store, recap: Recap, **options: object) -> str:
    source = read_post_source(store, recap.conference.id)
    return render_post(source, PostOptions(target="markdown", **options), DAY).text  # type: ignore[arg-type]


def talk_headings(text: str) -> list[str]:
    return [line[4:] for line in text.splitlines() if line.startswith("### ")]


def test_the_default_selection_skips_talks_whose_note_is_the_untouched_template(
    store: Store, recap: Recap
) -> None:
    assert talk_headings(body(store, recap)) == [
        'Typing: without "tears" #1',
        "Templates everywhere",
    ]


@pytest.mark.parametrize(
    ("selection", "titles"),
    [
        (Selection.STARRED, ['Typing: without "tears" #1']),
        (Selection.ATTENDED, ["A quiet talk"]),
        (
            Selection.ALL,
            [
                'Typing: without "tears" #1',
                "Scaling the hallway track",
                "Templates everywhere",
                "A quiet talk",
            ],
        ),
    ],
)
def test_selections(store: Store, recap: Recap, selection: Selection, titles: list[str]) -> None:
    assert talk_headings(body(store, recap, selection=selection)) == titles


def test_grouping_by_day_track_and_tag(store: Store, recap: Recap) -> None:
    def groups(grouping: Grouping) -> list[str]:
        text = body(store, recap, selection=Selection.ALL, group=grouping)
        return [line[3:] for line in text.splitlines() if line.startswith("## ")][:4]

    assert groups(Grouping.DAY)[:2] == ["Saturday 17 May", "Sunday 18 May"]
    assert groups(Grouping.TRACK)[:3] == ["Python", "Community", "Web"]
    assert groups(Grouping.TAG)[:2] == ["typing", "Untagged"]


def test_a_talk_shows_speakers_links_rating_and_its_note_below_its_heading(
    store: Store, recap: Recap
) -> None:
    text = body(store, recap)
    section = text.split('### Typing: without "tears" #1\n\n', 1)[1].split("\n## ", 1)[0]
    assert section.startswith(
        "by Ada Example, Bo Sample\n\n"
        "[Video](https://video.example/typing) · [Slides](https://slides.example/typing) · "
        "[Schedule page](https://example.org/2025/talk/typing)\n\n"
        "Rating: ★★★★☆ (4/5)\n\n"
        "#### Key takeaways\n\n- Typed configs beat clever configs.\n"
    )
    assert "Notes" not in section and "Action items" not in section  # empty sections dropped


def test_watch_later_follow_ups_and_links_close_the_post(store: Store, recap: Recap) -> None:
    text = body(store, recap, follow_ups=True)
    assert text.endswith(
        "## Talks to watch later\n\n"
        "- [Scaling the hallway track](https://video.example/hallway) — Cy Placeholder\n\n"
        "## Follow-ups\n\n"
        '- [ ] Ask Ada for the slides (from “Typing: without "tears" #1”)\n\n'
        "## Links\n\n- [ExampleConf 2025](https://example.org/2025)\n"
    )
    assert "## Follow-ups" not in body(store, recap)


def test_default_titles_do_not_repeat_the_year(store: Store, recap: Recap) -> None:
    source = read_post_source(store, recap.conference.id)
    assert default_title(source) == "ExampleConf 2025: my notes"
    for name, expected in (
        ("DebConf 25", "DebConf 25"),
        ("PyCon US", "PyCon US 2025"),
        ("PyData Berlin 2022", "PyData Berlin 2022"),
    ):
        renamed = PostSource(
            recap.conference.__class__(1, name, "x", "UTC"),
            source.talks,
            source.notes,
            (),
            (),
        )
        assert default_title(renamed) == f"{expected}: my notes"


def test_reference_and_footnote_labels_of_two_notes_do_not_collide(
    store: Store, recap: Recap
) -> None:
    store.save_talk_note(
        recap.typing.id, "See [the docs][1] and `arr[1]`.[^1]\n\n[1]: https://a.example\n[^1]: A.\n"
    )
    store.save_talk_note(
        recap.liquid.id, "Read [this][1].[^1]\n\n[1]: https://b.example\n[^1]: B.\n"
    )
    text = body(store, recap)
    assert "See [the docs][1] and `arr[1]`.[^1]" in text
    assert "Read [this][1-2].[^1-2]\n\n[1-2]: https://b.example\n[^1-2]: B." in text
