"""The user's settings: an optional TOML file, read with ``tomllib``. Headless: no Textual.

The file lives at the platformdirs config path (``confnote paths``), or wherever
``$CONFNOTE_CONFIG`` points. Every setting is optional. A setting that is unknown or of the
wrong kind gives a one-line warning naming the file, the key and the reason, and its default
stays in force: a bad config never stops the app. A few settings have an environment
variable that overrides the file (``Option.env``).
"""

from __future__ import annotations

import difflib
import json
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from confnote.errors import ConfnoteError
from confnote.note_template import PLACEHOLDERS

DEFAULT_THEME = "textual-dark"
KEYS = "keys"


@dataclass(frozen=True, slots=True)
class Settings:
    """What the user can set, with the defaults in force when the file says nothing."""

    theme: str = DEFAULT_THEME
    autosave_delay: float = 0.5
    time_zone: str = "conference"
    clock: str = "24h"
    # Empty: the packaged template. Else a file path, or the template's text (several lines).
    note_template: str = ""
    export_target: str = "hugo"
    export_author: str = ""
    export_folder: str = ""
    backups_kept: int = 10
    # Binding id → keys, e.g. {"schedule.star": "S"}.
    keys: Mapping[str, str] = field(default_factory=dict)

    @property
    def twelve_hour(self) -> bool:
        return self.clock == "12h"

    @property
    def local_time(self) -> bool:
        return self.time_zone == "local"


Check = Callable[[Any], str | None]


@dataclass(frozen=True, slots=True)
class Option:
    """One setting: where it sits in the file, what it holds and what it means."""

    key: str  # dotted, as in the file: "time.clock"
    attribute: str  # of Settings
    kind: type
    help: str
    choices: tuple[str, ...] = ()
    check: Check | None = None
    # An environment variable that, when set, wins over the file.
    env: str = ""

    @property
    def default(self) -> Any:
        return getattr(Settings(), self.attribute)

    def problem(self, value: Any) -> str | None:
        """Why ``value`` cannot be used for this setting, or None when it can."""
        if isinstance(value, bool) and self.kind is not bool:
            return f"expected {_kind_name(self.kind)}, got a boolean"
        if not isinstance(value, self.kind) and not (self.kind is float and isinstance(value, int)):
            return f"expected {_kind_name(self.kind)}, got {_kind_name(type(value))}"
        if self.choices and value not in self.choices:
            return f"expected one of {', '.join(map(repr, self.choices))}, got {value!r}"
        return self.check(value) if self.check else None


def _between(low: float, high: float) -> Check:
    def check(value: Any) -> str | None:
        return None if low <= value <= high else f"expected {low:g} to {high:g}, got {value!r}"

    return check


def _blog_engine(value: Any) -> str | None:
    from confnote.export.targets import TARGETS

    return None if value in TARGETS else f"expected one of {', '.join(TARGETS)}, got {value!r}"


def _kind_name(kind: type) -> str:
    names = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}
    return names.get(kind, kind.__name__ if kind is not dict else "a table")


OPTIONS = (
    Option(
        "theme",
        "theme",
        str,
        'Textual theme, e.g. "textual-dark", "textual-light", "nord", "gruvbox", '
        '"catppuccin-latte" (ctrl+p → Theme lists them; the choice is saved here)',
    ),
    Option(
        "autosave_delay",
        "autosave_delay",
        float,
        "Seconds after the last keystroke before a note is saved",
        check=_between(0.1, 10),
    ),
    Option(
        "time.zone",
        "time_zone",
        str,
        "Show talk times in the conference's zone or in yours (z switches in the app)",
        choices=("conference", "local"),
    ),
    Option("time.clock", "clock", str, "Clock for talk times", choices=("24h", "12h")),
    Option(
        "notes.template",
        "note_template",
        str,
        "What a new talk note starts with: a file path, or the text itself (several lines, in "
        f'"""quotes"""); placeholders: {", ".join("$" + p for p in PLACEHOLDERS)}',
    ),
    Option(
        "export.target",
        "export_target",
        str,
        "Blog engine the exported post is written for, by `confnote export post` and the "
        "app's export screen (hugo, jekyll, pelican, quarto…)",
        check=_blog_engine,
    ),
    Option("export.author", "export_author", str, "Author name in the exported post"),
    Option(
        "export.folder",
        "export_folder",
        str,
        "Site folder (or file) the exported post is written to; empty: the current folder",
    ),
    Option(
        "backups.kept",
        "backups_kept",
        int,
        "How many rotating backups of the database to keep ($CONFNOTE_BACKUPS_KEEP overrides it)",
        check=_between(1, 1000),
        env="CONFNOTE_BACKUPS_KEEP",
    ),
)
OPTIONS_BY_KEY = {option.key: option for option in OPTIONS}


