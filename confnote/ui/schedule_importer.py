"""Importing and refreshing schedules from the app (ctrl+o, R).

The importer is an invisible widget of the main screen: it asks the store by message and
the replies come back to it. Planning and writing go through the store thread; reading the
file or URL and parsing it run in a worker of their own, so notes keep saving meanwhile.
After a third of a second the schedule pane shows that it is busy. A file no schedule
reader knows is read as a write-up (see writeup_importer).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from textual import on
from textual.timer import Timer
from textual.widget import Widget

from confnote.errors import ConfnoteError
from confnote.importing import (
    Fetched,
    ImportPlan,
    NamesakeError,
    apply_import,
    fetch_and_parse,
    plan_import,
    plan_refresh,
)
from confnote.store.records import Conference
from confnote.ui.messages import OpenConference, StoreReply
from confnote.ui.requests import StoreRequest
from confnote.ui.store_runner import Job, Reply
from confnote.ui.writeup_importer import WriteupImported, WriteupImporter, WriteupRead

if TYPE_CHECKING:
    from confnote.store import Store
    from confnote.store.schedule_records import ImportReport

BUSY_AFTER = 0.33


@dataclass
class ImportPlanned(StoreReply):
    plan: ImportPlan


@dataclass
class ScheduleFetched(StoreReply):
    plan: ImportPlan
    fetched: Fetched


@dataclass
class ScheduleImported(StoreReply):
    plan: ImportPlan
    report: ImportReport | None
    summary: list[str]


@dataclass
class ImportFailed(StoreReply):
    reason: str
    plan: ImportPlan | None = None
    fetched: Fetched | None = None
    namesake_id: int | None = None


class ScheduleImporter(Widget):
    """``set_busy`` shows (or stops showing) that the schedule is being imported."""

    DEFAULT_CSS = "ScheduleImporter { display: none; }"

    def __init__(self, set_busy: Callable[[bool], None]) -> None:
        super().__init__()
        self._set_busy = set_busy
        self._busy_timer: Timer | None = None
        self._writeups = WriteupImporter(self, self.done)

    def _ask(self, job: Job, reply: Reply) -> None:
        self.post_message(StoreRequest(job, reply, ImportFailed, reply_to=self))

    def ask(self) -> None:
        """Ask for a file or URL, and import it."""
        from confnote.ui.screens.import_schedule import ImportScheduleScreen, ScheduleChoice

        def chosen(choice: ScheduleChoice | None) -> None:
            if choice:
                self.notify(f"Importing {choice.source}…", timeout=2)
                self.start(choice.source, choice.zone)

        self.app.push_screen(ImportScheduleScreen(), chosen)

    def start(self, source: str, zone: str | None = None) -> None:
        """Import ``source``; ``zone``, when given, is the new conference's (see ImportPlan)."""
        self._busy()
        self._ask(
            lambda store: plan_import(store, source, zone=zone, zone_chosen=True), ImportPlanned
        )

    def refresh_schedule(self, conference: Conference | None) -> None:
        """Read the conference's schedule again from where it came from."""
        if conference is None:
            self.notify("No conference to refresh", severity="warning")
            return
        self.notify(f"Refreshing {conference.name}…", timeout=2)
        self._busy()
        conference_id = conference.id
        self._ask(lambda store: plan_refresh(store, conference_id), ImportPlanned)

    @on(ImportPlanned)
    def _planned(self, event: ImportPlanned) -> None:
        plan = event.plan
        self.run_worker(lambda: self._fetch(plan), thread=True, group="import", exit_on_error=False)

    def _fetch(self, plan: ImportPlan) -> None:
        from confnote.ui.writeup_importer import writeup_at

        try:
            fetched = fetch_and_parse(plan)
        except ConfnoteError as error:
            writeup = writeup_at(plan.location)
            if writeup is not None:
                self.post_message(WriteupRead(writeup))
                return
            self.post_message(ImportFailed(str(error)))
            return
        self.post_message(ScheduleFetched(plan, fetched))

    @on(ScheduleFetched)
    def _fetched(self, event: ScheduleFetched) -> None:
        self.fetched(event.plan, event.fetched)

    def fetched(self, plan: ImportPlan, fetched: Fetched) -> None:
        def job(store: Store) -> ScheduleImported | ImportFailed:
            from confnote.import_summary import summary_lines

            try:
                report = apply_import(store, plan, fetched)
            except NamesakeError as error:
                return ImportFailed(str(error), plan, fetched, error.existing.id)
            if report is None:
                return ScheduleImported(plan, None, [])
            days = () if report.refreshed else store.conference_days(report.conference.id)
            return ScheduleImported(plan, report, summary_lines(report, days=days))

        self._ask(job, lambda message: message)

    def into_existing(self, plan: ImportPlan, fetched: Fetched, conference_id: int) -> None:
        """The user chose to refresh the namesake conference with this schedule."""
        self._busy()
        self.fetched(replace(plan, conference_id=conference_id, known=None, new=False), fetched)

    def as_new(self, plan: ImportPlan, fetched: Fetched) -> None:
        self._busy()
        self.fetched(replace(plan, conference_id=None, known=None, new=True), fetched)

    def _busy(self) -> None:
        self.done()
        self._busy_timer = self.set_timer(BUSY_AFTER, self._show_busy)

    def _show_busy(self) -> None:
        self._set_busy(True)

    def done(self) -> None:
        if self._busy_timer is not None:
            self._busy_timer.stop()
            self._busy_timer = None
        self._set_busy(False)

    @on(ScheduleImported)
    def _imported(self, event: ScheduleImported) -> None:
        from confnote.ui.screens.import_report import ImportReportScreen

        self.done()
        report = event.report
        if report is None:
            self.notify(f"Not modified since the last import: {event.plan.location}")
            return
        self.post_message(OpenConference(report.conference.id))
        title = "Schedule refreshed" if report.refreshed else "Schedule imported"
        self.app.push_screen(ImportReportScreen(title, event.summary))

    @on(WriteupRead)
    def _writeup_read(self, event: WriteupRead) -> None:
        self._writeups.preview(event.read)

    @on(WriteupImported)
    def _writeup_imported(self, event: WriteupImported) -> None:
        self._writeups.imported(event)

    @on(ImportFailed)
    def _failed(self, event: ImportFailed) -> None:
        """Say why in one notice, or ask about a conference of the same name."""
        from confnote.ui.screens.confirm import ConfirmScreen

        self.done()
        plan, fetched, namesake_id = event.plan, event.fetched, event.namesake_id
        if namesake_id is None or plan is None or fetched is None:
            self.notify(event.reason, title="Import failed", severity="error", timeout=10)
            return

        def answered(refresh: bool | None) -> None:
            if refresh:
                self.into_existing(plan, fetched, namesake_id)
            elif refresh is not None:
                self.as_new(plan, fetched)

        question = (
            f"{event.reason}.\n\nRefresh it with this schedule (your stars, notes and TODOs "
            "stay), or import a second copy?"
        )
        screen = ConfirmScreen(question, yes="Refresh it", no="Import as new")
        self.app.push_screen(screen, answered)
