"""Full-text search over talks and notes; Enter opens the result. The screen asks the store
itself, and the hits come back to it."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from confnote.store.records import SearchHit
from confnote.ui.messages import SearchFinished
from confnote.ui.requests import StoreRequest
from confnote.ui.screens.dialog import DialogScreen

if TYPE_CHECKING:
    from confnote.store import Store

SEARCH_DELAY = 0.2


class SearchScreen(DialogScreen[SearchHit | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close", id="search.close", tooltip="Close search"),
        Binding(
            "down",
            "focus_results",
            "Results",
            show=False,
            id="search.results",
            tooltip="Move to the results",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._hits: list[SearchHit] = []
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("[b]Search talks and notes[/b]", classes="dialog-text")
            yield Input(placeholder='words, "a phrase", a speaker…', id="search-input")
            yield OptionList(id="search-results")
            yield Static("", id="search-count", classes="dialog-text")

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        text = event.value
        self._timer = self.set_timer(SEARCH_DELAY, lambda: self._search(text))

    def _search(self, text: str) -> None:
        def job(store: Store) -> SearchFinished:
            return SearchFinished(text, store.search(text))

        self.post_message(StoreRequest(job, lambda found: found, reply_to=self))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        if self._hits:
            self.dismiss(self._hits[0])

    @on(SearchFinished)
    def _found(self, event: SearchFinished) -> None:
        self.show_results(event.query, event.hits)

    def show_results(self, query: str, hits: list[SearchHit]) -> None:
        if query != self.query_one(Input).value:
            return  # an older query answered late
        self._hits = hits
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(Option(self._label(hit), id=str(i)) for i, hit in enumerate(hits))
        count = f"{len(hits)} result{'s' if len(hits) != 1 else ''}" if query.strip() else ""
        self.query_one("#search-count", Static).update(count)

    @staticmethod
    def _label(hit: SearchHit) -> Text:
        label = Text(hit.title, style="bold")
        if hit.speakers:
            label.append(f" — {hit.speakers}", style="dim")
        label.append(f"\n  {hit.where_and_when}", style="cyan")
        label.append("\n  ")
        for piece, matched in hit.snippet:
            label.append(piece, style="bold reverse" if matched else "")
        return label

    def action_focus_results(self) -> None:
        if self._hits:
            results = self.query_one(OptionList)
            if results.highlighted is None:
                results.highlighted = 0  # so Enter chooses it
            results.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._hits[int(event.option.id or 0)])
