"""Export a recap post: the same choices as ``confnote export post``, a live Markdown
preview of the post, then the file written and where it went.

The screen reads what the post is made from once, on the store thread; rendering
the preview and writing the file run in thread workers of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, Label, Markdown, Select, Static

from confnote.errors import ConfnoteError
from confnote.export.defaults import post_defaults
from confnote.export.post import Grouping, Post, PostOptions
from confnote.export.post_source import PostSource, Selection
from confnote.export.targets import TARGETS
from confnote.store.records import Conference
from confnote.ui.path_suggester import PathSuggester
from confnote.ui.requests import StoreRequest
from confnote.ui.screens.dialog import DialogScreen

if TYPE_CHECKING:
    from confnote.config import Settings
    from confnote.store import Store

SELECTIONS = [
    ("Talks with notes", Selection.NOTES),
    ("Starred talks", Selection.STARRED),
    ("Attended talks", Selection.ATTENDED),
    ("All talks but hidden ones", Selection.ALL),
]
# The preview shows about this many lines; the file always holds the whole post.
PREVIEW_LINES = 300
GROUPINGS = [("By day", Grouping.DAY), ("By track", Grouping.TRACK), ("By tag", Grouping.TAG)]


class ExportPostScreen(DialogScreen[Path | None]):
    """Dismisses with the written file's path, or None when closed without writing. The
    engine, author and folder start as the config file's ``[export]`` settings say."""

    DEFAULT_CSS = """
    ExportPostScreen #export {
        width: 95%;
        height: 90%;
        padding: 0 1;
        border: thick $accent;
        background: $surface;
    }
    ExportPostScreen #export-options Label { margin-top: 1; color: $text-muted; }
    ExportPostScreen #export-options Label:first-of-type { margin-top: 0; }
    ExportPostScreen #export-body { height: 1fr; }
    ExportPostScreen #export-options { width: 34; padding-right: 1; }
    ExportPostScreen #export-options Select { width: 100%; }
    ExportPostScreen #export-preview-scroll { width: 1fr; border: round $panel-lighten-2; }
    ExportPostScreen #export-path, ExportPostScreen #export-status { height: auto; }
    ExportPostScreen #export-status { color: $success; }
    ExportPostScreen #export-status.-error { color: $error; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="export.close", tooltip="Close without writing"),
        Binding("ctrl+s", "write", "Write", id="export.write", tooltip="Write the post file"),
    ]

    @dataclass
    class SourceRead(Message):
        source: PostSource

    @dataclass
    class PreviewReady(Message):
        post: Post
        options: PostOptions

    @dataclass
    class Written(Message):
        path: Path

    @dataclass
    class Failed(Message):
        reason: str

    def __init__(self, conference: Conference, settings: Settings) -> None:
        super().__init__()
        self.conference = conference
        self._defaults = post_defaults(settings)
        self.source: PostSource | None = None
        self.post: Post | None = None
        self.written: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export"):
            yield Static(f"[b]Export a recap post of {self.conference.name}[/b]")
            with Horizontal(id="export-body"):
                with VerticalScroll(id="export-options", can_focus=False):
                    yield Label("Blog engine")
                    yield Select(
                        [(target.label, name) for name, target in TARGETS.items()],
                        value=self._defaults.target,
                        allow_blank=False,
                        id="export-target",
                    )
                    yield Label("Talks")
                    yield Select(
                        SELECTIONS, value=Selection.NOTES, allow_blank=False, id="export-select"
                    )
                    yield Label("Sections")
                    yield Select(
                        GROUPINGS, value=Grouping.DAY, allow_blank=False, id="export-group"
                    )
                    yield Checkbox("Table of contents", id="export-toc")
                    yield Checkbox("Open follow-ups", id="export-follow-ups")
                    yield Label("Title")
                    yield Input(placeholder="<Conference> <year>: my notes", id="export-title")
                    yield Label("Author")
                    yield Input(self._defaults.author, placeholder="none", id="export-author")
                    yield Label("Site folder")
                    yield Input(
                        self._defaults.output or str(Path.cwd()),
                        id="export-folder",
                        suggester=PathSuggester(),
                    )
                    yield Checkbox("Replace an existing file", id="export-force")
                with VerticalScroll(id="export-preview-scroll"):
                    yield Markdown("_Reading your notes…_", id="export-preview")
            yield Static("", id="export-path")
            yield Static("", id="export-status")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Write  ctrl+s", variant="primary", id="export-write")
                yield Button("Close  esc", id="export-close")

    def on_mount(self) -> None:
        options = self.query_one("#export-options", VerticalScroll)
        self.call_after_refresh(options.scroll_home, animate=False)
        conference_id = self.conference.id

        def read(store: Store) -> PostSource:
            from confnote.export.post_source import read_post_source

            return read_post_source(store, conference_id)

        self.post_message(StoreRequest(read, self.SourceRead, reply_to=self))

    @on(SourceRead)
    def _source_read(self, event: SourceRead) -> None:
        from confnote.export.post import default_title

        self.source = event.source
        self.query_one("#export-title", Input).placeholder = default_title(event.source)
        self._preview()

    def options(self) -> PostOptions:
        return PostOptions(
            target=str(self.query_one("#export-target", Select).value),
            selection=Selection(str(self.query_one("#export-select", Select).value)),
            group=Grouping(str(self.query_one("#export-group", Select).value)),
            toc=self.query_one("#export-toc", Checkbox).value,
            follow_ups=self.query_one("#export-follow-ups", Checkbox).value,
            title=self.query_one("#export-title", Input).value,
            author=self.query_one("#export-author", Input).value.strip(),
        )

    @on(Select.Changed)
    @on(Checkbox.Changed, "#export-toc, #export-follow-ups")
    @on(Input.Changed, "#export-title, #export-author")
    def _preview(self) -> None:
        if self.source is not None:
            self._render_post(self.source, self.options())

    @work(thread=True, exclusive=True, exit_on_error=False, group="export-preview")
    def _render_post(self, source: PostSource, options: PostOptions) -> None:
        from datetime import date

        from confnote.export.post import render_post

        try:
            post = render_post(source, options, date.today())
        except ConfnoteError as error:
            self.post_message(self.Failed(str(error)))
            return
        self.post_message(self.PreviewReady(post, options))

    @on(PreviewReady)
    async def _preview_ready(self, event: PreviewReady) -> None:
        if event.options != self.options():
            return  # a newer choice is being rendered
        self.post = event.post
        self.query_one("#export-path", Static).update(f"File: {event.post.path}")
        await self.query_one("#export-preview", Markdown).update(preview_text(event.post))

    @on(Button.Pressed, "#export-write")
    def action_write(self) -> None:
        if self.post is None:
            return
        folder = self.query_one("#export-folder", Input).value.strip() or "."
        force = self.query_one("#export-force", Checkbox).value
        self._show_status("Writing…")
        self._write(self.post, Path(folder).expanduser(), force)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export-write")
    def _write(self, post: Post, folder: Path, force: bool) -> None:
        from confnote.export.files import destination, write_atomically

        try:
            path = write_atomically(destination(folder, post.path), post.text, force=force)
        except ConfnoteError as error:
            self.post_message(self.Failed(str(error)))
            return
        self.post_message(self.Written(path))

    @on(Written)
    def _written(self, event: Written) -> None:
        self.written = event.path
        self._show_status(f"Wrote {event.path}")
        self.notify(f"Wrote {event.path}", title="Post exported", timeout=8)

    @on(Failed)
    def _failed(self, event: Failed) -> None:
        self._show_status(event.reason, error=True)

    def _show_status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#export-status", Static)
        status.update(text)
        status.set_class(error, "-error")

    @on(Button.Pressed, "#export-close")
    def action_close(self) -> None:
        self.dismiss(self.written)


def preview_text(post: Post, max_lines: int = PREVIEW_LINES) -> str:
    """The post as Markdown to show: the front matter as a code block above the body, and
    no more than about ``max_lines`` lines (cut before a heading), since the Markdown
    widget builds every block on the UI thread."""
    text = post.text
    for fence, language in (("---", "yaml"), ("+++", "toml")):
        if text.startswith(fence + "\n"):
            front, _, body = text[len(fence) + 1 :].partition(f"\n{fence}\n")
            text = f"```{language}\n{front}\n```\n\n{body}"
            break
    lines = text.split("\n")
    if len(lines) <= max_lines:
        return text
    cut = next(
        (n for n in range(max_lines, 0, -1) if lines[n].startswith("#")),
        max_lines,
    )
    rest = len(lines) - cut
    return "\n".join(lines[:cut]) + f"\n\n_… {rest} more lines in the file._\n"
