"""The conferences: open one, make one, rename one, change its time zone, or move it to the
trash after a confirm that says what goes with it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.message_pump import MessagePump
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from confnote.store.records import Conference, ConferenceContents
from confnote.ui.screens.dialog import DialogScreen
from confnote.wording import counted, held

NEW = -1  # dismissed with this: make a new conference; with None: nothing


@dataclass(frozen=True, slots=True)
class ConferenceEntry:
    conference: Conference
    contents: ConferenceContents


def _b(key: str, action: str, description: str, tooltip: str) -> Binding:
    return Binding(key, action, description, id=f"conferences.{action}", tooltip=tooltip)


class ConferencesScreen(DialogScreen[int | None]):
    """Dismisses with the id of the conference to open, NEW, or None. Renames, zone changes
    and deletes go to the owner as messages; it answers with ``show`` of the new list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        _b("escape", "close", "Close", "Close the list"),
        _b("n", "new", "New", "Create a conference by hand"),
        _b("r", "rename", "Rename", "Give the highlighted conference another name"),
        _b("z", "zone", "Zone", "Change the highlighted conference's time zone"),
        _b("D,delete", "delete", "Delete", "Move the highlighted conference to the trash"),
    ]

    @dataclass
    class Rename(Message):
        conference_id: int
        name: str

    @dataclass
    class ChangeZone(Message):
        conference_id: int
        time_zone: str

    @dataclass
    class Delete(Message):
        """Move the conference to the trash: the attendee confirmed it."""

        conference: Conference

    def __init__(
        self,
        owner: MessagePump,
        entries: list[ConferenceEntry],
        open_id: int | None = None,
        then: str = "",
    ) -> None:
        """Renames, zone changes and deletes go to ``owner`` (the main screen). ``then``:
        "rename", "zone" or "delete", run at once on the open conference (the palette's
        conference commands)."""
        super().__init__()
        self._owner = owner
        self.entries = entries
        self._open_id = open_id
        self._then = then

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("[b]Conferences[/b]", classes="dialog-text")
            yield OptionList(id="conferences")
            yield Static(
                "[b]Enter[/b] open  [b]n[/b] new  [b]r[/b] rename  [b]z[/b] time zone  "
                "[b]D[/b] delete  [b]Esc[/b] close",
                classes="dialog-text",
            )

    def on_mount(self) -> None:
        self.show(self.entries, self._open_id)
        if self._then in ("rename", "zone", "delete") and self._open_id is not None:
            getattr(self, f"action_{self._then}")()

    def show(self, entries: list[ConferenceEntry], highlight: int | None = None) -> None:
        """List ``entries``, the cursor on conference ``highlight`` (else where it was)."""
        options = self.query_one(OptionList)
        if highlight is None and self.highlighted is not None:
            highlight = self.highlighted.conference.id
        self.entries = entries
        options.clear_options()
        options.add_options(self._option(entry) for entry in entries)
        options.add_option(Option(Text("+ New conference…", style="italic"), id=str(NEW)))
        ids = [entry.conference.id for entry in entries]
        options.highlighted = ids.index(highlight) if highlight in ids else 0
        options.focus()

    def _option(self, entry: ConferenceEntry) -> Option:
        conference = entry.conference
        label = Text(conference.name, style="bold")
        if conference.id == self._open_id:
            label.append("  (open)", style="italic")
        dates = conference.starts_on.isoformat() if conference.starts_on else "no dates"
        if conference.ends_on and conference.ends_on != conference.starts_on:
            dates += f" to {conference.ends_on.isoformat()}"
        talks = counted(entry.contents.talks, "talk")
        label.append(f"\n  {dates} · {conference.time_zone} · {talks}", style="dim")
        return Option(label, id=str(conference.id))

    @property
    def highlighted(self) -> ConferenceEntry | None:
        index = self.query_one(OptionList).highlighted
        return self.entries[index] if index is not None and index < len(self.entries) else None

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or NEW))

    def action_close(self) -> None:
        self.dismiss(None)

    def action_new(self) -> None:
        self.dismiss(NEW)

    def action_rename(self) -> None:
        from confnote.ui.screens.conference_edit import RenameConferenceScreen

        if (entry := self.highlighted) is None:
            return
        conference = entry.conference

        def named(name: str | None) -> None:
            if name is not None and name != conference.name:
                self._owner.post_message(self.Rename(conference.id, name))

        self.app.push_screen(RenameConferenceScreen(conference), named)

    def action_zone(self) -> None:
        from confnote.ui.screens.conference_edit import ConferenceZoneScreen

        if (entry := self.highlighted) is None:
            return
        conference = entry.conference

        def chosen(zone: str | None) -> None:
            if zone is not None and zone != conference.time_zone:
                self._owner.post_message(self.ChangeZone(conference.id, zone))

        self.app.push_screen(ConferenceZoneScreen(conference), chosen)

    def action_delete(self) -> None:
        from confnote.ui.screens.confirm import ConfirmScreen

        if (entry := self.highlighted) is None:
            return
        conference = entry.conference

        def answered(yes: bool | None) -> None:
            if yes:
                self._owner.post_message(self.Delete(conference))

        question = (
            f"Move “{conference.name}” to the trash with its {held(entry.contents)}?\n\n"
            "The trash (palette: Trash) gives it back whole."
        )
        self.app.push_screen(ConfirmScreen(question, yes="Move to trash", no="Keep it"), answered)
