"""Textual's footer, rebuilt only when the keys it lists change.

The stock footer composes itself again after every focus move and every
``refresh_bindings``, one rebuild per change even when several come in one
refresh. Each rebuild mounts a widget per key, which made up about a quarter of
confnote's start (seven rebuilds before the first rows). This one waits for the
refresh, then rebuilds only if the listed keys differ from those on screen.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen


class KeyFooter(Footer):
    _rebuild_pending = False
    _listed: tuple[Hashable, ...] | None = None

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._listed = self._listing()
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._rebuild_pending:
            return
        if self.is_attached and screen is self.screen:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._rebuild_pending = False
        if self.is_attached and self._listing() != self._listed:
            await self.recompose()

    def _listing(self) -> tuple[Hashable, ...]:
        """What the footer would show: each key with its label, state and tooltip."""
        keys = [
            (binding.key, binding.description, binding.action, enabled, tooltip, binding.group)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        ]
        return (*keys, self.show_command_palette, self.app.ENABLE_COMMAND_PALETTE)
