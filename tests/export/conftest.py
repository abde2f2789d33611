from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC

import pytest

from confnote.note_template import note_template
from confnote.store import Conference, Store, TodoKind
from confnote.store.records import Talk
from tests.helpers import talk_details


@dataclass(frozen=True)
class Recap:
    """ExampleConf 2025 in Brussels: two days, notes, stars, a rating, TODOs, an intro."""

    conference: Conference
    typing: Talk  # Sat, starred, rated 4, a templated note with one takeaway and code
    templated: Talk  # Sat, its note is the untouched template; watch later
    liquid: Talk  # Sun, a note full of templating syntax and a table
    quiet: Talk  # Sun, attended, no note


def build_recap(store: Store) -> Recap:
    conference = store.create_conference(
        "ExampleConf 2025", time_zone="Europe/Brussels", url="https://example.org/2025"
    )
    typing = store.add_talk(
        conference.id,
        talk_details(
            "typing",
            'Typing: without "tears" #1',
            speakers=("Ada Example", "Bo Sample"),
            track="Python",
            video_url="https://video.example/typing",
            slides_url="https://slides.example/typing",
            url="https://example.org/2025/talk/typing",
        ),
    )
    templated = store.add_talk(
        conference.id,
        talk_details(
            "templated",
            "Scaling the hallway track",
            "2025-05-17T11:00:00+02:00",
            speakers=("Cy Placeholder",),
            video_url="https://video.example/hallway",
            track="Community",
        ),
    )
    liquid = store.add_talk(
        conference.id,
        talk_details("liquid", "Templates everywhere", "2025-05-18T10:00:00+02:00", track="Web"),
    )
    quiet = store.add_talk(
        conference.id,
        talk_details("quiet", "A quiet talk", "2025-05-18T14:00:00+02:00", track="Web"),
    )
    typing_note = note_template(typing, UTC).replace(
        "## Key takeaways\n\n- \n",
        "## Key takeaways\n\n- Typed configs beat clever configs.\n\n"
        "```python\n# a comment, not a heading\nconfig: Config = load()\n```\n",
    )
    store.save_talk_note(typing.id, typing_note)
    store.save_talk_note(templated.id, note_template(templated, UTC))
    store.save_talk_note(
        liquid.id,
        "Hugo writes {{< youtube abc >}}, Jekyll {% include card.html %}, "
        "Zola {{ gist(url='x') }}.\n\n"
        "# Why\n\nBecause {{ page.title }} is everywhere.\n\n"
        "## Numbers\n\n| engine | escape |\n| --- | --- |\n| Jekyll | raw |\n\n"
        "![diagram](https://img.example/d.png)\n",
    )
    store.set_star(typing.id, 2)
    store.set_rating(typing.id, 4)
    store.set_attended(quiet.id, True)
    store.tag_talk(typing.id, "typing")
    store.set_watch_later(templated.id, True)
    store.add_todo(
        conference.id, "Ask Ada for the slides", kind=TodoKind.FOLLOW_UP, talk_id=typing.id
    )
    store.add_conference_note(
        conference.id,
        "Intro",
        "Two days in Brussels: my second ExampleConf. The venue was great.\n",
    )
    store.add_conference_note(conference.id, "Hallway track", "Met the **typing** crowd.\n")
    return Recap(conference, store.talk(typing.id), templated, liquid, store.talk(quiet.id))


@pytest.fixture
def recap(store: Store) -> Recap:
    return build_recap(store)
