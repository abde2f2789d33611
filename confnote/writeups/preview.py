"""The structure a write-up import found, as lines of text: what the dry run prints and
the app's preview shows."""

from __future__ import annotations

from confnote.writeups.model import ParsedWriteup

MAX_WARNINGS_SHOWN = 10


def preview_lines(parsed: ParsedWriteup, *, conference_name: str = "") -> list[str]:
    info = parsed.conference
    name = conference_name or info.name or "?"
    dates = ""
    if info.starts_on:
        dates = f", {info.starts_on.isoformat()}"
        if info.ends_on and info.ends_on != info.starts_on:
            dates += f" to {info.ends_on.isoformat()}"
    lines = [f"{parsed.source} ({parsed.format})", f"Conference: {name}{dates}"]
    meta = parsed.metadata
    byline = ", ".join(
        part for part in (meta.author, meta.published.isoformat() if meta.published else "") if part
    )
    if meta.title or byline:
        lines.append(f"Title: {meta.title or '?'}" + (f" ({byline})" if byline else ""))
    if parsed.days:
        lines.append(f"Days: {', '.join(parsed.days)}")
    lines.append(f"Talks: {len(parsed.talks)}")
    for number, talk in enumerate(parsed.talks, start=1):
        kind = "" if talk.kind == "talk" else f"[{talk.kind}] "
        tags = " ".join(talk.tags)
        speakers = f" — {', '.join(talk.speakers)}" if talk.speakers else ""
        extra = [f"note {len(talk.note)} chars"]
        if talk.links:
            extra.append(f"{len(talk.links)} link{'s' * (len(talk.links) != 1)}")
        if talk.day:
            extra.append(talk.day)
        lines.append(
            f"  {number:>2}. {tags + ' ' if tags else ''}{kind}{talk.title}{speakers}"
            f"  ({', '.join(extra)})"
        )
    if parsed.notes:
        lines.append(f"Conference notes: {len(parsed.notes)}")
        lines.extend(f"  - {note.title} ({len(note.body)} chars)" for note in parsed.notes)
    if parsed.todos:
        watch = sum(1 for todo in parsed.todos if todo.kind == "watch_later")
        lines.append(f"TODOs: {watch} watch later, {len(parsed.todos) - watch} follow-up")
        for todo in parsed.todos:
            about = f" → {todo.talk_title}" if todo.talk_title else ""
            lines.append(f"  - [{todo.kind.replace('_', ' ')}] {todo.text}{about}")
    if parsed.links:
        lines.append(f"Conference links: {len(parsed.links)}")
    for warning in parsed.warnings[:MAX_WARNINGS_SHOWN]:
        lines.append(f"Warning: {warning}")
    return lines
