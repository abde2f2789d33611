"""Each target's post, against a golden file; front matter read back by real parsers."""

from __future__ import annotations

import os
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml

from confnote.export.post import Post, PostOptions, render_post
from confnote.export.post_source import read_post_source
from confnote.export.targets import TARGETS, PostMeta
from confnote.store import Store
from tests.export.conftest import Recap

GOLDEN = Path(__file__).with_name("golden")
DAY = date(2025, 5, 20)
# Set CONFNOTE_UPDATE_GOLDEN=1 to rewrite the golden files after checking the change.
UPDATE = os.environ.get("CONFNOTE_UPDATE_GOLDEN") == "1"

EXPECTED_PATHS = {
    "hugo": "content/posts/exampleconf-2025-my-notes/index.md",
    "jekyll": "_posts/2025-05-20-exampleconf-2025-my-notes.md",
    "pelican": "content/exampleconf-2025-my-notes.md",
    "quarto": "posts/exampleconf-2025-my-notes/index.qmd",
    "mkdocs": "docs/blog/posts/exampleconf-2025-my-notes.md",
    "zola": "content/blog/exampleconf-2025-my-notes.md",
    "eleventy": "posts/2025-05-20-exampleconf-2025-my-notes.md",
    "devto": "exampleconf-2025-my-notes.md",
    "markdown": "exampleconf-2025-my-notes.md",
}


def render(store: Store, recap: Recap, target: str, **options: Any) -> Post:
    source = read_post_source(store, recap.conference.id)
    return render_post(source, PostOptions(target=target, day=DAY, **options), DAY)


def split_front_matter(text: str) -> tuple[str, str, str]:
    """(fence, front matter, body)."""
    for fence in ("---", "+++"):
        if text.startswith(fence + "\n"):
            front, _, body = text[4:].partition(f"\n{fence}\n")
            return fence, front, body
    return "", "", text


def read_front_matter(target: str, text: str) -> dict[str, Any]:
    fence, front, _ = split_front_matter(text)
    if fence == "---":
        loaded = yaml.safe_load(front)
        assert isinstance(loaded, dict)
        return loaded
    if fence == "+++":
        return tomllib.loads(front)
    if target == "pelican":
        reader = markdown.Markdown(extensions=["meta"])
        reader.convert(text)
        meta: dict[str, list[str]] = reader.Meta
        return {key: " ".join(value) for key, value in meta.items()}
    return {}


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_each_target_matches_its_golden_post_and_path(
    store: Store, recap: Recap, target: str
) -> None:
    post = render(store, recap, target, toc=True, follow_ups=True)
    assert post.path == EXPECTED_PATHS[target]
    golden = GOLDEN / f"{target}.md"
    if UPDATE:
        golden.write_text(post.text, encoding="utf-8")
    assert post.text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("target", sorted(set(TARGETS) - {"markdown"}))
def test_front_matter_reads_back_with_the_targets_parser(
    store: Store, recap: Recap, target: str
) -> None:
    fields = read_front_matter(target, render(store, recap, target).text)
    lowered = {key.lower(): value for key, value in fields.items()}
    assert lowered["title"] == "ExampleConf 2025: my notes"
    assert str(lowered["date"]) == "2025-05-20"


HOSTILE_TITLES = [
    'ExampleConf: "the good", the bad & #hashtags',
    "'single' and \"double\" quotes: yes",
    "- [not a list]: {flow: mapping}",
    "--- a fence\n+++ another",
    "Tab\tand trailing space ",
    "Zürich 🐍 2025 # not a comment",
    "key = 'toml'\n[table]",
    "null",
    "2025-05-20",
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
@pytest.mark.parametrize("target", ["hugo", "jekyll", "zola", "pelican", "devto", "quarto"])
def test_titles_with_colons_quotes_and_hashes_round_trip(
    store: Store, recap: Recap, target: str, title: str
) -> None:
    fields = read_front_matter(target, render(store, recap, target, title=title).text)
    lowered = {key.lower(): value for key, value in fields.items()}
    expected = " ".join(title.split()) if target == "pelican" else title.strip()
    assert lowered["title"] == expected


def test_hugo_takes_toml_front_matter_as_an_option(store: Store, recap: Recap) -> None:
    text = render(store, recap, "hugo", toml=True, toc=True).text
    assert text.startswith("+++\n")
    fields = read_front_matter("hugo", text)
    assert fields["draft"] is True and fields["toc"] is True
    assert fields["tags"] == ["python", "typing", "web"]


def test_drafts_tags_and_description_per_target(store: Store, recap: Recap) -> None:
    meta = PostMeta("T", DAY, ("python", "web dev", "c++", "rust", "go"), "First.", "Ann Author")
    assert TARGETS["jekyll"].fields(meta)["published"] is False
    assert TARGETS["hugo"].fields(meta)["draft"] is True
    assert TARGETS["pelican"].fields(meta)["status"] == "draft"
    assert TARGETS["pelican"].fields(meta)["summary"] == "First."
    assert TARGETS["devto"].fields(meta)["tags"] == ["python", "webdev", "c", "rust"]
    assert "author" not in TARGETS["devto"].fields(meta)
    assert TARGETS["quarto"].fields(meta)["author"] == "Ann Author"
    zola = tomllib.loads(split_front_matter(TARGETS["zola"].front_matter_text(meta))[1])
    assert zola["taxonomies"]["tags"][:2] == ["python", "web dev"]
    assert zola["date"] == DAY


def test_pelican_tags_with_commas_are_separated_by_semicolons() -> None:
    meta = PostMeta("T", DAY, ("data, science", "python"))
    assert "Tags: data, science; python\n" in TARGETS["pelican"].front_matter_text(meta)
