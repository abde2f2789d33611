from __future__ import annotations

from pathlib import Path

from confnote.drafts import drafts_of, keep_draft, recovery_dir


def test_a_kept_draft_is_found_again_with_its_note_and_text(tmp_path: Path) -> None:
    database = tmp_path / "confnote.db"
    talk = keep_draft(database, "typed while locked", talk_id=7, note_id=None)
    note = keep_draft(database, "conference note", talk_id=None, note_id=3)

    found = drafts_of(database)
    assert [(d.talk_id, d.note_id, d.read()) for d in found] == [
        (7, None, "typed while locked"),
        (None, 3, "conference note"),
    ]
    assert talk.path.parent == note.path.parent == recovery_dir(database)
    assert talk.path.stat().st_mode & 0o777 == 0o600


def test_drafts_of_another_database_beside_it_are_not_offered(tmp_path: Path) -> None:
    keep_draft(tmp_path / "other.db", "not yours", talk_id=1, note_id=None)
    (recovery_dir(tmp_path / "a.db") / "stray.md").write_text("x")
    assert drafts_of(tmp_path / "a.db") == []
    assert drafts_of(tmp_path / "nowhere" / "a.db") == []
