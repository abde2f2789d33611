"""Writing exports: atomic, private unless shared, never over a file without force, never
outside the chosen folder whatever the title."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from confnote.errors import ConfnoteError
from confnote.export.files import ExportError, destination, write_atomically
from confnote.export.slugs import MAX_SLUG_LENGTH, check_slug, post_slug


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_is_private_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = destination(tmp_path / "out" / "post.md", "ignored.md")
    written = write_atomically(target, "# Hi\n")
    assert written == tmp_path / "out" / "post.md"
    assert written.read_text(encoding="utf-8") == "# Hi\n"
    assert mode_of(written) == 0o600
    assert sorted(p.name for p in written.parent.iterdir()) == ["post.md"]


def test_an_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text("mine\n", encoding="utf-8")
    with pytest.raises(ExportError, match=r"already exists .*--force"):
        write_atomically(destination(path, "x.md"), "new\n")
    assert path.read_text(encoding="utf-8") == "mine\n"
    write_atomically(destination(path, "x.md"), "new\n", force=True)
    assert path.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.md"]


def test_a_shared_site_folder_gets_ordinary_permissions(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir(mode=0o755)
    site.chmod(0o755)
    previous = os.umask(0o022)
    try:
        written = write_atomically(destination(site, "content/posts/a/index.md"), "x\n")
    finally:
        os.umask(previous)
    assert written == site / "content/posts/a/index.md"
    assert mode_of(written) == 0o644


def test_a_private_site_folder_keeps_files_private(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir(mode=0o700)
    site.chmod(0o700)
    assert mode_of(write_atomically(destination(site, "a.md"), "x\n")) == 0o600


def test_a_failed_write_leaves_no_folders_behind(tmp_path: Path) -> None:
    blocker = tmp_path / "content"
    blocker.mkdir()
    (blocker / "posts").write_text("a file where a folder should be", encoding="utf-8")
    with pytest.raises(ExportError):
        write_atomically(destination(tmp_path, "content/posts/a/index.md"), "x\n")
    assert sorted(p.name for p in blocker.iterdir()) == ["posts"]


def test_a_path_out_of_the_chosen_folder_is_refused(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "content").symlink_to(tmp_path)
    with pytest.raises(ExportError, match="outside"):
        destination(site, "../escape.md")
    with pytest.raises(ExportError, match="outside"):
        destination(site, "content/escape.md")


@pytest.mark.parametrize(
    "title",
    ["../../etc/x", "CON", "con.txt", "a" * 300, "🐍🎉", "..", "/", "a\x00b", "LPT1", "  "],
)
def test_hostile_titles_make_safe_slugs(title: str) -> None:
    slug = post_slug(title, fallback="exampleconf-2025")
    check_slug(slug)
    assert "/" not in slug and ".." not in slug and "\x00" not in slug
    assert 0 < len(slug) <= MAX_SLUG_LENGTH
    assert slug.lower() not in {"con", "lpt1", "nul", "aux", "prn"}


def test_slugs_keep_words_and_cut_long_titles_at_a_word_break() -> None:
    assert post_slug("Café: été à PyCon!") == "cafe-ete-a-pycon"
    assert post_slug("../../etc/x") == "etc-x"
    assert post_slug("CON") == "con-post"
    assert post_slug("🐍🎉", fallback="ExampleConf 2025") == "exampleconf-2025"
    long = post_slug("word " * 60)
    assert long.endswith("word") and len(long) <= MAX_SLUG_LENGTH


@pytest.mark.parametrize("slug", ["../x", "a/b", "CON", "nul", "", "a\x00", "Upper", "x" * 81])
def test_a_slug_given_by_hand_is_refused_when_unsafe(slug: str) -> None:
    with pytest.raises(ConfnoteError, match="unsafe slug"):
        check_slug(slug)
