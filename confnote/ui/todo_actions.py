"""The store jobs behind the TODO pane's keys: add, edit, tick, move and delete a TODO, and
tick a note's checklist line. Each reply shows the TODOs again, and the linked talk's ◷ mark."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from confnote.errors import ChangedElsewhereError
from confnote.store.records import ChecklistEntry, Todo
from confnote.ui.messages import TalksChanged, TodoChangedElsewhere, TodosLoaded
from confnote.ui.requests import StoreRequest

if TYPE_CHECKING:
    from textual.message import Message

    from confnote.store import Store
    from confnote.ui.screens.todo_form import TodoDraft


def todo_change(
    change: Callable[[Store], object], conference_id: int, talk_id: int | None = None
) -> StoreRequest:
    """Run ``change``, then read the conference's TODOs (and the talk) again."""

    def job(store: Store) -> list[Message]:
        change(store)
        replies: list[Message] = [TodosLoaded.of(store, conference_id)]
        if talk_id is not None:
            replies.append(TalksChanged([store.talk(talk_id)]))
        return replies

    return StoreRequest(job, lambda replies: replies)


def save_draft(draft: TodoDraft, todo: Todo | None, conference_id: int) -> StoreRequest:
    """A new TODO from the form's ``draft``, or ``todo`` changed to match it. An edit is
    checked against ``todo``: if another window changed it meanwhile, nothing is written
    and the reply asks to show the form again (TodoChangedElsewhere)."""
    if todo is None:
        return todo_change(
            lambda store: store.add_todo(
                conference_id,
                draft.text,
                kind=draft.kind,
                talk_id=draft.talk_id,
                due_on=draft.due_on,
                url=draft.url,
            ),
            conference_id,
            draft.talk_id,
        )
    edited = todo

    def job(store: Store) -> list[Message]:
        try:
            store.update_todo(
                edited.id,
                text=draft.text,
                kind=draft.kind,
                due_on=draft.due_on,
                clear_due=draft.due_on is None,
                url=draft.url,
                base=edited,
            )
        except ChangedElsewhereError:
            theirs = store.todo(edited.id)
            yours = replace(
                theirs, text=draft.text, kind=draft.kind, due_on=draft.due_on, url=draft.url
            )
            return [TodoChangedElsewhere(theirs, yours)]
        return [TodosLoaded.of(store, conference_id)]

    return StoreRequest(job, lambda replies: replies)


def tick_in_store(entry: ChecklistEntry) -> StoreRequest:
    """Tick (or untick) a checklist line of a note that is not open, in the store."""

    def job(store: Store) -> TodosLoaded:
        note = store.set_checklist_item(entry, not entry.done)
        return TodosLoaded.of(store, note.conference_id)

    return StoreRequest(job, lambda loaded: loaded)
