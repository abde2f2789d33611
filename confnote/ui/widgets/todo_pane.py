"""The TODO pane: watch-later talks, follow-ups and actions, plus checklist lines from notes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from confnote.store.records import ChecklistEntry, Talk, Todo, TodoKind
from confnote.ui.requests import OpenNote, OpenTalk, TickChecklistLine
from confnote.ui.todo_actions import save_draft, todo_change

if TYPE_CHECKING:
    from confnote.store import Store

STATUS_FILTERS = ("open", "done", "all")
# J and K share one footer entry, so the footer has room for every key of the pane.
MOVE = Binding.Group("Move", compact=True)
KIND_FILTERS: tuple[TodoKind | None, ...] = (None, *TodoKind)
KIND_GLYPHS = {TodoKind.WATCH_LATER: "◷", TodoKind.FOLLOW_UP: "↪", TodoKind.ACTION: "•"}


def _b(
    key: str,
    action: str,
    description: str,
    tooltip: str,
    show: bool = True,
    group: Binding.Group | None = None,
) -> Binding:
    return Binding(
        key, action, description, show=show, id=f"todo.{action}", tooltip=tooltip, group=group
    )


class TodoPane(Vertical):
    BORDER_TITLE = "TODO"

    BINDINGS: ClassVar[list[BindingType]] = [
        _b("a", "add", "Add", "Add a TODO, linked to the talk whose note is open"),
        _b("space", "toggle_done", "Done", "Mark done or not done"),
        _b("e", "edit", "Edit", "Edit the TODO"),
        _b("d", "delete", "Delete", "Delete the TODO (asks first)"),
        _b("enter", "jump", "Go to talk", "Show the linked talk and its note", show=False),
        _b("K,shift+up", "move_up", "Move up", "Move the TODO up", group=MOVE),
        _b("J,shift+down", "move_down", "Move down", "Move the TODO down", group=MOVE),
        _b("f", "cycle_status", "Open/done", "Show open, done or all TODOs"),
        _b("t", "cycle_kind", "Kind", "Show one kind of TODO, or all"),
    ]

    DEFAULT_CSS = """
    TodoPane #todo-title { height: 1; padding: 0 1; background: $boost; }
    TodoPane OptionList, TodoPane OptionList:focus { height: 1fr; border: none; }
    /* One line per row: what does not fit ends in "…", the linked talk first. */
    TodoPane OptionList { text-wrap: nowrap; text-overflow: ellipsis; }
    """

    status_filter: reactive[str] = reactive("open")
    kind_filter: reactive[TodoKind | None] = reactive(None)

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.conference_id: int | None = None
        # The talk whose note is open: a new TODO offers to link to it.
        self.linked_talk: Talk | None = None
        self.todos: list[Todo] = []
        self.checklist: list[ChecklistEntry] = []
        self._rows: dict[str, Todo | ChecklistEntry] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="todo-title")
        yield OptionList(id="todo-list")

    @property
    def option_list(self) -> OptionList:
        return self.query_one(OptionList)

    def load(
        self, todos: list[Todo], checklist: list[ChecklistEntry], conference_id: int | None
    ) -> None:
        if (todos, checklist, conference_id) == (self.todos, self.checklist, self.conference_id):
            return
        self.todos, self.checklist, self.conference_id = todos, checklist, conference_id
        self._show()

    def update_note_checklist(self, note_id: int, entries: list[ChecklistEntry]) -> bool:
        """Show ``entries`` as the checklist lines of note ``note_id``, touching only the
        rows that changed. False when the note had none before: placing it among the
        other notes needs a full reload."""
        old = [entry for entry in self.checklist if entry.note_id == note_id]
        if old == entries:
            return True
        if not old:
            return not entries
        start = self.checklist.index(old[0])
        self.checklist[start : start + len(old)] = entries
        if [e.done for e in old] != [e.done for e in entries] or not self.is_mounted:
            self._show()  # rows come and go with the open/done filter
            return True
        for (key, entry), before in zip(_checklist_keys(entries), old, strict=True):
            if key in self._rows:
                self._rows[key] = entry
                if entry.text != before.text:
                    self.option_list.replace_option_prompt(key, self._check_label(entry))
        return True

    def watch_status_filter(self) -> None:
        self._show()

    def watch_kind_filter(self) -> None:
        self._show()

    def _wanted(self, done: bool) -> bool:
        return self.status_filter == "all" or done == (self.status_filter == "done")

    def _show(self) -> None:
        if not self.is_mounted:
            return
        options = self.option_list
        highlighted, before = self.current_key, list(self._rows)
        self._rows = {}
        rows: list[Option | None] = []
        for todo in self.todos:
            if not self._wanted(todo.done) or self.kind_filter not in (None, todo.kind):
                continue
            key = f"todo-{todo.id}"
            self._rows[key] = todo
            rows.append(Option(self._todo_label(todo), id=key))
        entries = [(k, e) for k, e in _checklist_keys(self.checklist) if self._wanted(e.done)]
        if entries and self.kind_filter in (None, TodoKind.ACTION):
            rows.append(None)
            title = None
            for key, entry in entries:
                if entry.title != title:
                    title = entry.title
                    rows.append(Option(Text(f"✎ {title}", style="bold cyan"), disabled=True))
                self._rows[key] = entry
                rows.append(Option(self._check_label(entry), id=key))
        options.clear_options()
        options.add_options(rows)
        if not self._rows:
            options.add_option(
                Option(Text("Nothing here. Press a to add a TODO.", style="dim"), disabled=True)
            )
        keep = _kept_highlight(highlighted, before, list(self._rows))
        if keep is not None:  # so space, e and d act at once, without a first arrow key
            options.highlighted = options.get_option_index(keep)
        kind = self.kind_filter.label if self.kind_filter else "all kinds"
        self.query_one("#todo-title", Static).update(f"[b]{self.status_filter}[/b] · {kind}")
        self.border_title = self._counts()

    def _counts(self) -> str:
        """The border title: open TODOs, and open checklist lines in notes when there are any."""
        if self.conference_id is None:
            return self.BORDER_TITLE
        title = f"{self.BORDER_TITLE} · {sum(not todo.done for todo in self.todos)} open"
        if checklist := sum(not entry.done for entry in self.checklist):
            title += f" · {checklist} in notes"
        return title

    @staticmethod
    def _todo_label(todo: Todo) -> Text:
        """The TODO on one line: its text, then its talk and link, dimmed."""
        label = Text()
        label.append("☑ " if todo.done else "☐ ", style="green" if todo.done else "")
        label.append(KIND_GLYPHS[todo.kind] + " ", style="magenta")
        label.append(todo.text, style="dim strike" if todo.done else "")
        if todo.due_on:
            label.append(f"  due {todo.due_on:%d %b}", style="bold yellow")
        details = [todo.talk_title] if todo.talk_title and todo.talk_title not in todo.text else []
        if todo.url:
            details.append(todo.url)
        if details:
            label.append("  ↳ " + " · ".join(details), style="dim")
        return label

    @staticmethod
    def _check_label(entry: ChecklistEntry) -> Text:
        label = Text("  ")
        label.append("☑ " if entry.done else "☐ ", style="green" if entry.done else "")
        label.append(entry.text, style="dim strike" if entry.done else "")
        return label

    @property
    def current_key(self) -> str | None:
        options = self.option_list
        if options.highlighted is None:
            return None
        return options.get_option_at_index(options.highlighted).id

    @property
    def current(self) -> Todo | ChecklistEntry | None:
        key = self.current_key
        return self._rows.get(key) if key else None

    def _current(self, *, todo_only: bool = False) -> Todo | ChecklistEntry | None:
        item = self.current
        if item is None:
            self.notify("No TODO selected", severity="warning")
        elif todo_only and not isinstance(item, Todo):
            self.notify("That line lives in a note: edit it there", severity="warning")
            return None
        return item

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_jump()

    def action_add(self) -> None:
        self._edit(None)

    def action_edit(self) -> None:
        if isinstance(todo := self._current(todo_only=True), Todo):
            self._edit(todo)

    def _edit(self, todo: Todo | None, shown: Todo | None = None, title: str = "") -> None:
        """The TODO form on ``shown`` (default: ``todo``); an edit is checked against
        ``todo``, and if another window changed it meanwhile the form opens again."""
        from confnote.ui.screens.todo_form import TodoDraft, TodoFormScreen

        conference_id = self.conference_id
        if conference_id is None:
            self.notify("Create a conference first (F5)", severity="warning")
            return
        talk = self.linked_talk if todo is None else None
        if talk is not None and talk.conference_id != conference_id:
            talk = None

        def saved(draft: TodoDraft | None) -> None:
            if draft is not None:
                self.post_message(save_draft(draft, todo, conference_id))

        form = TodoFormScreen(shown or todo, talk)
        if title:
            form.title_text = title
        self.app.push_screen(form, saved)

    def changed_elsewhere(self, theirs: Todo, yours: Todo) -> None:
        """An edit met a newer TODO: show the form again with the edit, over the new one."""
        self._edit(
            theirs, yours, f"Changed in another window to “{theirs.text}”. Save yours over it?"
        )

    def action_toggle_done(self) -> None:
        item = self._current()
        if isinstance(item, Todo):
            self._change(lambda store: store.set_todo_done(item.id, not item.done))
        elif item is not None:
            self.post_message(TickChecklistLine(item))

    def _change(self, change: Callable[[Store], object], talk_id: int | None = None) -> None:
        if self.conference_id is not None:
            self.post_message(todo_change(change, self.conference_id, talk_id))

    def action_delete(self) -> None:
        from confnote.ui.screens.confirm import ConfirmScreen

        todo = self._current(todo_only=True)
        if not isinstance(todo, Todo):
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._change(lambda store: store.delete_todo(todo.id), todo.talk_id)

        question = f"Delete the TODO “{todo.text}”?"
        self.app.push_screen(ConfirmScreen(question, yes="Delete"), answered)

    def action_jump(self) -> None:
        item = self._current()
        if item is None:
            return
        if item.talk_id is not None:
            self.post_message(OpenTalk(item.talk_id))
        elif isinstance(item, ChecklistEntry):
            self.post_message(OpenNote(item.note_id))
        else:
            self.notify("This TODO is not linked to a talk")

    def action_move_up(self) -> None:
        self._move(-1)

    def action_move_down(self) -> None:
        self._move(1)

    def _move(self, steps: int) -> None:
        if isinstance(todo := self._current(todo_only=True), Todo):
            self._change(lambda store: store.move_todo(todo.id, steps))

    def action_cycle_status(self) -> None:
        index = STATUS_FILTERS.index(self.status_filter)
        self.status_filter = STATUS_FILTERS[(index + 1) % len(STATUS_FILTERS)]

    def action_cycle_kind(self) -> None:
        index = KIND_FILTERS.index(self.kind_filter)
        self.kind_filter = KIND_FILTERS[(index + 1) % len(KIND_FILTERS)]


def _checklist_keys(entries: list[ChecklistEntry]) -> list[tuple[str, ChecklistEntry]]:
    """A row key for each entry: its note and its place among that note's lines, so a
    line keeps its row while typing moves it up or down the note."""
    seen: dict[int, int] = {}
    keyed = []
    for entry in entries:
        place = seen[entry.note_id] = seen.get(entry.note_id, -1) + 1
        keyed.append((f"check-{entry.note_id}-{place}", entry))
    return keyed


def _kept_highlight(key: str | None, before: list[str], after: list[str]) -> str | None:
    """Where the highlight goes when rows change: the same row, else the one that followed
    it (a ticked TODO leaving the open list), else the one before it, else the first."""
    if key in after:
        return key
    if key in before:
        index = before.index(key)
        for candidate in [*before[index + 1 :], *reversed(before[:index])]:
            if candidate in after:
                return candidate
    return after[0] if after else None
