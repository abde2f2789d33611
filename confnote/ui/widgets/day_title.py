"""The schedule's title line: the day shown, with ◀ ▶ that change day when clicked."""

from __future__ import annotations

from textual.widgets import Static

from confnote.ui.widgets.schedule_table import ScheduleTable


class DayTitle(Static):
    """Its text may hold ``[@click=previous_day]`` and ``[@click=next_day]``; the schedule
    pane changes the day."""

    def action_previous_day(self) -> None:
        self.post_message(ScheduleTable.DayStep(-1))

    def action_next_day(self) -> None:
        self.post_message(ScheduleTable.DayStep(1))
