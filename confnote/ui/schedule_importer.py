"""Importing and refreshing schedules from the app.

Planning and writing go through the store thread; reading the file or URL and
parsing it run in a worker of their own, so notes keep saving meanwhile. After a
third of a second the schedule pane shows that it is busy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.timer import Timer

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
from confnote.ui.messages import OpenConference, StoreReply

if TYPE_CHECKING:
    from textual.app import App

    from confnote.store import Store
    from confnote.store.schedule_records import ImportReport
    from confnote.ui.store_runner import StoreRunner

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


class ScheduleImporter:
    """``set_busy`` shows (or stops showing) that the schedule is being imported."""

    def __init__(
        self, app: App[Any], runner: StoreRunner, set_busy: Callable[[bool], None]
    ) -> None:
        self._app = app
        self._runner = runner
        self._set_busy = set_busy
        self._busy_timer: Timer | None = None

    def start(self, source: str) -> None:
        self._busy()
        self._runner.submit(lambda store: plan_import(store, source), ImportPlanned, ImportFailed)

    def refresh(self, conference_id: int) -> None:
        self._busy()
        self._runner.submit(
            lambda store: plan_refresh(store, conference_id), ImportPlanned, ImportFailed
        )

    def planned(self, plan: ImportPlan) -> None:
        self._app.run_worker(
            lambda: self._fetch(plan), thread=True, group="import", exit_on_error=False
        )

    def _fetch(self, plan: ImportPlan) -> None:
        from confnote.ui.writeup_importer import WriteupRead, writeup_at

        try:
            fetched = fetch_and_parse(plan)
        except ConfnoteError as error:
            writeup = writeup_at(plan.location)
            if writeup is not None:
                self._app.post_message(WriteupRead(writeup))
                return
            self._app.post_message(ImportFailed(str(error)))
            return
        self._app.post_message(ScheduleFetched(plan, fetched))

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

        self._runner.submit(job, lambda message: message, ImportFailed)

    def into_existing(self, plan: ImportPlan, fetched: Fetched, conference_id: int) -> None:
        """The user chose to refresh the namesake conference with this schedule."""
        self._busy()
        self.fetched(ImportPlan(plan.location, conference_id, None, plan.zone, new=False), fetched)

    def as_new(self, plan: ImportPlan, fetched: Fetched) -> None:
        self._busy()
        self.fetched(ImportPlan(plan.location, None, None, plan.zone, new=True), fetched)

    def _busy(self) -> None:
        self.done()
        self._busy_timer = self._app.set_timer(BUSY_AFTER, self._show_busy)

    def _show_busy(self) -> None:
        self._set_busy(True)

    def done(self) -> None:
        if self._busy_timer is not None:
            self._busy_timer.stop()
            self._busy_timer = None
        self._set_busy(False)

    def imported(self, event: ScheduleImported) -> None:
        from confnote.ui.screens.import_report import ImportReportScreen

        self.done()
        app, report = self._app, event.report
        if report is None:
            app.notify(f"Not modified since the last import: {event.plan.location}")
            return
        app.post_message(OpenConference(report.conference.id))
        title = "Schedule refreshed" if report.refreshed else "Schedule imported"
        app.push_screen(ImportReportScreen(title, event.summary))

    def failed(self, event: ImportFailed) -> None:
        """Say why in one notice, or ask about a conference of the same name."""
        from confnote.ui.screens.confirm import ConfirmScreen

        self.done()
        plan, fetched, namesake_id = event.plan, event.fetched, event.namesake_id
        if namesake_id is None or plan is None or fetched is None:
            self._app.notify(event.reason, title="Import failed", severity="error", timeout=10)
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
        self._app.push_screen(screen, answered)
