"""Add or edit a TODO."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select

from confnote.errors import ConfnoteError
from confnote.store.records import Talk, Todo, TodoKind
from confnote.ui.screens.form import FormScreen
from confnote.ui.widgets.schedule_columns import shorten
from confnote.user_input import parse_date

# The dialog is 64 wide; "Link to “…”" and the check box must fit inside its padding.
LINK_TITLE_WIDTH = 36


@dataclass(frozen=True, slots=True)
class TodoDraft:
    text: str
    kind: TodoKind
    due_on: date | None
    url: str
    talk_id: int | None


class TodoFormScreen(FormScreen[TodoDraft]):
    def __init__(self, todo: Todo | None = None, talk: Talk | None = None) -> None:
        super().__init__()
        self._todo = todo
        self._talk = talk
        self.title_text = "Edit TODO" if todo else "New TODO"

    def fields(self) -> list[tuple[str, Widget]]:
        todo = self._todo
        fields: list[tuple[str, Widget]] = [
            (
                "What",
                # The cursor at the end, not the text selected: the first key must not replace it.
                Input(
                    todo.text if todo else "",
                    id="todo-text",
                    placeholder="Email the speaker",
                    select_on_focus=False,
                ),
            ),
            (
                "Kind",
                Select(
                    [(kind.label, kind) for kind in TodoKind],
                    value=todo.kind if todo else TodoKind.ACTION,
                    allow_blank=False,
                    id="todo-kind",
                ),
            ),
            (
                "Due (YYYY-MM-DD, optional)",
                Input(str(todo.due_on or "") if todo else "", id="todo-due"),
            ),
            ("Link (optional)", Input(todo.url if todo else "", id="todo-url")),
        ]
        if self._talk is not None and todo is None:
            title = shorten(self._talk.title, LINK_TITLE_WIDTH)
            fields.append(("", Checkbox(f"Link to “{title}”", True, id="todo-link")))
        return fields

    def result(self) -> TodoDraft:
        text = self.text_of("todo-text")
        if not text:
            raise ConfnoteError("a TODO needs some text")
        kind = self.query_one("#todo-kind", Select).value
        linked = (
            self._talk is not None
            and self._todo is None
            and self.query_one("#todo-link", Checkbox).value
        )
        return TodoDraft(
            text=text,
            kind=TodoKind(str(kind)),
            due_on=parse_date(self.text_of("todo-due"), "due date"),
            url=self.text_of("todo-url"),
            talk_id=self._talk.id
            if linked and self._talk
            else (self._todo.talk_id if self._todo else None),
        )
