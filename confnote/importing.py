"""Importing a schedule in three steps, so a caller can run each where it belongs.

1. ``plan_import`` / ``plan_refresh``: quick store reads (which conference, which
   source, its HTTP validators, the zone for files that carry none).
2. ``fetch_and_parse``: disk or network and parsing; touches no store, so the app
   runs it apart from the thread that saves notes.
3. ``apply_import``: one store transaction.
The command line runs the three in a row.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from confnote.errors import ConfnoteError

if TYPE_CHECKING:
    from confnote.schedule.fetch import FetchResult
    from confnote.schedule.model import ParsedSchedule
    from confnote.store.api import Store
    from confnote.store.records import Conference
    from confnote.store.schedule_records import ImportReport, ScheduleSource


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """``zone`` reads the times a file gives without a zone; with ``zone_chosen`` (the app's
    import dialog) a new conference also takes it, whatever zone the file names."""

    location: str
    conference_id: int | None
    known: ScheduleSource | None
    zone: str
    new: bool = False
    zone_chosen: bool = False


@dataclass(frozen=True, slots=True)
class Fetched:
    """What step 2 found: a parsed schedule, or None when the source is not modified."""

    result: FetchResult
    parsed: ParsedSchedule | None


def plan_import(
    store: Store,
    source: str,
    *,
    conference_id: int | None = None,
    zone: str | None = None,
    new: bool = False,
    zone_chosen: bool = False,
) -> ImportPlan:
    """Import ``source`` into the named conference, the one it came from before, or a new one;
    see ImportPlan for ``zone`` and ``zone_chosen``."""
    from confnote.schedule.source import schedule_location

    if conference_id is not None and new:
        raise ConfnoteError("--new and --conference exclude each other")
    location = schedule_location(source)
    known = None if new else store.schedule_source_at(location)
    if known is not None and conference_id not in (None, known.conference_id):
        known = None
    target = known.conference_id if known is not None else conference_id
    chosen = zone_chosen and zone is not None
    return ImportPlan(location, target, known, _zone(store, target, zone), new, chosen)


def plan_refresh(store: Store, conference_id: int, *, zone: str | None = None) -> ImportPlan:
    """Fetch a conference's schedule again from where it last came from."""
    known = store.schedule_source(conference_id)
    if known is None:
        name = store.conference(conference_id).name
        raise ConfnoteError(f"{name} has no schedule imported from a file or URL; import one first")
    return ImportPlan(known.location, conference_id, known, _zone(store, conference_id, zone))


def _zone(store: Store, conference_id: int | None, zone: str | None) -> str:
    if zone is not None:
        return zone
    return store.conference(conference_id).time_zone if conference_id is not None else "UTC"


def fetch_and_parse(plan: ImportPlan) -> Fetched:
    from confnote.schedule import parse_schedule
    from confnote.schedule.source import read_schedule

    known = plan.known
    result = read_schedule(
        plan.location,
        etag=known.etag if known else "",
        last_modified=known.last_modified if known else "",
    )
    if result.not_modified and known is not None:
        return Fetched(result, None)
    parsed = parse_schedule(result.body, plan.location, default_zone=plan.zone)
    if plan.zone_chosen:
        parsed = replace(parsed, time_zone=plan.zone)
    return Fetched(result, parsed)


def apply_import(store: Store, plan: ImportPlan, fetched: Fetched) -> ImportReport | None:
    """Write the schedule in one transaction; None when the source was not modified."""
    parsed = fetched.parsed
    if parsed is None:
        return None
    if plan.conference_id is None and not plan.new:
        _refuse_namesake(store, parsed.slug, parsed.title)
    return store.import_schedule(
        parsed,
        conference_id=plan.conference_id,
        source=plan.location,
        etag=fetched.result.etag,
        last_modified=fetched.result.last_modified,
    )


class NamesakeError(ConfnoteError):
    """The schedule would create a second conference with the name of an existing one."""

    def __init__(self, existing: Conference) -> None:
        self.existing = existing
        super().__init__(f"a conference {existing.name!r} ({existing.slug}) already exists")


def _refuse_namesake(store: Store, *names: str) -> None:
    """A new conference must not silently duplicate one the store already has."""
    for name in names:
        existing = store.find_conference(name) if name.strip() else None
        if existing is not None:
            raise NamesakeError(existing)
