"""Reading the config file: every setting optional, mistakes warned about in one line each,
never fatal; writing it keeps what the user wrote."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import pytest
import tomlkit
from hypothesis import example, given
from hypothesis import strategies as st

from confnote.config import (
    OPTIONS,
    Config,
    ConfigError,
    Settings,
    default_config_text,
    load_config,
    save_setting,
)

FULL = """\
theme = "nord"
autosave_delay = 2

[time]
zone = "local"
clock = "12h"

[notes]
template = "talk.md"

[export]
target = "jekyll"
author = "Ada Lovelace"
folder = "~/blog/_posts"

[backups]
kept = 3

[keys]
"schedule.star" = "S"
app.search = "ctrl+f, f6"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_missing_file_means_every_default_and_no_warning(tmp_path: Path) -> None:
    config = load_config(tmp_path / "nowhere" / "config.toml")
    assert config.settings == Settings()
    assert config.warnings == ()
    assert {source for _, _, source in config.effective()} == {"default"}


def test_every_setting_is_read_and_marked_as_from_the_file(tmp_path: Path) -> None:
    (tmp_path / "talk.md").write_text("# $title at $start\n", encoding="utf-8")
    config = load_config(write(tmp_path, FULL))

    assert config.warnings == ()
    assert config.settings == Settings(
        theme="nord",
        autosave_delay=2.0,
        time_zone="local",
        clock="12h",
        note_template="talk.md",
        export_target="jekyll",
        export_author="Ada Lovelace",
        export_folder="~/blog/_posts",
        backups_kept=3,
        keys={"schedule.star": "S", "app.search": "ctrl+f,f6"},
    )
    assert config.note_template == "# $title at $start\n"  # read relative to the config file
    assert {source for _, _, source in config.effective()} == {"config file"}


def test_unknown_keys_and_wrong_types_warn_in_one_line_each_and_keep_the_rest(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        'theme = "gruvbox"\nautosave_dealy = 1\nautosave_delay = "soon"\n'
        '[time]\nclock = "13h"\nzone = true\n[backups]\nkept = 0\n'
        '[keys]\n"app.quit" = 5\n',
    )
    config = load_config(path)

    assert config.settings == Settings(theme="gruvbox")
    assert config.warnings == (
        f"{path}: autosave_dealy: unknown setting (did you mean 'autosave_delay'?)",
        f"{path}: autosave_delay: expected a number, got a string; using the default 0.5",
        f"{path}: time.clock: expected one of '24h', '12h', got '13h'; using the default \"24h\"",
        f'{path}: time.zone: expected a string, got a boolean; using the default "conference"',
        f"{path}: backups.kept: expected 1 to 1000, got 0; using the default 10",
        f'{path}: keys."app.quit": expected keys as a string, e.g. "ctrl+k" or "f6,ctrl+k"',
    )
    assert all("\n" not in warning for warning in config.warnings)


def test_a_file_that_is_not_toml_warns_once_and_uses_every_default(tmp_path: Path) -> None:
    path = write(tmp_path, 'theme = "nord"\n[time\n')
    config = load_config(path)
    assert config.settings == Settings()
    [warning] = config.warnings
    assert warning.startswith(f"{path}: not valid TOML (")
    assert "line 2" in warning


def test_a_template_is_inline_text_over_several_lines_or_a_readable_file(tmp_path: Path) -> None:
    inline = load_config(write(tmp_path, 'notes.template = """\n# $title\n\n## Notes\n"""\n'))
    assert inline.note_template == "# $title\n\n## Notes\n"
    assert inline.warnings == ()

    path = write(tmp_path, 'notes.template = "~/no/such/template.md"\n')
    missing = load_config(path)
    assert missing.note_template is None
    assert missing.settings.note_template == ""
    [warning] = missing.warnings
    assert re.fullmatch(
        rf"{re.escape(str(path))}: notes\.template: cannot read .*template\.md: No such file or "
        r"directory; using the default template",
        warning,
    )


def test_the_commented_defaults_set_nothing_and_uncommented_give_the_defaults(
    tmp_path: Path,
) -> None:
    text = default_config_text()
    assert load_config(write(tmp_path, text)) == Config(tmp_path / "config.toml")

    uncommented = re.sub(r"(?m)^# (\w+ = .*)$", r"\1", text)
    config = load_config(write(tmp_path, uncommented))
    assert config.warnings == ()
    assert config.settings == Settings()
    assert config.from_file == {option.key for option in OPTIONS}


