"""The schedule pane: a day at a time, filters, now/next, and keys for the attendee's marks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, tzinfo
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import DataTable, Input, Static

from confnote import agenda
from confnote.config import Settings
from confnote.schedule_filter import (
    ScheduleFilter,
    matches_by_day,
    starred_conflicts,
    visible_talks,
)
from confnote.store.place import Place
from confnote.store.records import Conference, Talk
from confnote.ui.pending_marks import PendingMarks
from confnote.ui.requests import OpenTalk
from confnote.ui.talk_requests import mark_request, save_talk_request
from confnote.ui.widgets.day_title import DayTitle
from confnote.ui.widgets.schedule_table import ScheduleTable
from confnote.wording import counted

if TYPE_CHECKING:
    from confnote.schedule.model import TalkDetails

NO_TALKS = (
    "No talks to show here.\n\n"
    "[b]ctrl+o[/b] imports a schedule or a write-up · [b]+[/b] adds a talk by hand · "
    "[b]Esc[/b] clears filters · [b]\\[ ][/b] change day"
)
NO_MATCH_HERE = (
    "No match on {day} · other days: {elsewhere}.\n\n"
    "[b]m[/b] shows the next day with a match · [b]Esc[/b] clears filters · "
    "[b]\\[ ][/b] change day"
)
NO_MATCH = "No match on any day.\n\n[b]Esc[/b] clears filters"
NO_CONFERENCE = (
    "No conference yet.\n\n"
    "[b]ctrl+o[/b] imports a schedule (frab/pretalx XML or JSON, iCalendar, CSV)\n"
    "       or a write-up (saved blog post, Markdown, reST, plain text)\n"
    "[b]F5[/b] creates a conference by hand, e.g. for a meetup"
)


def _b(key: str, action: str, description: str, tooltip: str, show: bool = True) -> Binding:
    return Binding(key, action, description, show=show, id=f"schedule.{action}", tooltip=tooltip)


class SchedulePane(Vertical):
    """Talks of the current conference. Asks the app (by message) to change anything."""

    BORDER_TITLE = "Schedule"

    BINDINGS: ClassVar[list[BindingType]] = [
        _b("enter", "open_talk", "Open", "Open the talk's note", show=False),
        _b("i", "details", "Details", "Show the talk's abstract, times, speakers and links"),
        _b("s", "star", "Star", "Cycle the star level: none, one, two"),
        _b("a", "attended", "Attended", "Mark or unmark the talk as attended"),
        _b("w", "watch_later", "Watch later", "Add or remove a watch-later TODO"),
        _b("x", "hide", "Hide", "Hide or unhide the talk", show=False),
        _b("slash", "filter_text", "Filter", "Filter talks by text as you type"),
        _b("f", "filters", "Filters", "Filter by track, room, starred, notes"),
        _b("asterisk", "starred_only", "Starred", "Show only starred talks", show=False),
        _b("left_square_bracket", "previous_day", "Prev day", "Show the previous day", show=False),
        _b("right_square_bracket", "next_day", "Next day", "Show the next day", show=False),
        _b("d", "all_days", "All days", "Show one day or every day", show=False),
        _b("m", "next_match_day", "Next match", "Show the next day with a match for the filters"),
        _b("full_stop", "jump_now", "Now", "Jump to the talk running now (or next)"),
        _b("n", "next_starred", "Next ★", "Jump to the next starred talk"),
        _b("z", "toggle_zone", "Zone", "Show times in the conference zone or yours"),
        _b("c", "conference_notes", "Conf notes", "Notes of the conference itself"),
        _b("plus", "add_talk", "Add talk", "Add a talk by hand", show=False),
        _b("R", "refresh", "Refresh", "Refresh the schedule from its file or URL", show=False),
        _b("e", "edit_talk", "Edit talk", "Edit the talk's schedule fields", show=False),
        _b("escape", "clear_filters", "Clear", "Clear every filter", show=False),
    ]

    DEFAULT_CSS = """
    SchedulePane #schedule-title { height: auto; max-height: 3; padding: 0 1; background: $boost; }
    SchedulePane #schedule-filter { display: none; height: 3; }
    SchedulePane.-filtering #schedule-filter { display: block; }
    SchedulePane ScheduleTable { height: 1fr; }
    SchedulePane #schedule-empty { display: none; padding: 1 2; color: $text-muted; }
    SchedulePane.-empty #schedule-empty { display: block; }
    SchedulePane.-empty ScheduleTable { display: none; }
    """

    use_local_zone: reactive[bool] = reactive(False)
    rule: reactive[ScheduleFilter] = reactive(ScheduleFilter, always_update=True)

    @dataclass
    class Request(Message):
        """An app-wide action asked for from the schedule: ``what`` names it."""

        what: str

    def __init__(
        self,
        clock: Callable[[], datetime],
        local_zone: tzinfo,
        *,
        id: str,
        settings: Settings | None = None,
    ) -> None:
        """``settings`` say which zone to start in and which clock to show."""
        super().__init__(id=id)
        self._clock = clock
        self._local_zone = local_zone
        self._settings = settings or Settings()
        self.set_reactive(SchedulePane.use_local_zone, self._settings.local_time)
        self.conference: Conference | None = None
        self.talks: list[Talk] = []
        self.programme = agenda.ProgrammeDays(UTC)
        self._days: list[date] = []
        # While a filter narrows one day: how many talks it matches on each other day.
        self._other_days: dict[date, int] = {}
        self._pending_marks = PendingMarks()

    def compose(self) -> ComposeResult:
        yield DayTitle(id="schedule-title")
        yield Input(
            placeholder="filter: words in title, speakers, room, track", id="schedule-filter"
        )
        yield ScheduleTable(id="schedule-table", twelve_hour=self._settings.twelve_hour)
        empty_hint = Static(NO_TALKS, id="schedule-empty")
        empty_hint.can_focus = True
        yield empty_hint

    @property
    def table(self) -> ScheduleTable:
        return self.query_one(ScheduleTable)

    @property
    def conference_zone(self) -> tzinfo:
        return agenda.zone(self.conference.time_zone) if self.conference else UTC

    @property
    def display_zone(self) -> tzinfo:
        return self._local_zone if self.use_local_zone else self.conference_zone

    def load(
        self,
        conference: Conference,
        talks: list[Talk],
        programme: agenda.ProgrammeDays,
        *,
        resume: Place | None = None,
    ) -> None:
        """Show a (new) conference: at the day and talk of ``resume`` (where the app was
        left), else on today's programme day and at now while the conference runs."""
        changed_conference = self.conference is None or self.conference.id != conference.id
        if changed_conference:
            self._pending_marks = PendingMarks()
        talks = [self._pending_marks.shown(talk) for talk in talks]
        if (conference, talks, programme) == (self.conference, self.talks, self.programme):
            # A reload after another window wrote something else, or the store's load
            # repeating what the first screen showed: nothing to redraw.
            return
        days_before, cursor = self.programme, self.table.current_talk_id
        self.conference, self.talks, self.programme = conference, talks, programme
        self._count_days()
        if changed_conference:
            if resume is None or not self._resume(resume.day, resume.talk_id):
                self._start()
        elif programme != days_before and (talk := self._moved_to_another_day(cursor)):
            self._go_to(talk, focus=False)  # new day boundaries (a new time zone): follow it
        else:
            self._refresh_table()

    def _moved_to_another_day(self, talk_id: int | None) -> Talk | None:
        """The talk ``talk_id`` when it is no longer on the day shown."""
        talk = next((t for t in self.talks if t.id == talk_id), None)
        if talk is None or self.rule.day in (None, self.programme.day_of(talk.starts_at)):
            return None
        return talk

    def _start(self) -> None:
        now = self._clock()
        during = agenda.under_way(self.talks, now)
        today = self.programme.day_of(now)
        self.rule = ScheduleFilter(
            day=today if during and today in self._days else self._first_day()
        )
        if during:  # start at what is on now
            self.call_after_refresh(self._go_to_now, focus=False)

    def _resume(self, day: date | None, talk_id: int | None) -> bool:
        """Show ``day`` (None: all days) with the cursor on the talk; a talk that moved
        takes its day along. False when neither the day nor the talk is there any more."""
        talk = next((t for t in self.talks if t.id == talk_id), None)
        if day is not None and day not in self._days:
            if talk is None:
                return False
            day = self.programme.day_of(talk.starts_at)
        self.rule = ScheduleFilter(day=day)
        if talk is not None:
            self.call_after_refresh(self._go_to, talk, focus=False)
        return True

    def _count_days(self) -> None:
        self._days = self.programme.days_of(talk.starts_at for talk in self.talks)

    def show_waiting(self, text: str) -> None:
        """Before any conference: say what the pane waits for."""
        if self.conference is None:
            self.query_one("#schedule-empty", Static).update(text)

    def clear(self) -> None:
        """Show no conference: the open one was deleted and none is left."""
        self.conference, self.talks, self._days = None, [], []
        self.programme = agenda.ProgrammeDays(UTC)
        self.border_title = None
        self._refresh_table()

    def update_talks(self, changed: list[Talk]) -> None:
        """Show changed or new talks; talks of another conference (a late reply) are ignored."""
        if self.conference is None:
            return
        mine = self.conference.id
        changed = [self._pending_marks.shown(t) for t in changed if t.conference_id == mine]
        conflicts_before = starred_conflicts(self.talks)
        by_id = {talk.id: talk for talk in changed}
        before = {talk.id: talk for talk in self.talks}
        known = set(before)
        moved = [t for t in changed if t.id in before and t.starts_at != before[t.id].starts_at]
        self.talks = [by_id.get(talk.id, talk) for talk in self.talks]
        self.talks += [talk for talk in changed if talk.id not in known]
        self.talks.sort(key=lambda talk: (talk.starts_at, talk.room, talk.id))
        self._count_days()
        needs_rebuild = any(talk.id not in known for talk in changed) or self.rule.starred_only
        needs_rebuild |= any(talk.hidden and not self.rule.show_hidden for talk in changed)
        needs_rebuild |= starred_conflicts(self.talks) != conflicts_before or bool(moved)
        current = self.table.current_talk_id
        for talk in moved:
            new_day = self.programme.day_of(talk.starts_at)
            if talk.id == current and self.rule.day not in (None, new_day):
                self._go_to(talk)  # the talk under the cursor moved to another day: follow it
                return
        if needs_rebuild:
            self._refresh_table()
        else:
            for talk in changed:
                self.table.refresh_talk(talk)
        added = [talk for talk in changed if talk.id not in known]
        if len(added) == 1:  # added by hand (+): show it
            self._go_to(added[0], focus=False)

    def watch_rule(self) -> None:
        self._refresh_table(keep_place=False)
        self.refresh_bindings()  # m shows in the footer only while a filter narrows a day

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_match_day":
            return self.rule.day is not None and self.rule.narrows
        return True

    def watch_use_local_zone(self) -> None:
        self._refresh_table()

    def tick(self) -> None:
        """Called every so often so the running-now highlight follows the clock."""
        if self.conference is not None:
            self.table.mark_running(self._running_now(), starred_conflicts(self.talks))

    def _running_now(self) -> set[int]:
        return {talk.id for talk in agenda.running_at(self.talks, self._clock())}

    def on_mount(self) -> None:
        self.call_after_refresh(self._refresh_table)

    def _refresh_table(self, *, keep_place: bool = True) -> None:
        if not self.is_mounted:
            return
        if self.conference is None:
            self._set_empty(True)
            self.query_one("#schedule-empty", Static).update(NO_CONFERENCE)
            self._update_title(0)
            return
        shown = self._matching_talks()
        self.query_one("#schedule-empty", Static).update(self._empty_hint())
        self.table.show(
            shown,
            where=self.display_zone,
            conflicts=starred_conflicts(self.talks),
            running=self._running_now(),
            with_day=self.rule.day is None,
            keep_place=keep_place,
        )
        self._set_empty(not shown)
        self._update_title(len(shown))

    def _matching_talks(self) -> list[Talk]:
        """The talks the filters show; counts the other days' matches while they narrow a day."""
        rule, self._other_days = self.rule, {}
        if rule.day is None or not rule.narrows:
            return visible_talks(self.talks, rule, self.programme)
        by_day = matches_by_day(self.talks, rule, self.programme)
        shown = by_day.pop(rule.day, [])
        self._other_days = {day: len(talks) for day, talks in sorted(by_day.items())}
        return shown

    def _empty_hint(self) -> str:
        if not self.rule.narrows:
            return NO_TALKS
        if self.rule.day is None or not self._other_days:
            return NO_MATCH
        return NO_MATCH_HERE.format(day=f"{self.rule.day:%a %d %b}", elsewhere=self._elsewhere())

    def _elsewhere(self) -> str:
        """The other days' matches: "12 on Sat, 3 on Sun"."""
        weekdays = [day.weekday() for day in self._days]
        same_weekday_twice = len(set(weekdays)) < len(weekdays)
        return ", ".join(
            f"{count} on {day:%a %d}" if same_weekday_twice else f"{count} on {day:%a}"
            for day, count in self._other_days.items()
        )

    def _set_empty(self, empty: bool) -> None:
        """Show the hint instead of an empty table; the focus moves with them, so the pane's
        keys (Esc, [ ], d) keep working."""
        if empty == self.has_class("-empty"):
            return  # nothing swaps: a focus asked for elsewhere meanwhile stands
        empty_hint = self.query_one("#schedule-empty", Static)
        had_focus = self.table.has_focus or empty_hint.has_focus
        self.set_class(empty, "-empty")
        if had_focus:
            self.focus_list()

    def focus_list(self) -> None:
        """Focus the table, or the hint that stands in for it when no talk is shown."""
        target = self.query_one("#schedule-empty") if self.has_class("-empty") else self.table
        target.focus()

    def _update_title(self, shown: int) -> None:
        if self.conference is None:
            self.query_one("#schedule-title", Static).update("No conference")
            return
        day = self.rule.day
        if day is None:
            day_label = "All days"
        else:
            number = self._days.index(day) + 1 if day in self._days else 0
            day_label = f"{day:%a %d %b}" + (f" (day {number}/{len(self._days)})" if number else "")
        # The offset in force on the day shown (or now), not on the machine's today.
        shown_at = datetime.combine(day, time(12), self.conference_zone) if day else self._clock()
        offset = shown_at.astimezone(self.display_zone).strftime("%z")
        zone_name = "your time" if self.use_local_zone else self.conference.time_zone
        zone_label = f"{zone_name} (UTC{offset[:3]}:{offset[3:]})"
        extra = f" · {self.rule.summary}" if self.rule.summary else ""
        if day is not None and self.rule.narrows:
            extra += f" · other days: {self._elsewhere() or 'none'}"
        day_switch = f"[@click=previous_day]◀[/] {day_label} [@click=next_day]▶[/]"
        self.query_one("#schedule-title", Static).update(
            f"[b]{day_switch}[/b] · {counted(shown, 'talk')} · {zone_label}{extra}"
        )
        self.border_title = self.conference.name

    # Keys

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_talk()

    @on(ScheduleTable.DayStep)
    def _day_step(self, event: ScheduleTable.DayStep) -> None:
        self._step_day(event.step)

    def _selected_talk(self) -> Talk | None:
        talk = self.table.current_talk
        if talk is None:
            self.notify("No talk selected", severity="warning")
        return talk

    def _mark(self, mark: str) -> None:
        """Show the press at once and ask the store for it; a press made before the store
        answered the one before steps from what that one asked for."""
        if talk := self._selected_talk():
            wanted = self._pending_marks.press(talk, mark)
            self.post_message(mark_request(wanted, mark))
            self.update_talks([wanted])
            if mark == "watch_later":
                verb = "Added to" if wanted.watch_later else "Removed from"
                self.notify(f"{verb} watch later: {talk.title}", timeout=2)

    def mark_stored(self, talk_id: int, mark: str, stored: Talk | None, error: str) -> Talk | None:
        """The store's answer to a press of ``mark``: the talk as stored, or None and why
        not. Returns the talk as now shown (None when not shown)."""
        if error:
            self.notify(error, title="Not done", severity="error", timeout=8)
        talk = stored or next((t for t in self.talks if t.id == talk_id), None)
        if talk is None:
            return None
        shown = self._pending_marks.answered(talk, mark, stored=stored is not None)
        self.update_talks([shown])
        return shown

    def action_open_talk(self) -> None:
        if talk := self._selected_talk():
            self.post_message(OpenTalk(talk.id, show=False))

    def action_details(self) -> None:
        from confnote.ui.screens.talk_details import TalkDetailsScreen

        if talk := self._selected_talk():
            self.app.push_screen(TalkDetailsScreen(talk, self.conference_zone, self._local_zone))

    def action_star(self) -> None:
        self._mark("star")

    def action_attended(self) -> None:
        self._mark("attended")

    def action_watch_later(self) -> None:
        self._mark("watch_later")

    def action_hide(self) -> None:
        self._mark("hide")

    def action_edit_talk(self) -> None:
        if talk := self._selected_talk():
            self._edit_talk(talk)

    def _edit_talk(self, talk: Talk | None) -> None:
        """The talk form for ``talk``, or for a new talk on the day shown."""
        from confnote.ui.screens.talk_form import TalkFormScreen

        conference = self.conference
        if conference is None:
            self.notify("Create a conference first (F5)", severity="warning")
            return
        day = self.rule.day or self._clock().astimezone(self.conference_zone).date()

        def saved(details: TalkDetails | None) -> None:
            if details is not None:
                self.post_message(save_talk_request(conference.id, talk, details))

        self.app.push_screen(TalkFormScreen(self.conference_zone, day, talk), saved)

    def action_refresh(self) -> None:
        self.post_message(self.Request("refresh"))

    def action_add_talk(self) -> None:
        self._edit_talk(None)

    def action_conference_notes(self) -> None:
        self.post_message(self.Request("conference_notes"))

    def action_filters(self) -> None:
        from confnote.ui.screens.schedule_filters import ScheduleFiltersScreen

        tracks = sorted({t.track for t in self.talks if t.track})
        rooms = sorted({t.room for t in self.talks if t.room})

        def chosen(rule: ScheduleFilter | None) -> None:
            if rule is not None:
                self.rule = rule

        self.app.push_screen(ScheduleFiltersScreen(self.rule, tracks, rooms), chosen)

    def action_filter_text(self) -> None:
        self.add_class("-filtering")
        self.query_one("#schedule-filter", Input).focus()

    @on(Input.Changed, "#schedule-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.rule = self.rule.with_(text=event.value.strip())

    @on(Input.Submitted, "#schedule-filter")
    def _filter_submitted(self) -> None:
        self.focus_list()

    def action_clear_filters(self) -> None:
        search = self.query_one("#schedule-filter", Input)
        search.value = ""
        self.remove_class("-filtering")
        self.rule = ScheduleFilter(day=self.rule.day)
        self.focus_list()

    def action_starred_only(self) -> None:
        self.rule = self.rule.with_(starred_only=not self.rule.starred_only)

    def action_previous_day(self) -> None:
        self._step_day(-1)

    def action_next_day(self) -> None:
        self._step_day(1)

    def action_all_days(self) -> None:
        if self.rule.day is None:
            today = self.programme.day_of(self._clock())
            self.rule = self.rule.with_(day=today if today in self._days else self._first_day())
        else:
            self.rule = self.rule.with_(day=None)

    def action_next_match_day(self) -> None:
        """The next day the filters match talks on; after the last day, the first."""
        day = self.rule.day
        if day is None:
            return
        ahead = sorted(self._other_days, key=lambda other: (other < day, other))
        if not ahead:
            self.notify("No other day has a match")
            return
        self.rule = self.rule.with_(day=ahead[0])
        self.focus_list()

    def _first_day(self) -> date | None:
        return self._days[0] if self._days else None

    def _step_day(self, step: int) -> None:
        if not self._days:
            return
        current = self.rule.day
        index = self._days.index(current) if current in self._days else -1
        self.rule = self.rule.with_(day=self._days[(index + step) % len(self._days)])

    def action_toggle_zone(self) -> None:
        self.use_local_zone = not self.use_local_zone

    def action_jump_now(self) -> None:
        """The talk to be in now (see ``agenda.now_block``), switching day if needed."""
        if not self._go_to_now():
            self.notify("Nothing running now or later")

    def _go_to_now(self, *, focus: bool = True) -> bool:
        visible = [t for t in self.talks if not t.hidden and not t.cancelled]
        target, block = agenda.now_block(visible, self._clock())
        if target is None:
            return False
        self._go_to(target, focus=focus)
        self.table.select_talk_in_block(target.id, [talk.id for talk in block])
        return True

    def action_next_starred(self) -> None:
        """The next starred talk after now; pressed again, the one after that."""
        now = self._clock()
        # self.talks is in table order, so talks starting together come one after another.
        upcoming = [t for t in self.talks if t.star and t.ends_at > now and not t.cancelled]
        if not upcoming:
            self.notify("No starred talk ahead")
            return
        ids = [talk.id for talk in upcoming]
        current = self.table.current_talk_id
        index = ids.index(current) + 1 if current in ids else 0
        self._go_to(upcoming[index % len(upcoming)])

    def _go_to(self, talk: Talk, *, focus: bool = True) -> None:
        day = self.programme.day_of(talk.starts_at)
        if self.rule.day is not None and self.rule.day != day:
            self.rule = self.rule.with_(day=day)
        if not self.table.select_talk(talk.id):
            self.rule = ScheduleFilter(day=day)
            self.table.select_talk(talk.id)
        if focus:
            self.table.focus()

    def show_talk(self, talk_id: int) -> None:
        talk = next((t for t in self.talks if t.id == talk_id), None)
        if talk is not None:
            self._go_to(talk)
