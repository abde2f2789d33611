"""IANA time zone names as people type them: validated, spelled as the tz database does,
and the list to complete them from."""

from __future__ import annotations

from functools import cache

from confnote.errors import ConfnoteError


@cache
def zone_names() -> tuple[str, ...]:
    """Every IANA zone name, sorted. Reading the tz database takes a tenth of a second:
    call this off the UI thread first."""
    from zoneinfo import available_timezones

    return tuple(sorted(available_timezones() | {"UTC"}))


def unknown_zone(name: str) -> ConfnoteError:
    return ConfnoteError(f"unknown time zone {name!r}; use an IANA name like Europe/Brussels")


def iana_zone(typed: str) -> str:
    """The zone ``typed`` names, spelled as the tz database does ("europe/brussels" →
    "Europe/Brussels"); ConfnoteError when there is none."""
    name = typed.strip()
    if name.upper() == "UTC":
        return "UTC"
    if name in zone_names():
        return name
    folded = name.casefold()
    spelled = next((known for known in zone_names() if known.casefold() == folded), None)
    if spelled is None:
        raise unknown_zone(name)
    return spelled


def complete_zone(typed: str) -> str | None:
    """The first zone name that starts with ``typed`` (any case), to offer as completion."""
    folded = typed.strip().casefold()
    if not folded:
        return None
    return next((name for name in zone_names() if name.casefold().startswith(folded)), None)
