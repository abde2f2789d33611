"""Notes made ready for a post: template leftovers dropped, headings shifted, structure kept."""

from __future__ import annotations

from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from confnote.export.note_body import clean_note, outline, shift_headings
from confnote.note_template import note_template
from confnote.store.records import Talk
from tests.helpers import utc


def test_the_untouched_template_is_no_note() -> None:
    start = utc("2025-05-17T09:00:00+02:00")
    talk = Talk(1, 1, "a", "Typing Without Tears", start, timedelta(minutes=30), room="Hall")
    assert clean_note(note_template(talk, UTC), talk.title) == ""
    assert clean_note(note_template(talk, ZoneInfo("Asia/Tokyo")), talk.title) == ""
    assert clean_note("   \n\n", talk.title) == ""


def test_empty_template_sections_are_dropped_and_filled_ones_kept() -> None:
    body = (
        "# Typing Without Tears\n_Ada Example · Sat 17 May 09:00–09:30 · Hall_\n\n"
        "## Key takeaways\n\n- Protocols are neat\n\n"
        "## Notes\n\n\n"
        "## Action items\n\n- [ ] \n"
    )
    assert clean_note(body, "Typing without tears") == "## Key takeaways\n\n- Protocols are neat"


def test_a_section_with_only_subsections_that_hold_text_stays() -> None:
    body = "## Notes\n\n### Part one\n\nsome text\n\n## Action items\n\n- [ ]\n"
    assert clean_note(body, "Other") == "## Notes\n\n### Part one\n\nsome text"


def test_a_heading_that_is_not_the_talk_title_stays() -> None:
    assert clean_note("# Something else\n\ntext\n", "The talk") == "# Something else\n\ntext"


def test_hash_lines_in_code_fences_are_not_headings() -> None:
    body = "## Code\n\n```sh\n# install\npip install x\n```\n"
    assert shift_headings(body, 4) == "#### Code\n\n```sh\n# install\npip install x\n```\n"
    assert clean_note("## Empty\n\n```\n# only a comment\n```\n", "t").startswith("## Empty")


def test_headings_shift_below_the_talk_heading_keeping_their_steps() -> None:
    body = "# Big\n\ntext\n\n### Deeper\n\nSetext\n------\n\n## Middle\n"
    assert shift_headings(body, 4) == (
        "#### Big\n\ntext\n\n###### Deeper\n\n##### Setext\n\n##### Middle\n"
    )


def test_shifted_headings_stop_at_level_six() -> None:
    assert shift_headings("## a\n\n###### b\n", 4) == "#### a\n\n###### b\n"


def test_outline_sees_lists_tables_code_and_images_but_not_words() -> None:
    text = "# T\n\n- a\n\n| x |\n| - |\n| 1 |\n\n```py\nx\n```\n\n![i](u.png)\n"
    shape = outline(text)
    for part in ("bullet_list_open:ul", "table_open:table", "fence:code", "image"):
        assert part in shape
    assert outline(text.replace("# T", "###### Other words")) == shape


_line = st.sampled_from(
    [
        "# Title",
        "## Section",
        "### Sub",
        "text with *emphasis* and `code`",
        "- item",
        "  - nested",
        "1. first",
        "> quote",
        "```",
        "# comment inside code?",
        "| a | b |",
        "| - | - |",
        "![img](x.png)",
        "Setext",
        "----",
        "",
    ]
)


@given(st.lists(_line, max_size=25))
def test_shifting_headings_changes_nothing_but_their_levels(lines: list[str]) -> None:
    body = "\n".join(lines)
    for level in (2, 4):
        assert outline(shift_headings(body, level)) == outline(body)
