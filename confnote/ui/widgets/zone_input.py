"""A time zone field: completes IANA names as you type (→ accepts), checks what was typed."""

from __future__ import annotations

import asyncio

from textual.suggester import Suggester
from textual.widgets import Input

from confnote.time_zones import complete_zone, iana_zone, zone_names


class ZoneSuggester(Suggester):
    """Zone names completed from the tz database, read off the UI thread."""

    def __init__(self) -> None:
        super().__init__(use_cache=True, case_sensitive=False)

    async def get_suggestion(self, value: str) -> str | None:
        await asyncio.to_thread(zone_names)
        return complete_zone(value)


class ZoneInput(Input):
    def __init__(self, value: str = "", *, id: str, placeholder: str = "Europe/Brussels") -> None:
        super().__init__(
            value, id=id, placeholder=placeholder, suggester=ZoneSuggester(), select_on_focus=False
        )

    def on_mount(self) -> None:
        # Read the zone list now, in a thread, so checking the field never waits on disk.
        self.run_worker(zone_names, thread=True, group="zone-names", exit_on_error=False)

    @property
    def zone(self) -> str:
        """The zone typed, spelled as the tz database does; ConfnoteError for an unknown one."""
        return iana_zone(self.value)