def test_saving_the_theme_keeps_the_users_comments_and_other_settings(tmp_path: Path) -> None:
    path = write(tmp_path, '# my settings\n[time]\nclock = "12h"  # US style\n')
    save_setting(path, "theme", "catppuccin-latte")

    text = path.read_text(encoding="utf-8")
    assert "# my settings" in text and 'clock = "12h"  # US style' in text
    config = load_config(path)
    assert (config.settings.theme, config.settings.clock, config.warnings) == (
        "catppuccin-latte",
        "12h",
        (),
    )


def test_saving_into_a_missing_file_starts_from_the_commented_defaults(tmp_path: Path) -> None:
    path = tmp_path / "new" / "config.toml"
    save_setting(path, "theme", "nord")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(default_config_text().splitlines()[0])
    assert tomllib.loads(text)["theme"] == "nord"
    assert load_config(path).warnings == ()


def test_saving_into_a_broken_file_refuses_and_leaves_it_alone(tmp_path: Path) -> None:
    path = write(tmp_path, "theme = \n")
    with pytest.raises(ConfigError, match=rf"^{re.escape(str(path))}: not valid TOML"):
        save_setting(path, "theme", "nord")
    assert path.read_text(encoding="utf-8") == "theme = \n"


SETTING_NAMES = st.sampled_from([option.key for option in OPTIONS] + ["keys", "time", "x"])
VALUES = st.one_of(
    st.text(max_size=12),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(min_size=1, max_size=8), st.text(max_size=8), max_size=2),
)


@given(st.dictionaries(SETTING_NAMES | st.text(min_size=1, max_size=8), VALUES, max_size=6))
@example({"notes.template": "\x00"})  # a NUL in a template path: a warning, not a crash
def test_any_document_gives_well_typed_settings_and_one_line_warnings(
    document: dict[str, object],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "config.toml"
        path.write_text(tomlkit.dumps(document), encoding="utf-8")
        config = load_config(path)
    for option in OPTIONS:
        assert isinstance(getattr(config.settings, option.attribute), option.kind)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in config.settings.keys.items())
    for warning in config.warnings:
        assert warning.startswith(f"{path}: ") and "\n" not in warning


def test_the_config_module_loads_neither_textual_nor_sqlalchemy() -> None:
    code = (
        "import sys, confnote.config\n"
        "print(sorted(m for m in ('sqlalchemy', 'textual', 'tomlkit') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr


def test_the_readme_example_is_a_config_file_without_mistakes(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    [example] = re.findall(r"```toml\n(.*?)```", readme, re.S)
    (tmp_path / "talk-note.md").write_text("# $title\n", encoding="utf-8")
    config = load_config(write(tmp_path, example))
    assert config.warnings == ()
    assert config.from_file == {option.key for option in OPTIONS}
    assert config.settings.keys == {"schedule.star": "S", "app.search": "ctrl+f,f6"}


def test_an_unknown_blog_engine_warns_and_keeps_hugo(tmp_path: Path) -> None:
    path = write(tmp_path, '[export]\ntarget = "wordpress"\nauthor = "Ada"\n')
    config = load_config(path)
    assert config.settings == Settings(export_author="Ada")
    [warning] = config.warnings
    assert warning.startswith(f"{path}: export.target: expected one of hugo, jekyll, ")
    assert warning.endswith(", got 'wordpress'; using the default \"hugo\"")


def test_the_backups_variable_overrides_the_file_and_says_so(tmp_path: Path) -> None:
    path = write(tmp_path, "[backups]\nkept = 3\n")
    assert load_config(path, {}).settings.backups_kept == 3
    config = load_config(path, {"CONFNOTE_BACKUPS_KEEP": " 25 "})
    assert config.settings.backups_kept == 25
    assert ("backups.kept", 25, "$CONFNOTE_BACKUPS_KEEP") in config.effective()
    assert config.warnings == ()


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("0", "expected 1 to 1000, got 0"),
        ("-2", "expected 1 to 1000, got -2"),
        ("many", "expected an integer"),
    ],
)
def test_a_bad_backups_variable_warns_in_one_line_and_keeps_the_file_value(
    tmp_path: Path, value: str, reason: str
) -> None:
    config = load_config(write(tmp_path, "[backups]\nkept = 3\n"), {"CONFNOTE_BACKUPS_KEEP": value})
    assert config.settings.backups_kept == 3
    assert config.warnings == (f"CONFNOTE_BACKUPS_KEEP={value!r}: {reason}; using 3",)
    assert ("backups.kept", 3, "config file") in config.effective()
