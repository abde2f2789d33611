"""`confnote export post`: where the post goes, --stdout, --force, and one-line errors."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from confnote.cli import main
from confnote.store import Store
from tests.export.conftest import build_recap
from tests.helpers import use_config_file


@pytest.fixture
def recap_db(db_path: Path) -> Path:
    with Store.open(db_path) as store:
        build_recap(store)
    return db_path


def export(db: Path, *args: str) -> int:
    return main(["--db", str(db), "export", "post", "exampleconf-2025", *args])


def test_a_hugo_post_goes_into_the_site_folder_as_a_page_bundle(
    recap_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "blog"
    site.mkdir()
    assert export(recap_db, "-o", str(site), "--date", "2025-05-20", "--toc") == 0
    path = site / "content/posts/exampleconf-2025-my-notes/index.md"
    assert capsys.readouterr().out == f"wrote {path} (2 talks, 1 to watch later)\n"
    text = path.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == "ExampleConf 2025: my notes"
    assert front["toc"] is True and front["draft"] is True


def test_without_output_the_post_goes_under_the_current_folder_privately(
    recap_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert export(recap_db, "--target", "jekyll", "--date", "2025-05-20", "--select", "all") == 0
    path = tmp_path / "_posts/2025-05-20-exampleconf-2025-my-notes.md"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "### A quiet talk" in path.read_text(encoding="utf-8")


def test_an_existing_post_is_replaced_only_with_force(
    recap_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "post.md"
    out.write_text("my edits\n", encoding="utf-8")
    assert export(recap_db, "-o", str(out)) == 1
    assert capsys.readouterr().err == (
        f"confnote: error: {out}: already exists (use --force to replace it)\n"
    )
    assert out.read_text(encoding="utf-8") == "my edits\n"
    assert export(recap_db, "-o", str(out), "--force") == 0
    assert out.read_text(encoding="utf-8").startswith("---\ntitle:")


def test_stdout_prints_the_post_and_writes_nothing(
    recap_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    assert export(recap_db, "--target", "markdown", "--stdout", "--title", "My week") == 0
    assert capsys.readouterr().out.startswith("# My week\n\nTwo days in Brussels")
    assert list(here.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--slug", "../../etc/x"], "unsafe slug '../../etc/x'"),
        (["--slug", "CON"], "unsafe slug 'CON'"),
        (["--target", "zola", "--toml"], "TOML front matter is an option for Hugo only"),
    ],
)
def test_bad_choices_fail_in_one_line(
    recap_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], error: str
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    assert export(recap_db, "-o", str(site), *args) == 1
    err = capsys.readouterr().err
    assert err.startswith("confnote: error: ") and error in err and err.count("\n") == 1
    assert list(site.iterdir()) == []


def test_an_unknown_conference_is_one_line(
    recap_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(recap_db), "export", "post", "nope", "--stdout"]) == 1
    assert capsys.readouterr().err == (
        "confnote: error: no conference named 'nope' (see `confnote conferences`)\n"
    )


def test_a_selection_without_talks_warns(
    recap_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(recap_db) as store:
        store.create_conference("Empty Conf", time_zone="UTC")
    assert main(["--db", str(recap_db), "export", "post", "empty-conf", "-o", str(tmp_path)]) == 0
    assert "no talks matched --select notes" in capsys.readouterr().err


def test_the_export_modules_load_without_textual() -> None:
    code = (
        "import sys\n"
        "import confnote.export.post, confnote.export.files, confnote.export.post_source\n"
        "import confnote.export.calendar, confnote.export.backup, confnote.cli_export\n"
        "print(sorted(m for m in ('textual',) if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_config_file_gives_the_default_target_author_and_folder(
    recap_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    use_config_file(
        tmp_path,
        monkeypatch,
        f'[export]\ntarget = "jekyll"\nauthor = "Ada Example"\nfolder = "{site}"\n',
    )
    assert export(recap_db, "--date", "2025-05-20") == 0
    path = site / "_posts/2025-05-20-exampleconf-2025-my-notes.md"
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert front["author"] == "Ada Example"
    # The command line still wins.
    assert export(recap_db, "--date", "2025-05-20", "-t", "hugo", "--author", "", "--stdout") == 0
