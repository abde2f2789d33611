from __future__ import annotations

from pathlib import Path

from confnote.store import Conference, RevisionKind, Store
from tests.helpers import talk_details


def test_first_save_creates_the_talk_note(store: Store, conference: Conference) -> None:
    talk = store.add_talk(conference.id, talk_details("a", "One"))
    assert store.note_for_talk(talk.id) is None
    note = store.save_talk_note(talk.id, "# Notes\n\nhello")
    assert (note.body, note.version, note.talk_id) == ("# Notes\n\nhello", 1, talk.id)
    assert store.talk(talk.id).has_note


def test_whitespace_only_note_does_not_count_as_having_notes(
    store: Store, conference: Conference
) -> None:
    talk = store.add_talk(conference.id, talk_details("a", "One"))
    store.save_talk_note(talk.id, "  \n ")
    assert not store.talk(talk.id).has_note


def test_each_save_bumps_the_version_and_keeps_a_revision(
    store: Store, conference: Conference
) -> None:
    talk = store.add_talk(conference.id, talk_details("a", "One"))
    note = store.save_talk_note(talk.id, "first")
    note = store.save_talk_note(talk.id, "second", base_version=note.version)
    assert note.version == 2
    assert [r.body for r in store.note_revisions(note.id)] == ["first"]


def test_rapid_saves_keep_at_most_one_revision_per_interval(db_path: object) -> None:
    from pathlib import Path

    now = [1_000_000.0]
    with Store.open(Path(str(db_path)), clock=lambda: now[0]) as store:
        conference = store.create_conference("C")
        talk = store.add_talk(conference.id, talk_details("a", "One"))
        note = store.save_talk_note(talk.id, "v1")
        for index in range(2, 6):
            now[0] += 1
            note = store.save_talk_note(talk.id, f"v{index}")
        assert [r.body for r in store.note_revisions(note.id)] == ["v1"]
        now[0] += 601
        note = store.save_talk_note(talk.id, "v6")
        assert [r.body for r in store.note_revisions(note.id)] == ["v5", "v1"]


def test_stale_writer_never_loses_the_other_text(store: Store, conference: Conference) -> None:
    talk = store.add_talk(conference.id, talk_details("a", "One"))
    base = store.save_talk_note(talk.id, "shared start")
    store.save_talk_note(talk.id, "written in window A", base_version=base.version)
    # Window B still thinks the note is at the base version.
    latest = store.save_talk_note(talk.id, "written in window B", base_version=base.version)
    assert latest.body == "written in window B"
    assert "written in window A" in [r.body for r in store.note_revisions(latest.id)]


def test_saving_the_same_body_changes_nothing(store: Store, conference: Conference) -> None:
    talk = store.add_talk(conference.id, talk_details("a", "One"))
    note = store.save_talk_note(talk.id, "same")
    assert store.save_talk_note(talk.id, "same").version == note.version


def test_conference_notes_are_listed_apart_from_talk_notes(
    store: Store, conference: Conference
) -> None:
    talk = store.add_talk(conference.id, talk_details("a", "One"))
    store.save_talk_note(talk.id, "talk text")
    intro = store.add_conference_note(conference.id, "Intro", "arrived on Friday")
    hallway = store.add_conference_note(conference.id, "Hallway track")
    assert store.conference_notes(conference.id) == [intro, hallway]
    assert [n.body for n in store.talk_notes(conference.id)] == ["talk text"]
    renamed = store.save_note(hallway.id, "met people", title="Hallway")
    assert (renamed.title, renamed.body) == ("Hallway", "met people")


def test_checklist_lines_of_notes_are_listed_and_can_be_ticked(
    store: Store, conference: Conference
) -> None:
    talk = store.add_talk(conference.id, talk_details("a", "Packaging"))
    store.save_talk_note(talk.id, "## Action items\n- [ ] try uv\n* [x] read PEP 751\ntext")
    entries = store.checklist(conference.id)
    assert [(e.talk_id, e.line, e.text, e.done) for e in entries] == [
        (talk.id, 1, "try uv", False),
        (talk.id, 2, "read PEP 751", True),
    ]
    note = store.set_checklist_item(entries[0], True)
    assert note.body == "## Action items\n- [x] try uv\n* [x] read PEP 751\ntext"
    assert [e.done for e in store.checklist(conference.id)] == [True, True]


def test_ticking_a_line_that_changed_meanwhile_is_refused(
    store: Store, conference: Conference
) -> None:
    import pytest

    from confnote.errors import ConfnoteError

    talk = store.add_talk(conference.id, talk_details("a", "Packaging"))
    store.save_talk_note(talk.id, "- [ ] try uv")
    (entry,) = store.checklist(conference.id)
    store.save_talk_note(talk.id, "- [ ] try pdm")
    with pytest.raises(ConfnoteError, match="has changed"):
        store.set_checklist_item(entry, True)
    assert store.note_for_talk(talk.id).body == "- [ ] try pdm"  # type: ignore[union-attr]


def test_a_save_from_an_editor_that_loaded_no_note_keeps_the_note_another_window_made(
    store: Store, conference: Conference
) -> None:
    talk = store.add_talk(conference.id, talk_details("a", "One"))
    # Window B opened the talk before any note existed (version 0), then A saved first.
    store.save_talk_note(talk.id, "template AAA")
    written = store.write_note("template BBB", talk_id=talk.id, base_version=0)

    assert written.note.body == "template BBB"
    assert written.conflict is not None
    assert written.conflict.body == "template AAA"
    assert written.conflict.kind is RevisionKind.CONFLICT
    assert [r.body for r in store.note_revisions(written.note.id)] == ["template AAA"]


def test_a_conflict_is_kept_as_a_pinned_revision_even_right_after_another_revision(
    db_path: Path,
) -> None:
    now = [1_000_000.0]
    with Store.open(db_path, clock=lambda: now[0]) as store:
        talk = store.add_talk(store.create_conference("C").id, talk_details("a", "One"))
        first = store.save_talk_note(talk.id, "v1")
        now[0] += 1
        second = store.save_talk_note(talk.id, "v2", base_version=first.version)
        now[0] += 1
        # The other window still edits version 1: within the revision interval, yet kept.
        written = store.write_note("v2 from B", talk_id=talk.id, base_version=first.version)

        revisions = store.note_revisions(second.id)
        assert [(r.body, r.kind, r.pinned) for r in revisions] == [
            ("v2", RevisionKind.CONFLICT, True),
            ("v1", RevisionKind.EDIT, False),
        ]
        assert written.conflict == revisions[0]


def test_a_save_on_the_version_loaded_reports_no_conflict(
    store: Store, conference: Conference
) -> None:
    talk = store.add_talk(conference.id, talk_details("a", "One"))
    created = store.write_note("first", talk_id=talk.id, base_version=0)
    again = store.write_note("second", talk_id=talk.id, base_version=created.note.version)
    assert created.conflict is None and again.conflict is None
    assert again.note.version == created.note.version + 1


def test_resolving_keeps_the_replaced_text_as_a_pinned_revision(
    store: Store, conference: Conference
) -> None:
    talk = store.add_talk(conference.id, talk_details("a", "One"))
    mine = store.write_note("mine", talk_id=talk.id, base_version=0).note
    taken = store.write_note(
        "theirs",
        talk_id=talk.id,
        base_version=mine.version,
        keep_current_as=RevisionKind.CONFLICT,
    )
    assert taken.conflict is None
    assert [(r.body, r.kind) for r in store.note_revisions(mine.id)] == [
        ("mine", RevisionKind.CONFLICT)
    ]
