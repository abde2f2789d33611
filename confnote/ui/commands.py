"""Command palette: jump to a talk by (fuzzy) title."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from confnote.ui.requests import OpenTalk
from confnote.ui.widgets.schedule_pane import SchedulePane

if TYPE_CHECKING:
    from confnote.store.records import Talk

MAX_HITS = 20


class TalkJumpProvider(Provider):
    """Talks of the open conference, matched on title and speakers."""

    def _talks(self) -> list[Talk]:
        panes = self.screen.query(SchedulePane)
        return list(panes.first().talks) if panes else []

    def _jump(self, talk_id: int) -> None:
        self.app.post_message(OpenTalk(talk_id))

    async def discover(self) -> Hits:
        for talk in [t for t in self._talks() if t.star][:MAX_HITS]:
            yield DiscoveryHit(
                f"Jump to: {talk.title}",
                partial(self._jump, talk.id),
                help=", ".join(talk.speakers),
            )

    async def search(self, query: str) -> Hits:
        from rapidfuzz import fuzz, process, utils

        talks = self._talks()
        choices = {talk.id: f"{talk.title} {' '.join(talk.speakers)}" for talk in talks}
        by_id = {talk.id: talk for talk in talks}
        matcher = self.matcher(query)
        for _, score, talk_id in process.extract(
            query,
            choices,
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            limit=MAX_HITS,
            score_cutoff=60,
        ):
            talk = by_id[talk_id]
            yield Hit(
                score / 100,
                matcher.highlight(f"Jump to: {talk.title}"),
                partial(self._jump, talk.id),
                help=", ".join(talk.speakers),
            )
