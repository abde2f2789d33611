"""What the TODO pane's keys do: add, edit, tick, move, delete, and jump to the talk."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from confnote.checklist import ChecklistItem, set_checked
from confnote.errors import ChangedElsewhereError
from confnote.store.records import ChecklistEntry, Todo
from confnote.ui.messages import TalksChanged, TodoChangedElsewhere, TodosLoaded
from confnote.ui.widgets.todo_pane import TodoPane

if TYPE_CHECKING:
    from confnote.store import Store
    from confnote.ui.app import ConfnoteApp
    from confnote.ui.screens.todo_form import TodoDraft


class TodoActions:
    def __init__(self, app: ConfnoteApp) -> None:
        self._app = app

    def handle(self, event: TodoPane.Request) -> None:
        todo, entry = event.todo, event.entry
        if event.what == "add":
            self._edit(None)
        elif event.what == "edit" and todo:
            self._edit(todo)
        elif event.what == "toggle" and todo:
            self._change(lambda store: store.set_todo_done(todo.id, not todo.done))
        elif event.what == "toggle" and entry:
            self._toggle_checklist(entry)
        elif event.what == "move" and todo:
            self._change(lambda store: store.move_todo(todo.id, event.steps))
        elif event.what == "delete" and todo:
            self._delete(todo)
        elif event.what == "jump":
            self._jump_to(todo, entry)

    def _change(self, job: Callable[[Store], object], talk_id: int | None = None) -> None:
        """Run ``job``, then show the TODOs again (and the linked talk's ◷ mark)."""
        self._app.submit(job)
        self._app.reload_todos()
        if talk_id is not None:
            self._app.submit(lambda store: store.talk(talk_id), lambda t: TalksChanged([t]))

    def _edit(self, todo: Todo | None, shown: Todo | None = None, title: str = "") -> None:
        """Open the TODO form on ``shown`` (default: ``todo``); an edit is checked against
        ``todo``, and if another window changed it meanwhile the form opens again."""
        app = self._app
        if app.conference is None:
            app.notify("Create a conference first (F5)", severity="warning")
            return
        from confnote.ui.screens.todo_form import TodoFormScreen

        conference_id = app.conference.id

        def saved(draft: TodoDraft | None) -> None:
            if draft is None:
                return
            if todo is None:

                def job(store: Store) -> object:
                    return store.add_todo(
                        conference_id,
                        draft.text,
                        kind=draft.kind,
                        talk_id=draft.talk_id,
                        due_on=draft.due_on,
                        url=draft.url,
                    )
            else:

                def job(store: Store) -> object:
                    try:
                        return store.update_todo(
                            todo.id,
                            text=draft.text,
                            kind=draft.kind,
                            due_on=draft.due_on,
                            clear_due=draft.due_on is None,
                            url=draft.url,
                            base=todo,
                        )
                    except ChangedElsewhereError:
                        theirs = store.todo(todo.id)
                        yours = replace(
                            theirs,
                            text=draft.text,
                            kind=draft.kind,
                            due_on=draft.due_on,
                            url=draft.url,
                        )
                        app.post_message(TodoChangedElsewhere(theirs, yours))
                        return None

            self._change(job, draft.talk_id)

        talk = app.note_pane.talk if todo is None else None
        if talk is not None and talk.conference_id != conference_id:
            talk = None
        form = TodoFormScreen(shown or todo, talk)
        if title:
            form.title_text = title
        app.push_screen(form, saved)

    def changed_elsewhere(self, event: TodoChangedElsewhere) -> None:
        """An edit met a newer TODO: show the form again with the edit, over the new one."""
        self._edit(
            event.theirs,
            event.yours,
            f"Changed in another window to “{event.theirs.text}”. Save yours over it?",
        )

    def _delete(self, todo: Todo) -> None:
        from confnote.ui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self._change(lambda store: store.delete_todo(todo.id), todo.talk_id)

        question = f"Delete the TODO “{todo.text}”?"
        self._app.push_screen(ConfirmScreen(question, yes="Delete"), answered)

    def _toggle_checklist(self, entry: ChecklistEntry) -> None:
        app, pane = self._app, self._app.note_pane
        shown = pane.target is not None and (
            (entry.talk_id is not None and pane.target.talk_id == entry.talk_id)
            or (entry.talk_id is None and pane.target.note_id == entry.note_id)
        )
        if shown:
            # The note is open: tick the line in the editor, so typing there is never lost.
            item = ChecklistItem(entry.line, entry.text, entry.done)
            body = set_checked(pane.editor.text, item, not entry.done)
            if body is None:
                app.notify("That line changed in the open note", severity="warning")
                return
            pane.replace_text_and_save(body)
            return

        def job(store: Store) -> TodosLoaded:
            note = store.set_checklist_item(entry, not entry.done)
            return TodosLoaded.of(store, note.conference_id)

        app.submit(job, lambda loaded: loaded)

    def _jump_to(self, todo: Todo | None, entry: ChecklistEntry | None) -> None:
        app = self._app
        talk_id = todo.talk_id if todo else (entry.talk_id if entry else None)
        if talk_id is not None:
            app.schedule.show_talk(talk_id)
            app.open_talk(talk_id)
        elif entry is not None:
            app.open_note(entry.note_id)
        else:
            app.notify("This TODO is not linked to a talk")
