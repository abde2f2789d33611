"""The config file at work in the app: theme and keys at start, its warnings as notices, and
a theme picked in the command palette saved back to the file (off the UI thread)."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.theme import Theme

from confnote.config import Config, ConfigError, save_setting
from confnote.ui.keymap import unknown_id_warnings


class Preferences:
    def __init__(self, app: App[Any], config: Config) -> None:
        self._app = app
        self.config = config
        self._theme_in_file = config.settings.theme

    @property
    def keymap(self) -> dict[str, str]:
        return dict(self.config.settings.keys)

    def apply(self) -> None:
        """Call once the app is mounted: the theme and keys take effect before the first frame."""
        app, settings = self._app, self.config.settings
        if settings.theme in app.available_themes:
            app.theme = settings.theme
        self._theme_in_file = app.theme
        if settings.keys:
            app.set_keymap(self.keymap)
        app.theme_changed_signal.subscribe(app, self._theme_changed)

    def show_warnings(self) -> None:
        """Call once the startup notices are cleared: the config's mistakes, one notice each."""
        app, settings = self._app, self.config.settings
        for warning in self.config.warnings:
            self._warn(warning)
        if settings.theme not in app.available_themes:
            self._warn(f"{self.config.path}: theme: no theme named {settings.theme!r}")
        if settings.keys:
            app.run_worker(self._check_keys, thread=True, group="config", exit_on_error=False)

    def _warn(self, warning: str) -> None:
        self._app.notify(warning, title="Config file", severity="warning", timeout=12)

    def _check_keys(self) -> None:
        for warning in unknown_id_warnings(self.config):
            self._app.call_from_thread(self._warn, warning)

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name == self._theme_in_file or self.config.path is None:
            return
        self._theme_in_file = theme.name
        path, name = self.config.path, theme.name

        def save() -> None:
            try:
                save_setting(path, "theme", name)
            except ConfigError as error:
                self._app.call_from_thread(self._warn, f"Theme not saved: {error}")

        self._app.run_worker(save, thread=True, group="config", exit_on_error=False)
