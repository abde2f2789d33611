"""Choose the schedule's filters: track, room, starred, with notes, hidden."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Checkbox, Select

from confnote.schedule_filter import ScheduleFilter
from confnote.ui.screens.form import FormScreen


class ScheduleFiltersScreen(FormScreen[ScheduleFilter]):
    title_text = "Filter the schedule"

    def __init__(self, current: ScheduleFilter, tracks: list[str], rooms: list[str]) -> None:
        super().__init__()
        self._current, self._tracks, self._rooms = current, tracks, rooms

    def fields(self) -> list[tuple[str, Widget]]:
        rule = self._current
        return [
            (
                "Track",
                Select(
                    [(t, t) for t in self._tracks],
                    value=rule.track or Select.NULL,
                    prompt="any track",
                    id="filter-track",
                ),
            ),
            (
                "Room",
                Select(
                    [(r, r) for r in self._rooms],
                    value=rule.room or Select.NULL,
                    prompt="any room",
                    id="filter-room",
                ),
            ),
            ("", Checkbox("Starred only", rule.starred_only, id="filter-starred")),
            ("", Checkbox("With notes only", rule.with_notes_only, id="filter-notes")),
            ("", Checkbox("Show hidden talks", rule.show_hidden, id="filter-hidden")),
        ]

    def result(self) -> ScheduleFilter:
        track = self.query_one("#filter-track", Select).value
        room = self.query_one("#filter-room", Select).value
        return self._current.with_(
            track=track if isinstance(track, str) else "",
            room=room if isinstance(room, str) else "",
            starred_only=self.query_one("#filter-starred", Checkbox).value,
            with_notes_only=self.query_one("#filter-notes", Checkbox).value,
            show_hidden=self.query_one("#filter-hidden", Checkbox).value,
        )
