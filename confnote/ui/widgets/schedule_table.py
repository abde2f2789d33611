"""The table of talks: one row per talk with glyphs, time, room, title and speakers."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist, RowKey

from confnote.clock_format import clock_time
from confnote.store.records import Talk
from confnote.ui.widgets.schedule_columns import (
    GAP,
    LABELS,
    Layout,
    cell_text,
    fit_columns,
    mark_slots,
    talk_marks,
    track_colour,
)


class ScheduleTable(DataTable[Text]):
    """Rows keyed by talk id. Rendering only: the pane decides what to show."""

    DEFAULT_CSS = """
    ScheduleTable { scrollbar-size-vertical: 1; overflow-x: hidden; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left",
            "previous_day",
            "Prev day",
            show=False,
            id="schedule.left",
            tooltip="Show the previous day",
        ),
        Binding(
            "right",
            "next_day",
            "Next day",
            show=False,
            id="schedule.right",
            tooltip="Show the next day",
        ),
        Binding(
            "home",
            "scroll_top",
            "First talk",
            show=False,
            id="schedule.home",
            tooltip="Go to the first talk in the list",
        ),
        Binding(
            "end",
            "scroll_bottom",
            "Last talk",
            show=False,
            id="schedule.end",
            tooltip="Go to the last talk in the list",
        ),
    ]

    def __init__(self, *, id: str | None = None, twelve_hour: bool = False) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, cell_padding=0)
        self._twelve_hour = twelve_hour
        self._talks: list[Talk] = []
        self._conflicts: set[int] = set()
        self._running_ids: set[int] = set()
        self._where: tzinfo | None = None
        self._with_day = False
        self._slots: dict[str, int] = {}
        self._with_track_bar = False
        self._layout = Layout({})
        self._keep_place_when_shown = True

    def show(
        self,
        talks: Sequence[Talk],
        *,
        where: tzinfo,
        conflicts: set[int],
        running: set[int],
        with_day: bool,
        keep_place: bool = True,
    ) -> None:
        """Show ``talks`` (already filtered and ordered), keeping the cursor on its talk.

        With ``keep_place`` (the same list, changed) the view stays put and a cursor whose
        talk left the list stays on the row that took its place; else a cursor whose talk
        is not shown starts at the top.
        """
        self._talks = list(talks)
        self._conflicts, self._running_ids = conflicts, running
        self._where, self._with_day = where, with_day
        self._render_rows(keep_place=keep_place)

    @property
    def _time_width(self) -> int:
        """ "Sat 10:45" or "10:45"; a 12-hour clock needs two more cells ("10:45am")."""
        return (10 if self._with_day else 6) + (2 if self._twelve_hour else 0)

    def _render_rows(self, *, keep_place: bool = True) -> None:
        where = self._where
        if where is None:
            return
        width = self._width()
        if not width:  # the pane is hidden: fill once it is laid out
            self._layout, self._keep_place_when_shown = Layout({}), keep_place
            return
        current, row, scroll_y = self.current_talk_id, self.cursor_row, self.scroll_y
        self.clear(columns=True)
        self._slots = mark_slots(self._talks, self._conflicts)
        self._with_track_bar = any(talk.track for talk in self._talks)
        self._layout = self._fit(width)
        for key, column_width in self._layout.widths.items():
            label = "" if key == "marks" else "Time" if key == "time" else LABELS[key]
            self.add_column(label, width=column_width, key=key)
        for talk in self._talks:
            self.add_row(*self._cells(talk, where), key=str(talk.id))
        found = current is not None and self.select_talk(current, scroll=not keep_place)
        if not found and keep_place and self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1), animate=False, scroll=False)
        if keep_place:
            self.call_after_refresh(self._scroll_back, scroll_y)

    def _scroll_back(self, scroll_y: float) -> None:
        """Put the view back where it was, then make sure the cursor's row is in it."""
        self.scroll_to(y=scroll_y, animate=False, immediate=True)
        if self.row_count:
            self._scroll_cursor_into_view()

    def _width(self) -> int:
        """The table's width; while it is not shown yet (the pane held the "no talks" hint
        until now), the width it will take: all of its pane's, so the rows are built at
        once, not after the next layout."""
        if self.size.width or self.parent is None:
            return self.size.width
        return self.parent.content_size.width if isinstance(self.parent, Widget) else 0

    def _fit(self, width: int) -> Layout:
        """The columns' widths at ``width``."""
        marks_width = sum(self._slots.values()) + self._with_track_bar
        fixed = {"marks": max(marks_width, 1) + GAP, "time": self._time_width + GAP}
        # One cell stays free for the vertical scrollbar.
        return fit_columns(self._talks, width - 1, fixed)

    def _cells(self, talk: Talk, where: tzinfo) -> list[Text]:
        running = talk.id in self._running_ids
        style = "bold green" if running else ""
        if talk.cancelled:
            style = "strike dim"
        elif talk.hidden:
            style = "dim italic"
        start = talk.starts_at.astimezone(where)
        when = clock_time(start, self._twelve_hour)
        when = f"{start:%a} {when}" if self._with_day else when
        cells = [self._glyphs(talk), Text(("▶" if running else " ") + when, style=style)]
        for key in self._layout.keys[2:]:
            text = Text(cell_text(talk, key, self._layout.widths[key] - GAP), style=style)
            if key == "speakers":
                text.stylize(style or "dim")
            elif key == "track" and talk.track:
                text.stylize(track_colour(talk.track))
            cells.append(text)
        return cells

    def _glyphs(self, talk: Talk) -> Text:
        glyphs = Text(no_wrap=True)
        if self._with_track_bar:
            glyphs.append("▌" if talk.track else " ", style=track_colour(talk.track))
        for slot, (glyph, style) in talk_marks(talk, self._conflicts).items():
            if slot in self._slots:
                glyphs.append(glyph.ljust(self._slots[slot]), style=style)
        return glyphs

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """The table's scrollable size once rows are added. Textual's own method measures
        every new cell for the widths of auto-width columns, which this table never has
        (each column gets its width from ``_fit``): 60–120 ms for a 560-talk day, spent
        before the rows can be painted. (DataTable internals, as of the pinned Textual 8.2.)"""
        keys = list(new_rows)
        added = [self.rows[key] for key in keys if key in self.rows]
        if any(column.auto_width for column in self.columns.values()) or any(
            row.auto_height or row.label is not None for row in added
        ):
            super()._update_dimensions(keys)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(
            width + self._row_label_column_width, self._total_row_height + header
        )

    def on_resize(self) -> None:
        # Adding rows resizes the table too (its virtual size): refill only when the
        # columns would change, so a day's rows are not built twice.
        if self._fit(self.size.width) != self._layout:
            self._render_rows(keep_place=self._keep_place_when_shown)
            self._keep_place_when_shown = True

    @property
    def current_talk_id(self) -> int | None:
        if not self.row_count or self.cursor_row < 0:
            return None
        try:
            key = self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0)).row_key
        except Exception:
            return None
        return int(key.value) if key.value is not None else None

    @property
    def current_talk(self) -> Talk | None:
        talk_id = self.current_talk_id
        return next((talk for talk in self._talks if talk.id == talk_id), None)

    @property
    def talks(self) -> list[Talk]:
        return self._talks

    def select_talk(self, talk_id: int, *, scroll: bool = True) -> bool:
        """Move the cursor to a talk's row; False when it is not shown."""
        try:
            index = self.get_row_index(str(talk_id))
        except Exception:
            return False
        self.move_cursor(row=index, animate=False, scroll=scroll)
        return True

    def select_talk_in_block(self, talk_id: int, block: Sequence[int]) -> bool:
        """Move the cursor to a talk's row and scroll so that as many rows of ``block`` (the
        talks running now) as fit show with it, earliest first."""
        if not self.select_talk(talk_id):
            return False
        target = self.cursor_row
        rows = [target]
        for other in block:
            with contextlib.suppress(RowDoesNotExist):
                rows.append(self.get_row_index(str(other)))
        height = max(self.scrollable_content_region.height - self.header_height, 1)
        last = max(rows)
        top = min(min(row for row in rows if last - row < height), target)
        if target - top >= height:
            top = target
        self.call_after_refresh(self.scroll_to, y=top, animate=False)
        return True

    def refresh_talk(self, talk: Talk) -> None:
        """Redraw one row after the talk changed (star, attended, note…)."""
        self._talks = [talk if t.id == talk.id else t for t in self._talks]
        if self._where is None:
            return
        if mark_slots(self._talks, self._conflicts) != self._slots:
            self._render_rows()  # the marks column grows or shrinks
            return
        try:
            row_index = self.get_row_index(str(talk.id))
        except Exception:
            return
        for column, cell in enumerate(self._cells(talk, self._where)):
            self.update_cell_at(Coordinate(row_index, column), cell)

    def mark_running(self, running: set[int], conflicts: set[int]) -> None:
        if running != self._running_ids or conflicts != self._conflicts:
            self._running_ids, self._conflicts = running, conflicts
            self._render_rows()

    def action_previous_day(self) -> None:
        self.post_message(self.DayStep(-1))

    def action_next_day(self) -> None:
        self.post_message(self.DayStep(1))

    @dataclass
    class DayStep(Message):
        """Asks the pane to show the previous (-1) or next (+1) day."""

        step: int
