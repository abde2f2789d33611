"""The note pane: the talk's header, its Markdown note, a preview, and the save status.

Autosave: after a pause in typing (``autosave_delay`` in the config, half a second by
default), when the pane loses focus, when another note opens, on ctrl+s, and when the app
quits. Saving itself happens in
the store thread; this pane only asks for it and shows the outcome.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Offset
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static, TextArea

from confnote.checklist import ChecklistItem, set_checked, with_check_boxes
from confnote.clock_format import time_span
from confnote.config import Config
from confnote.note_template import note_start
from confnote.store.records import ChecklistEntry, Note, NoteRevision, RevisionKind, Talk
from confnote.ui.messages import NoteTarget
from confnote.ui.widgets.note_editor import NoteEditor

AUTOSAVE_DELAY = 0.5  # seconds; the config file's autosave_delay overrides it
# A save that failed (a locked database) is tried again after 1, 2, 4… up to 30 s.
FIRST_RETRY_DELAY = 1.0
MAX_RETRY_DELAY = 30.0
NO_NOTE = "Choose a talk in the schedule and press Enter to take notes."
# save(target, body, keep_current_as): queue a store write and return at once.
SaveNote = Callable[[NoteTarget, str, RevisionKind | None], None]


def talk_links(talk: Talk) -> list[tuple[str, str]]:
    return [("talk page", talk.url), ("slides", talk.slides_url), ("video", talk.video_url)]


class NotePane(Vertical):
    BORDER_TITLE = "Note"
    ALLOW_MAXIMIZE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="note.save", tooltip="Save the note now"),
        Binding(
            "ctrl+g",
            "external_editor",
            "Editor",
            id="note.external_editor",
            tooltip="Edit the note in $VISUAL or $EDITOR; saved when the editor exits",
        ),
        Binding(
            "ctrl+l",
            "revisions",
            "Revisions",
            id="note.revisions",
            tooltip="List the note's earlier texts, see what changed, restore one",
        ),
        Binding(
            "ctrl+r",
            "toggle_preview",
            "Preview",
            id="note.toggle_preview",
            tooltip="Show the note rendered as Markdown, or go back to editing",
        ),
        Binding(
            "f8",
            "focus_mode",
            "Focus",
            id="note.focus_mode",
            tooltip="Focus mode: the note takes the whole screen; again (or Esc) goes back",
        ),
    ]

    DEFAULT_CSS = """
    NotePane #note-header { height: auto; max-height: 5; padding: 0 1; background: $boost; }
    NotePane NoteEditor, NotePane NoteEditor:focus { height: 1fr; border: none; padding: 0 1; }
    NotePane #note-preview { display: none; height: 1fr; padding: 0 1; }
    /* Long code lines wrap in the preview instead of running past the pane's edge. */
    NotePane MarkdownFence { overflow-x: hidden; }
    NotePane MarkdownFence > Label { width: 1fr; text-wrap: wrap; }
    NotePane.-preview #note-preview { display: block; }
    NotePane.-preview NoteEditor { display: none; }
    NotePane #note-status { height: 1; padding: 0 1; color: $text-muted; }
    NotePane #note-status.-unsaved { color: $warning; }
    NotePane #note-status.-failed { color: $error; text-style: bold; }
    NotePane.-closed NoteEditor { display: none; }
    """

    def __init__(
        self,
        clock: Callable[[], datetime],
        zone: Callable[[], tzinfo],
        save: SaveNote,
        *,
        id: str,
        config: Config | None = None,
    ) -> None:
        """``config`` gives the autosave delay, the clock and the note template."""
        super().__init__(id=id, classes="-closed")
        self._config = config or Config()
        self._clock = clock
        self._zone = zone
        self._save = save
        self.target: NoteTarget | None = None
        self.talk: Talk | None = None
        self._shown_status: tuple[str, str] | None = None
        self.conference_id: int | None = None  # of the open note
        # What the store holds for the open note; None when a save failed, so any text
        # counts as unsaved and the next change or flush retries.
        self._saved_body: str | None = ""
        self._template = ""  # the untouched template of the open talk note
        self._saves_in_flight = 0
        self.note_id: int | None = None  # None until the note exists in the store
        self._retry_delay = FIRST_RETRY_DELAY
        # Where the cursor and view were in each note left this session, to come back to.
        self._left_at: dict[NoteTarget, tuple[tuple[int, int], Offset]] = {}
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(NO_NOTE, id="note-header")
        editor = NoteEditor(
            lambda: self._clock().astimezone(self._zone()),
            id="note-editor",
            twelve_hour=self._config.settings.twelve_hour,
        )
        editor.read_only = True  # no note open: nothing to type into
        yield editor
        yield VerticalScroll(id="note-preview", can_focus=True)
        yield Static("", id="note-status")

    @property
    def editor(self) -> NoteEditor:
        return self.query_one(NoteEditor)

    @property
    def dirty(self) -> bool:
        return self.target is not None and self.editor.text != self._saved_body

    def show_note(
        self, target: NoteTarget, talk: Talk | None, note: Note | None, title: str = ""
    ) -> None:
        """Open a note; whatever the previous one held is saved first. A note opened
        before in this session opens where its cursor was left."""
        self.flush()
        if self.target is not None:
            self._left_at[self.target] = (self.editor.cursor_location, self.editor.scroll_offset)
        self.target, self.talk = target, talk
        self.note_id = note.id if note else None
        self.conference_id = talk.conference_id if talk else (note.conference_id if note else None)
        cursor: tuple[int, int] | None = None
        template, template_cursor = self._start_from(talk) if talk else ("", None)
        self._template = template
        if note is not None and note.body.strip():
            body = note.body
        else:  # no note yet, or one emptied back to its template: start from the template
            body, cursor = template, template_cursor
        self._saved_body = body  # an untouched template is no note yet: saved once typed in
        self.editor.load_text(body)
        left_at = self._left_at.get(target) if cursor is None else None
        self.editor.move_cursor(left_at[0] if left_at else cursor or self.editor.document.end)
        if left_at:
            scroll = left_at[1]
            self.editor.call_after_refresh(self.editor.scroll_to, scroll.x, scroll.y, animate=False)
        self.editor.read_only = False
        self.remove_class("-closed")
        self._render_header(talk, note, title)
        if note:
            self._set_status(f"saved {self._local(note.updated_at):%H:%M:%S}")
        else:
            self._set_status("new note: saved once you type")
        if self.has_class("-preview"):
            self._render_preview()

    @property
    def _autosave_delay(self) -> float:
        """The config file's ``autosave_delay`` if it sets one, else this pane's default."""
        if "autosave_delay" in self._config.from_file:
            return self._config.settings.autosave_delay
        return AUTOSAVE_DELAY

    def _start_from(self, talk: Talk) -> tuple[str, tuple[int, int]]:
        """A new note's text from the configured template, and where its cursor starts."""
        twelve_hour = self._config.settings.twelve_hour
        return note_start(talk, self._zone(), self._config.note_template, twelve_hour=twelve_hour)

    def close(self) -> None:
        """Save and close the open note; the pane takes no typing until another opens."""
        self.flush()
        self.target = self.talk = self.conference_id = None
        self._saved_body = self._template = ""
        self.editor.load_text("")
        self.editor.read_only = True
        self.add_class("-closed")
        self.remove_class("-preview")
        self.query_one("#note-header", Static).update(NO_NOTE)
        self._set_status("")

    def update_talk(self, talk: Talk) -> None:
        """The open talk changed (a refresh or an edit moved it): show its new facts."""
        if self.talk is not None and talk.id == self.talk.id and talk != self.talk:
            self.talk = talk
            self._render_header(talk, None, "")

    def _render_header(self, talk: Talk | None, note: Note | None, title: str) -> None:
        header = self.query_one("#note-header", Static)
        if talk is None:
            text = Text(note.title if note else title, style="bold")
            text.append("  (conference note)", style="dim")
            header.update(text)
            return
        where = self._zone()
        start, end = talk.starts_at.astimezone(where), talk.ends_at.astimezone(where)
        text = Text(talk.title, style="bold")
        if talk.subtitle:
            text.append(f" — {talk.subtitle}")
        when = time_span(start, end, self._config.settings.twelve_hour)
        facts = [", ".join(talk.speakers), when, talk.room]
        text.append("\n" + " · ".join(fact for fact in [*facts, talk.track] if fact), style="dim")
        links = [(label, url) for label, url in talk_links(talk) if url]
        if links:
            text.append("\nlinks: ", style="dim")
            for index, (label, url) in enumerate(links):
                if index:
                    text.append(" · ", style="dim")
                text.append(label, style=Style(link=url, underline=True))
        if talk.cancelled:
            text.append("\ncancelled: no longer in the schedule", style="bold red")
        header.update(text)

    def _local(self, instant: datetime) -> datetime:
        return instant.astimezone(self._zone())

    def _set_status(self, text: str, state: str = "") -> None:
        if self._shown_status == (text, state):
            return  # every key says "editing…": repaint the line only when it changes
        self._shown_status = (text, state)
        status = self.query_one("#note-status", Static)
        status.update(text)
        status.set_class(state == "unsaved", "-unsaved")
        status.set_class(state == "failed", "-failed")

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if not self.dirty:
            return
        self._set_status("editing…", "unsaved")
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(self._autosave_delay, self.flush)

    def on_descendant_blur(self, _event: events.DescendantBlur) -> None:
        self.flush()

    def flush(self, keep_current_as: RevisionKind | None = None) -> None:
        """Queue a save now if the text differs from what the store holds.

        The save goes straight onto the store thread's queue (a call, not a bubbling
        message), so it is queued before anything that happens after this returns,
        quitting included.
        """
        self._stop_timer()
        if self.target is None or not self.dirty:
            return
        body = self.editor.text
        self._saved_body = body  # what the store will hold once this save lands
        self._set_status("saving…", "unsaved")
        self._saves_in_flight += 1
        # Text undone back to the untouched template is no note: stored empty, so no ✎.
        self._save(self.target, "" if body == self._template else body, keep_current_as)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def saved(self, target: NoteTarget, note: Note, conflict: NoteRevision | None) -> None:
        self._saves_in_flight -= 1
        self._retry_delay = FIRST_RETRY_DELAY
        if target == self.target:
            self.note_id = note.id
        if conflict is not None:
            self._conflicted(target, note, conflict)
            return
        if target != self.target:
            return
        if not self.dirty:
            self._set_status(f"saved {self._local(note.updated_at):%H:%M:%S}")

    def _conflicted(self, target: NoteTarget, note: Note, conflict: NoteRevision) -> None:
        """Another window had changed the note: both texts are kept; offer the choice."""
        from confnote.ui.screens.note_conflict import NoteConflictScreen

        title = self.talk.title if self.talk and target == self.target else note.title
        if target != self.target or isinstance(self.app.screen, NoteConflictScreen):
            self.app.notify(
                f"“{title}” was changed in another window: its text is kept as a revision",
                severity="warning",
                timeout=10,
            )
            return
        self._set_status("changed in another window: both texts kept", "unsaved")
        screen = NoteConflictScreen(title, self.editor.text, conflict.body)

        def chosen(choice: str | None) -> None:
            if target != self.target or choice in (None, "mine"):
                return
            body = screen.theirs if choice == "theirs" else screen.merged
            self.replace_text_and_save(body, keep_current_as=RevisionKind.CONFLICT)

        self.app.push_screen(screen, chosen)

    def save_failed(self, target: NoteTarget, reason: str, body: str) -> None:
        """A save did not land (a locked database): try again by itself, waiting longer
        each time, for whichever note it was."""
        self._saves_in_flight -= 1
        delay, self._retry_delay = self._retry_delay, min(self._retry_delay * 2, MAX_RETRY_DELAY)
        if target != self.target:
            self.set_timer(delay, lambda: self._resave(target, body))
            return
        self._saved_body = None
        self._set_status(f"NOT SAVED: {reason} · trying again in {delay:g} s", "failed")
        self._stop_timer()
        self._timer = self.set_timer(delay, self.flush)

    def _resave(self, target: NoteTarget, body: str) -> None:
        self._saves_in_flight += 1
        self._save(target, body, None)

    def pending_text(self) -> tuple[NoteTarget, str] | None:
        """The open note's text if the store may not hold it yet; stops the autosave."""
        self._stop_timer()
        if self.target is None or not (self.dirty or self._saves_in_flight):
            return None
        return self.target, self.editor.text

    def changed_elsewhere(self, target: NoteTarget, note: Note, set_aside: bool = False) -> bool:
        """Another window saved the open note. Show its text if nothing here is unsaved
        (True: the editor now shows ``note``); else save, which keeps both texts."""
        if target != self.target:
            return False
        if self.dirty or self._saves_in_flight:
            self.flush()
            return False
        cursor, scroll = self.editor.cursor_location, self.editor.scroll_offset
        body = note.body if note.body.strip() or not self._template else self._template
        self._saved_body = body
        self.editor.load_text(body)
        self.editor.move_cursor(cursor)
        self.editor.scroll_to(scroll.x, scroll.y, animate=False)
        self._set_status(f"updated from another window {self._local(note.updated_at):%H:%M:%S}")
        if set_aside:
            self.app.notify(
                "Another window saved over this note; your text is kept as a revision (ctrl+l)",
                severity="warning",
                timeout=10,
            )
        if self.has_class("-preview"):
            self._render_preview()
        return True

    class ExternalEditWanted(Message):
        pass

    def action_external_editor(self) -> None:
        if self.target is not None:
            self.post_message(self.ExternalEditWanted())

    @dataclass
    class RevisionsWanted(Message):
        note_id: int

    def action_revisions(self) -> None:
        if self.note_id is None:
            self.app.notify("This note has no revisions yet", timeout=3)
            return
        self.flush()
        self.post_message(self.RevisionsWanted(self.note_id))

    def show_revisions(self, note_id: int, revisions: list[NoteRevision]) -> None:
        """List the revisions; a chosen one replaces the text, which is kept first."""
        from confnote.ui.screens.revisions import RevisionsScreen

        if note_id != self.note_id:
            return
        if not revisions:
            self.app.notify("This note has no revisions yet", timeout=3)
            return
        title = self.talk.title if self.talk else ""

        def chosen(revision: NoteRevision | None) -> None:
            if revision is not None and note_id == self.note_id:
                self.flush()
                self.replace_text_and_save(revision.body, keep_current_as=RevisionKind.RESTORE)
                self._set_status(f"restored the revision of {self._local(revision.saved_at):%H:%M}")

        screen = RevisionsScreen(title, self.editor.text, revisions, self._zone())
        self.app.push_screen(screen, chosen)

    def action_save(self) -> None:
        self.flush()

    def action_toggle_preview(self) -> None:
        if self.target is None:
            return
        previewing = not self.has_class("-preview")
        self.set_class(previewing, "-preview")
        if previewing:
            self.flush()
            self._render_preview()
            self.query_one("#note-preview").focus()
        else:
            self.editor.focus()

    def action_focus_mode(self) -> None:
        if self.screen.maximized is self:
            self.screen.minimize()
        else:
            self.screen.maximize(self, container=False)

    def _render_preview(self) -> None:
        from textual.widgets import Markdown

        preview = self.query_one("#note-preview", VerticalScroll)
        preview.remove_children()
        preview.mount(Markdown(with_check_boxes(self.editor.text)))

    def tick(self, entry: ChecklistEntry) -> bool:
        """Tick a checklist line in the editor when its note is open (so typing there is
        never lost); False when the note is not open here."""
        target = self.target
        shown = target is not None and (
            (entry.talk_id is not None and target.talk_id == entry.talk_id)
            or (entry.talk_id is None and target.note_id == entry.note_id)
        )
        if not shown:
            return False
        item = ChecklistItem(entry.line, entry.text, entry.done)
        body = set_checked(self.editor.text, item, not entry.done)
        if body is None:
            self.notify("That line changed in the open note", severity="warning")
        else:
            self.replace_text_and_save(body)
        return True

    def replace_text_and_save(self, body: str, keep_current_as: RevisionKind | None = None) -> None:
        """Put ``body`` in the editor (a checklist tick, a conflict choice) and save it."""
        cursor = self.editor.cursor_location
        self.editor.load_text(body)
        self.editor.move_cursor(cursor)
        self.flush(keep_current_as)