@dataclass(frozen=True, slots=True)
class Config:
    """Settings as read from ``path`` (None: no file, nothing saved), and what was wrong."""

    path: Path | None = None
    settings: Settings = field(default_factory=Settings)
    # The dotted keys the file set, with values that were kept.
    from_file: frozenset[str] = frozenset()
    warnings: tuple[str, ...] = ()
    # The text of ``settings.note_template``, read from its file or given inline.
    note_template: str | None = None
    # The dotted keys an environment variable set (over the file).
    from_environment: frozenset[str] = frozenset()

    def effective(self) -> list[tuple[str, Any, str]]:
        """Every setting in force: dotted key, value, and "config file", "default" or the
        environment variable that set it."""
        rows = [
            (option.key, getattr(self.settings, option.attribute), self._source(option))
            for option in OPTIONS
        ]
        keys = sorted(self.settings.keys.items())
        return rows + [(f'{KEYS}."{binding}"', key, "config file") for binding, key in keys]

    def _source(self, option: Option) -> str:
        if option.key in self.from_environment:
            return f"${option.env}"
        return "config file" if option.key in self.from_file else "default"


class ConfigError(ConfnoteError):
    """The config file could not be written."""


def load_config(path: Path, environ: Mapping[str, str] | None = None) -> Config:
    """Read ``path``; a missing file means every default, a broken one a warning and defaults.
    Then the environment variables of ``environ`` (default: the process's) that override a
    setting win over the file."""
    return _with_environment(_read_file(path), os.environ if environ is None else environ)


def _read_file(path: Path) -> Config:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config(path)
    except (OSError, UnicodeDecodeError) as error:
        return Config(path, warnings=(f"{path}: cannot read the file: {_reason(error)}",))
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Config(path, warnings=(f"{path}: not valid TOML ({error}); every default used",))
    return _from_document(path, document)


def _from_document(path: Path, document: dict[str, Any]) -> Config:
    values: dict[str, Any] = {}
    warnings: list[str] = []
    from_file: set[str] = set()

    def warn(key: str, reason: str) -> None:
        shown = key if key.isprintable() else json.dumps(key)  # one line, whatever the key
        warnings.append(f"{path}: {shown}: {reason}")

    for key, value in _flatten(document, keep=lambda key: key in OPTIONS_BY_KEY or key == KEYS):
        if key == KEYS:
            if isinstance(value, dict):
                values["keys"] = _keymap(value, warn)
            else:
                warn(key, 'expected a table of binding ids and keys: [keys] "app.search" = "f6"')
            continue
        option = OPTIONS_BY_KEY.get(key)
        if option is None:
            warn(key, _unknown(key))
            continue
        problem = option.problem(value)
        if problem is not None:
            warn(key, f"{problem}; using the default {toml_value(option.default)}")
            continue
        values[option.attribute] = float(value) if option.kind is float else value
        from_file.add(key)
    template = None
    if values.get("note_template"):
        template, problem = _template_text(values["note_template"], path.parent)
        if problem is not None:
            del values["note_template"]
            from_file.discard("notes.template")
            warn("notes.template", f"{problem}; using the default template")
    settings = replace(Settings(), **values)
    return Config(path, settings, frozenset(from_file), tuple(warnings), template)


def _with_environment(config: Config, environ: Mapping[str, str]) -> Config:
    values: dict[str, Any] = {}
    warnings = list(config.warnings)
    for option in OPTIONS:
        text = environ.get(option.env, "").strip() if option.env else ""
        if not text:
            continue
        value, problem = _from_text(option, text)
        if problem is None:
            values[option.attribute] = value
        else:
            kept = toml_value(getattr(config.settings, option.attribute))
            warnings.append(f"{option.env}={text!r}: {problem}; using {kept}")
    keys = frozenset(option.key for option in OPTIONS if option.attribute in values)
    settings = replace(config.settings, **values)
    return replace(config, settings=settings, from_environment=keys, warnings=tuple(warnings))


