"""The trash: deleted talks, notes and TODOs of the conference, and deleted conferences;
restore one, or empty it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from confnote.store.records import TrashItem, TrashKind
from confnote.ui.messages import OpenConference, StoreReply
from confnote.ui.requests import StoreRequest

if TYPE_CHECKING:
    from confnote.store import Store


class TrashScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close", id="trash.close", tooltip="Close the trash"),
        Binding("r", "restore", "Restore", id="trash.restore", tooltip="Put the item back"),
        Binding(
            "E", "empty", "Empty trash", id="trash.empty", tooltip="Delete everything for good"
        ),
    ]

    @dataclass
    class Shown(StoreReply):
        """What the trash holds after ``status`` happened; ``restored``: something came back."""

        items: list[TrashItem]
        status: str = ""
        restored: bool = False

    def __init__(self, conference_id: int | None) -> None:
        """The trash of the conference (None: every conference's)."""
        super().__init__()
        self.conference_id = conference_id
        self._restored: int | None = None  # the conference a restore made again
        self.items: list[TrashItem] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("[b]Trash[/b]", classes="dialog-text")
            yield OptionList(id="trash-items")
            yield Static("", id="trash-status", classes="dialog-text")
            yield Static(
                "[b]Enter[/b]/[b]r[/b] restore  [b]E[/b] empty the trash  [b]Esc[/b] close",
                classes="dialog-text",
            )

    def on_mount(self) -> None:
        self._ask(lambda store: "")

    def _ask(self, change: Callable[[Store], str], *, restore: bool = False) -> None:
        """Run ``change`` (it says what it did), then list the trash again. A refused
        restore (its place is taken) comes back as StoreFailed: a notice."""
        conference_id = self.conference_id

        def job(store: Store) -> TrashScreen.Shown:
            status = change(store)
            return TrashScreen.Shown(store.trash(conference_id), status, restore)

        self.post_message(StoreRequest(job, lambda shown: shown, reply_to=self))

    @on(Shown)
    def _shown(self, event: Shown) -> None:
        self.show(event.items, event.status)
        # Show what came back; with no conference open, a restored conference opens.
        shown = self.conference_id if self.conference_id is not None else self._restored
        if event.restored and shown is not None:
            self.post_message(OpenConference(shown))

    def _restore(self, item_id: int) -> None:
        def restore(store: Store) -> str:
            item = store.restore_from_trash(item_id)
            if item.kind is TrashKind.CONFERENCE:
                self._restored = item.conference_id
            return f"Restored {item.kind.label} “{item.title}”."

        self._ask(restore, restore=True)

    def show(self, items: list[TrashItem], status: str = "") -> None:
        """Show what the trash holds, with a line saying what just happened."""
        self.items = items
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(Option(self._label(item), id=str(item.id)) for item in items)
        if items:
            options.highlighted = 0
            options.focus()
        count = f"{len(items)} item{'s' if len(items) != 1 else ''}" if items else "Empty"
        self.query_one("#trash-status", Static).update(f"{status}  {count}".strip())

    @staticmethod
    def _label(item: TrashItem) -> Text:
        label = Text(f"{item.kind.label:<10} ", style="dim")
        label.append(item.title, style="bold")
        when = item.deleted_at.astimezone().strftime("%d %b %H:%M")
        label.append(f"  deleted {when}", style="dim italic")
        return label

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._restore(int(event.option.id or 0))

    def action_restore(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None and self.items:
            self._restore(self.items[options.highlighted].id)

    def action_empty(self) -> None:
        from confnote.ui.screens.confirm import ConfirmScreen

        if not self.items:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                conference_id = self.conference_id
                self._ask(lambda store: f"Deleted {store.empty_trash(conference_id)} for good.")

        count = len(self.items)
        question = f"Delete the {count} item{'s' if count != 1 else ''} in the trash for good?"
        self.app.push_screen(ConfirmScreen(question, yes="Delete for good"), answered)
