"""Every key, by pane, read from the bindings themselves so it cannot drift."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from confnote.ui.keymap import remapped
from confnote.ui.screens.dialog import DialogScreen

# Editing keys the TextArea itself provides, worth knowing while taking notes.
EDITOR_KEYS = [
    ("ctrl+z", "Undo"),
    ("ctrl+y", "Redo"),
    ("ctrl+x / ctrl+c / ctrl+v", "Cut, copy, paste"),
    ("shift+arrows", "Select text"),
    ("tab", "Leave the editor (next pane)"),
]


PALETTE_BINDING = Binding(
    "ctrl+p", "command_palette", "Palette", tooltip="Command palette: every action, jump to talk"
)


def key_sections(everywhere: Iterable[BindingType]) -> list[tuple[str, Iterable[BindingType]]]:
    """The keys by where they work: ``everywhere`` (the app's, and Textual's palette), then
    each pane's, then the conferences list's."""
    from confnote.ui.screens.conferences import ConferencesScreen
    from confnote.ui.widgets.note_editor import NoteEditor
    from confnote.ui.widgets.note_pane import NotePane
    from confnote.ui.widgets.schedule_pane import SchedulePane
    from confnote.ui.widgets.todo_pane import TodoPane

    return [
        ("Everywhere", [*everywhere, PALETTE_BINDING]),
        ("Schedule", SchedulePane.BINDINGS),
        ("Note editor", [*NotePane.BINDINGS, *NoteEditor.BINDINGS]),
        ("TODOs", TodoPane.BINDINGS),
        ("Conferences list (F5)", ConferencesScreen.BINDINGS),
    ]


class HelpScreen(DialogScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,question_mark,f1,q",
            "dismiss(None)",
            "Close",
            id="help.close",
            tooltip="Close help",
        ),
    ]

    def __init__(
        self,
        sections: list[tuple[str, Iterable[BindingType]]],
        keymap: Mapping[str, str] | None = None,
    ) -> None:
        """``keymap`` (binding id → keys) holds the keys the config file remapped."""
        super().__init__()
        self._sections = [(title, remapped(bindings, keymap or {})) for title, bindings in sections]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide", id="help"):
            yield Static("[b]confnote keys[/b]   (Esc closes)", classes="dialog-text")
            for title, bindings in self._sections:
                yield Static(self._table(title, bindings))

    def _table(self, title: str, bindings: Iterable[BindingType]) -> Table:
        table = Table(
            title=title,
            title_justify="left",
            title_style="bold",
            show_header=False,
            box=None,
            padding=(0, 2),
            expand=True,
        )
        table.add_column("key", style="bold cyan", no_wrap=True, width=16)
        table.add_column("does")
        for binding in bindings:
            if isinstance(binding, Binding):
                keys = " / ".join(
                    self.app.get_key_display(Binding(k, "")) for k in binding.key.split(",")
                )
                table.add_row(keys, binding.tooltip or binding.description)
            else:
                key, description = binding[0], binding[2] if len(binding) > 2 else binding[1]
                table.add_row(key, description)
        if title == "Note editor":
            for key, description in EDITOR_KEYS:
                table.add_row(key, description)
        return table
