"""A schedule import told in a few lines: what came in, or what a refresh changed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from confnote.store.schedule_records import ImportedTalk, ImportReport
from confnote.store.writeup_records import WriteupReport
from confnote.wording import counted

# At most this many changed talks are listed; starred ones come first.
MAX_LISTED = 15
_LISTING_ORDER = ("changed", "cancelled", "restored", "added", "re-keyed")


def summary_lines(
    report: ImportReport, *, days: Sequence[date] = (), limit: int = MAX_LISTED
) -> list[str]:
    """A headline, then one indented line per changed talk (or the programme days of a
    first import)."""
    name = report.conference.name
    warnings = counted(len(report.warnings), "warning")
    if not report.refreshed:
        headline = f"Imported {name}: {counted(report.talk_count, 'talk')} ({report.format})"
        lines = [_joined(headline, warnings)]
        if days:
            lines.append(f"  {_days(days)} ({report.conference.time_zone})")
        return lines
    if report.is_unchanged:
        talks = counted(report.talk_count, "talk")
        return [_joined(f"Refreshed {name}: no changes ({talks})", warnings)]
    counts = [
        _category_count(len(talks), label, talks) for label, talks in _categories(report) if talks
    ]
    counts.append(f"{report.unchanged} unchanged")
    return [_joined(f"Refreshed {name}: " + ", ".join(counts), warnings), *_changes(report, limit)]


def _categories(report: ImportReport) -> list[tuple[str, tuple[ImportedTalk, ...]]]:
    return [
        ("added", report.added),
        ("changed", report.updated),
        ("cancelled", report.cancelled),
        ("re-keyed", report.rekeyed),
        ("restored", report.restored),
    ]


def _category_count(count: int, label: str, talks: Sequence[ImportedTalk]) -> str:
    starred = sum(1 for talk in talks if talk.star)
    return f"{count} {label}" + (f" ({starred} starred)" if starred else "")


def _changes(report: ImportReport, limit: int) -> list[str]:
    """Starred talks first; then what upsets a plan (changed, cancelled) before what adds to it."""
    categories = dict(_categories(report))
    entries = [(label, talk) for label in _LISTING_ORDER for talk in categories[label]]
    entries.sort(key=lambda entry: not entry[1].star)  # stable
    width = max(len(label) for label, _ in entries)
    lines = [
        f"  {'★' if talk.star else ' '} {label:<{width}}  {talk.title}"
        + (f" — {', '.join(talk.fields)}" if talk.fields else "")
        for label, talk in entries[:limit]
    ]
    if len(entries) > limit:
        lines.append(f"    … and {len(entries) - limit} more")
    return lines


def _days(days: Sequence[date]) -> str:
    named = [f"{day:%a} {day.day} {day:%b %Y}" for day in days]
    if len(named) > 3:
        named = [named[0], "…", named[-1]]
    return f"{counted(len(days), 'day')}: " + ", ".join(named)


def _joined(headline: str, warnings: str) -> str:
    return headline if warnings.startswith("0 ") else f"{headline}, {warnings}"


def writeup_summary(report: WriteupReport) -> str:
    """One line saying what importing a write-up did."""
    where = f"{report.conference.name} ({report.conference.slug})"
    if report.unchanged:
        return f"{where}: {report.location} is unchanged since it was imported"
    parts = [
        f"{counted(len(report.talks_added), 'talk')} added",
        f"{len(report.talks_matched)} matched to scheduled talks",
        counted(report.conference_notes, "conference note"),
        counted(report.todos, "TODO"),
    ]
    if report.talks_updated:
        parts.insert(1, f"{len(report.talks_updated)} renamed")
    return f"{where}: {', '.join(parts)} from {report.location}"
