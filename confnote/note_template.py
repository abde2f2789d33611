"""The text a new talk note starts from."""

from __future__ import annotations

from datetime import tzinfo

from confnote.store.records import Talk


def note_template(talk: Talk, where: tzinfo) -> str:
    start = talk.starts_at.astimezone(where)
    end = talk.ends_at.astimezone(where)
    facts = [", ".join(talk.speakers), f"{start:%a %d %b %H:%M}–{end:%H:%M}", talk.room]
    return (
        f"# {talk.title}\n"
        f"_{' · '.join(fact for fact in facts if fact)}_\n"
        "\n## Key takeaways\n\n- \n"
        "\n## Notes\n\n"
        "\n## Action items\n\n- [ ] \n"
    )