def _from_text(option: Option, text: str) -> tuple[Any, str | None]:
    """The value an environment variable's ``text`` gives ``option``, or why it gives none."""
    try:
        value = option.kind(text)
    except ValueError:
        return None, f"expected {_kind_name(option.kind)}"
    return value, option.problem(value)


def _flatten(
    table: Mapping[str, Any], prefix: str = "", keep: Callable[[str], bool] = lambda _: False
) -> list[tuple[str, Any]]:
    """Dotted keys and their values, walking into tables unless ``keep(key)`` says not to."""
    pairs: list[tuple[str, Any]] = []
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict) and not keep(key):
            pairs += _flatten(value, f"{key}.", keep)
        else:
            pairs.append((key, value))
    return pairs


def _unknown(key: str) -> str:
    close = difflib.get_close_matches(key, [*OPTIONS_BY_KEY, KEYS], n=1)
    return "unknown setting" + (f" (did you mean {close[0]!r}?)" if close else "")


def _keymap(keys: dict[str, Any], warn: Callable[[str, str], None]) -> dict[str, str]:
    """Binding id → keys; ``schedule.star`` unquoted (a nested table in TOML) works too."""
    keymap: dict[str, str] = {}
    for binding, value in _flatten(keys):
        if not isinstance(value, str) or not value.strip():
            warn(f'{KEYS}."{binding}"', 'expected keys as a string, e.g. "ctrl+k" or "f6,ctrl+k"')
        else:
            keymap[binding] = ",".join(part.strip() for part in value.split(","))
    return keymap


def _template_text(value: str, folder: Path) -> tuple[str | None, str | None]:
    """The template and None, or None and why not. Several lines are the template itself;
    one line is a file path (relative to the config file's folder)."""
    if "\n" in value:
        return value, None
    template_file = folder / Path(value).expanduser()
    try:
        return template_file.read_text(encoding="utf-8"), None
    except (OSError, ValueError) as error:  # ValueError: not UTF-8, or a NUL in the path
        return None, f"cannot read {template_file}: {_reason(error)}"


def _reason(error: Exception) -> str:
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)


def toml_value(value: Any) -> str:
    """``value`` as it would be written in the file."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)


# Writing the file


def default_config_text() -> str:
    """A config file that sets nothing: every setting commented out, with what it does."""
    lines = [
        "# confnote settings (TOML). Everything is optional: uncomment a line to change it.",
        "# `confnote config` shows the settings in force and where each came from.",
    ]
    table = ""
    for option in OPTIONS:
        section, _, name = option.key.rpartition(".")
        if section != table:
            lines += ["", f"[{section}]"]
            table = section
        lines += ["", *(f"# {line}" for line in _wrap(option.help, option.choices))]
        lines.append(f"# {name} = {toml_value(option.default)}")
    lines += [
        "",
        f"[{KEYS}]",
        "# Keys by binding id; several keys separated by commas. The ids are in `confnote",
        "# config --keys` (and the README). For example:",
        '# "schedule.star" = "S"',
        '# "app.search" = "ctrl+f,f6"',
        "",
    ]
    return "\n".join(lines)


def _wrap(text: str, choices: tuple[str, ...]) -> list[str]:
    import textwrap

    if choices:
        text += f": {' or '.join(map(toml_value, choices))}"
    return textwrap.wrap(text + ".", width=90)


def create_default_config(path: Path) -> None:
    """Write the commented defaults to ``path`` unless a file is there already."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as file:
            file.write(default_config_text())
    except FileExistsError:
        return
    except OSError as error:
        raise ConfigError(f"{path}: cannot create the config file: {_reason(error)}") from None


def save_setting(path: Path, key: str, value: str | int | float | bool) -> None:
    """Set one top-level ``key`` in the file at ``path``, keeping its comments and layout."""
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    create_default_config(path)
    try:
        document = tomlkit.parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the file: {_reason(error)}") from None
    except TOMLKitError as error:
        raise ConfigError(f"{path}: not valid TOML, left as it is: {error}") from None
    document[key] = value
    temporary = path.with_name(f".{path.name}.saving")
    try:
        temporary.write_text(tomlkit.dumps(document), encoding="utf-8")
        temporary.replace(path)
    except OSError as error:
        raise ConfigError(f"{path}: cannot write the file: {_reason(error)}") from None
