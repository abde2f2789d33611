"""The floor for the app's figures: a bare Textual app with confnote's widgets and layout,
filled straight from the database with sqlite3, with none of confnote's own code.

``python benchmarks/bare_app.py DB`` shows the first day of the newest conference, as
confnote does at start.
"""

from __future__ import annotations

import sqlite3
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, OptionList, Static, TextArea

CSS = """
#panes { height: 1fr; }
#schedule { width: 60%; border: round $panel-lighten-2; }
#side { width: 1fr; }
#note { height: 3fr; border: round $panel-lighten-2; }
#todo { height: 2fr; border: round $panel-lighten-2; }
.title { height: 1; padding: 0 1; background: $boost; }
DataTable { height: 1fr; }
TextArea { height: 1fr; border: none; }
OptionList { height: 1fr; border: none; }
"""


@dataclass(frozen=True, slots=True)
class Day:
    """One programme day of the newest conference, as table rows."""

    rows: list[tuple[str, str, str, str, str]]
    todos: list[str]


def newest_conference_days(database: Path) -> list[Day]:
    """Each day of the newest conference (UTC days): its rows and the conference's TODOs."""
    with sqlite3.connect(database) as connection:
        (conference,) = connection.execute(
            "SELECT id FROM conference ORDER BY starts_on DESC, id DESC LIMIT 1"
        ).fetchone()
        talks = connection.execute(
            """SELECT t.starts_at, t.room, t.title,
                      coalesce((SELECT group_concat(s.name, ', ') FROM talk_speaker ts
                                JOIN speaker s ON s.id = ts.speaker_id
                                WHERE ts.talk_id = t.id), '')
               FROM talk t WHERE t.conference_id = ? ORDER BY t.starts_at, t.room, t.id""",
            (conference,),
        ).fetchall()
        todos = [
            text
            for (text,) in connection.execute(
                "SELECT text FROM todo WHERE conference_id = ? ORDER BY position", (conference,)
            )
        ]
    days: dict[str, list[tuple[str, str, str, str, str]]] = {}
    for starts_at, room, title, speakers in talks:
        start = datetime.fromtimestamp(starts_at, UTC)
        days.setdefault(f"{start:%Y-%m-%d}", []).append(
            ("☆", f"{start:%H:%M}", room, title, speakers)
        )
    return [Day(rows, todos) for rows in days.values()]


class BareApp(App[None]):
    """Schedule table, note editor and TODO list, like confnote's main screen."""

    CSS = CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("[", "day(-1)", "Previous day"),
        Binding("]", "day(1)", "Next day"),
        Binding("ctrl+q", "quit", "Quit"),
    ]

    def __init__(self, database: Path | None = None, note: str = "") -> None:
        super().__init__()
        self.database = database
        self.note = note
        self.days: list[Day] = []
        self.day = 0

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="schedule"):
                yield Static("Schedule", classes="title")
                yield DataTable(cursor_type="row", id="table")
            with Vertical(id="side"):
                with Vertical(id="note"):
                    yield Static("Note", classes="title")
                    yield TextArea.code_editor(self.note, language="markdown", id="editor")
                with Vertical(id="todo"):
                    yield Static("TODO", classes="title")
                    yield OptionList(id="todos")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("", "time", "room", "title", "speakers")
        if self.database is not None:
            self.load(self.database)

    @work(thread=True)
    def load(self, database: Path) -> None:
        days = newest_conference_days(database)
        self.call_from_thread(self.show_days, days)

    def show_days(self, days: list[Day]) -> None:
        self.days = days
        self.show_day(0)
        self.query_one(OptionList).add_options(days[0].todos if days else [])

    def show_day(self, index: int) -> None:
        table = self.query_one(DataTable)
        table.clear()
        if self.days:
            self.day = index % len(self.days)
            table.add_rows(self.days[self.day].rows)

    def action_day(self, step: int) -> None:
        self.show_day(self.day + step)


if __name__ == "__main__":
    BareApp(Path(sys.argv[1])).run()
