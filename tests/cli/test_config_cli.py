"""`confnote config`: the settings in force and where each came from; `--edit` and `--keys`."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

import pytest

from confnote.cli import main
from confnote.config import default_config_text


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "conf" / "confnote.toml"
    monkeypatch.setenv("CONFNOTE_CONFIG", str(path))
    return path


def test_paths_prints_the_config_file_confnote_config_names(
    config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["paths"]) == 0
    assert f"config    {config_file}\n" in capsys.readouterr().out


def test_config_prints_each_setting_with_where_it_came_from(
    config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file.parent.mkdir()
    config_file.write_text(
        'theme = "nord"\ncolour = "red"\n[time]\nclock = "12h"\n[keys]\n"schedule.star" = "S"\n',
        encoding="utf-8",
    )
    assert main(["config"]) == 0
    out, err = capsys.readouterr()

    lines = out.splitlines()
    assert lines[0] == f"# {config_file}"
    # Spaces line the columns up; one space apiece here.
    settings = {line.split()[0]: " ".join(line.split()) for line in lines[1:]}
    assert settings["theme"] == 'theme = "nord" # config file'
    assert settings["time.clock"] == 'time.clock = "12h" # config file'
    assert settings["time.zone"] == 'time.zone = "conference" # default'
    assert settings['keys."schedule.star"'] == 'keys."schedule.star" = "S" # config file'
    # What is printed is TOML: the effective settings, pasteable into the file.
    assert tomllib.loads(out)["time"] == {"zone": "conference", "clock": "12h"}
    assert err == f"confnote: warning: {config_file}: colour: unknown setting\n"


def test_config_without_a_file_says_so_and_shows_defaults(
    config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(f"# {config_file}  (no such file")
    assert "autosave_delay = 0.5" in out.replace("  ", "")


def test_edit_creates_the_commented_defaults_and_opens_the_editor(
    config_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    editor = tmp_path / "editor.sh"
    # Uncomments the theme line and sets it, and adds a mistake on top.
    editor.write_text('#!/bin/sh\nsed -i \'s/^# theme = .*/theme = "nord"/; 1i bogus = 1\' "$1"\n')
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(editor))

    assert main(["config", "--edit"]) == 0

    text = config_file.read_text(encoding="utf-8")
    assert text.startswith("bogus = 1\n# confnote settings")
    assert text.count("\n") == default_config_text().count("\n") + 1
    assert tomllib.loads(text)["theme"] == "nord"
    # Mistakes made in the editor are pointed out right away.
    assert capsys.readouterr().err == f"confnote: warning: {config_file}: bogus: unknown setting\n"


def test_edit_with_an_editor_that_cannot_run_is_a_one_line_error(
    config_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VISUAL", "/no/such/editor --wait")
    assert main(["config", "--edit"]) == 1
    err = capsys.readouterr().err
    editor = "'/no/such/editor --wait'"
    assert err == f"confnote: error: cannot run the editor {editor}: No such file or directory\n"


def test_keys_lists_every_binding_id_with_the_keys_in_force(
    config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file.parent.mkdir()
    config_file.write_text('[keys]\n"schedule.star" = "S"\n"schedule.typo" = "T"\n')
    assert main(["config", "--keys"]) == 0
    out, err = capsys.readouterr()
    rows = {line.split()[0]: line.split(maxsplit=2)[1:] for line in out.splitlines()}
    assert rows["schedule.star"] == ["S", "Cycle the star level: none, one, two"]
    assert rows["app.search"] == ["ctrl+f", "Search talks and notes"]
    assert rows["note.save"][0] == "ctrl+s"
    assert (
        err
        == f'confnote: warning: {config_file}: keys."schedule.typo": no key binding has this id\n'
    )
