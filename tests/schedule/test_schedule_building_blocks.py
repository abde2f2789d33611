"""The small pieces every reader shares: times, kinds, links, keys, Markdown, names."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confnote.schedule.encoding import decode_text
from confnote.schedule.html_text import html_to_markdown
from confnote.schedule.identity import unique_keys
from confnote.schedule.kinds import kind_for_type
from confnote.schedule.links import Link, slides_and_video
from confnote.schedule.speakers import looks_like_names, speakers_from_description
from confnote.schedule.times import (
    parse_clock,
    parse_duration,
    resolve_zone,
    zone_for_name,
    zone_name_for_offsets,
)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("0:30", 30),
        ("00:45", 45),
        ("01:30:00", 90),
        ("45", 45),
        ("1h30", 90),
        ("90 min", 90),
        ("2 hours", 120),
        ("PT1H15M", 75),
        ("48:00", 2880),
    ],
)
def test_durations_in_every_written_form(text: str, minutes: int) -> None:
    assert parse_duration(text) == timedelta(minutes=minutes)


@pytest.mark.parametrize("text", ["", "soon", "1:2:3:4", "-0:30", "99999:00", "h", "¹", "²⁰"])
def test_text_that_is_no_duration_is_none(text: str) -> None:
    assert parse_duration(text) is None


def test_clock_times_with_and_without_seconds_and_nonsense() -> None:
    assert parse_clock("09:00:00") == time(9, 0)
    assert parse_clock("9:05") == time(9, 5)
    assert parse_clock("24:00") is None
    assert parse_clock("noon") is None


def test_zone_names_resolve_iana_bare_city_and_utc_spellings() -> None:
    assert str(resolve_zone("Europe/Brussels")) == "Europe/Brussels"
    assert str(resolve_zone("Kolkata")) == "Asia/Kolkata"
    assert str(resolve_zone("Z")) == "UTC"
    assert resolve_zone("Nowhere") is None
    assert resolve_zone("../../etc/passwd") is None


def test_zone_names_derived_from_offsets_load_back_as_zones() -> None:
    stamps = [datetime(2024, 1, 1, tzinfo=timezone(timedelta(hours=5, minutes=30)))] * 2
    assert zone_name_for_offsets(stamps) == "UTC+05:30"
    assert zone_for_name("UTC+05:30") == timezone(timedelta(hours=5, minutes=30))
    west = [datetime(2024, 1, 1, tzinfo=timezone(timedelta(hours=-7)))]
    assert zone_name_for_offsets(west) == "Etc/GMT+7"
    assert datetime(2024, 1, 1, tzinfo=zone_for_name("Etc/GMT+7")).utcoffset() == timedelta(
        hours=-7
    )
    assert zone_name_for_offsets([datetime(2024, 1, 1, tzinfo=UTC)]) == "UTC"


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("Keynote", "keynote"),
        ("lightningtalk", "lightning"),
        ("Lightning Talk", "lightning"),
        ("Workshop (2h)", "workshop"),
        ("Bits & Bäume - Workshop", "workshop"),
        ("Panel", "panel"),
        ("BoF (45 minutes)", "panel"),
        ("Talk 40 (30min +10 Q&A)", "talk"),
        ("devroom", "talk"),
        ("maintrack", "talk"),
        ("Allgemein", "talk"),
        ("", "talk"),
        ("DJ Set", "other"),
        ("Live Concert", "other"),
        ("Ceremony", "other"),
        ("other", "other"),
        ("Smart contracts", "talk"),
    ],
)
def test_schedule_types_map_to_talk_kinds(written: str, kind: str) -> None:
    assert kind_for_type(written) == kind


def test_links_count_as_slides_or_video_only_when_their_kind_is_clear() -> None:
    links = [
        Link("https://chat.example/#/room/x", "Chat room(web)"),
        Link("https://example.org/repo", "Source code"),
        Link("https://youtu.be/abc", "Demo"),
        Link("https://example.org/deck.pdf", "Slides (PDF)"),
    ]
    assert slides_and_video(links) == ("https://example.org/deck.pdf", "https://youtu.be/abc")
    assert slides_and_video([Link("http://", "http://")]) == ("", "")
    typed = [Link("https://x.example/demo.mp4", "TDX demo video", "slides")]
    assert slides_and_video(typed) == ("https://x.example/demo.mp4", "")


def test_a_link_with_a_broken_address_is_neither_slides_nor_video() -> None:
    links = [Link("https://[youtube.com/watch", "Talk page"), Link("https://youtu.be/abc", "Demo")]
    assert slides_and_video(links) == ("", "https://youtu.be/abc")


_HOSTS = ["youtube.com", "YouTu.be", "vimeo.com", "media.ccc.de", "video.fosdem.org", "tube.ex"]


@settings(max_examples=300)
@given(
    user=st.sampled_from(["", "me@", "a:b@"]),
    sub=st.sampled_from(["", "www.", "m.", "notyoutube", "x-"]),
    host=st.sampled_from(_HOSTS),
    port=st.sampled_from(["", ":8080"]),
    path=st.lists(
        st.sampled_from(["a", "/", ".mp4", ".MOV", ".m4v", ".mkvx", "?q=1", "#", "é", "\t", " "]),
        max_size=5,
    ).map("".join),
)
def test_a_link_is_a_recording_when_its_host_or_file_says_so(
    user: str, sub: str, host: str, port: str, path: str
) -> None:
    from urllib.parse import urlsplit

    url = f"https://{user}{sub}{host}{port}/{path}".strip()
    parts = urlsplit(url)
    found = (parts.hostname or "").casefold()
    hosts = [name.casefold() for name in _HOSTS[:-1]]
    expected = any(found == name or found.endswith("." + name) for name in hosts) or (
        parts.path.casefold().endswith((".mp4", ".mov", ".m4v"))
    )
    assert slides_and_video([Link(url, "Talk page")]) == ("", url if expected else "")


def test_repeated_keys_are_numbered_in_order_without_taking_a_real_key() -> None:
    assert unique_keys(["a", "b", "a", "a#2", "a"]) == ["a", "b", "a#3", "a#2", "a#4"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "a#2", "a#3", "b#2"]), max_size=12))
def test_unique_keys_are_unique_and_keep_every_first_occurrence(keys: list[str]) -> None:
    result = unique_keys(keys)
    assert len(set(result)) == len(result) == len(keys)
    for index, key in enumerate(keys):
        if key not in keys[:index]:
            assert result[index] == key


def test_html_becomes_markdown_and_blank_lines_collapse() -> None:
    html = '<p>Hi <a href="https://x.example/">there</a></p>\n\n\n<ul><li>one</li></ul>'
    assert html_to_markdown(html) == "Hi [there](https://x.example/)\n\n- one"


def test_plain_text_passes_through_apart_from_excess_blank_lines_and_tags() -> None:
    # "<your name>" would be a raw HTML tag in Markdown: it is escaped to show as written.
    text = "Use a < b and <your name>.\r\n\r\n\r\n\r\n  * not a list *"
    assert html_to_markdown(text) == "Use a < b and \\<your name>.\n\n  * not a list *"


def test_person_names_are_told_from_title_fragments() -> None:
    assert looks_like_names("Jane Doe & Kim van der Berg")
    assert looks_like_names("Bradley M. Kuhn, Karen Sandler")
    assert not looks_like_names("the good parts")
    assert not looks_like_names("Part 2")
    assert not looks_like_names("Lilith")
    assert looks_like_names("Lilith", min_words=1)


def test_speaker_marker_lines_anywhere_in_a_description_are_found() -> None:
    assert speakers_from_description("Intro\nSpeakers: Ann Lee and Bo Chen\nMore") == (
        ("Ann Lee", "Bo Chen"),
        "Intro\nMore",
    )
    assert speakers_from_description("No marker here") == ((), "No marker here")


def test_text_decoding_keeps_utf8_and_reads_stray_bytes_as_latin1() -> None:
    assert decode_text("Zürich".encode()) == "Zürich"
    assert decode_text("Zürich".encode("latin-1")) == "Zürich"
    assert decode_text("Zürich ".encode() + "Genève".encode("latin-1")) == "Zürich Genève"
    assert decode_text(b"\xff\xfe" + "Zürich".encode("utf-16-le")) == "Zürich"
