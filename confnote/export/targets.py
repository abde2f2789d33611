"""Blog engines a post can be written for: front matter, file name, draft flag, TOC marker.

Front matter is written by real serializers (PyYAML, tomli-w), so a title with a
colon, quotes or ``#`` reads back as written. Pelican's ``Key: value`` lines
have no serializer; values are kept to one line and tags use semicolons when
one of them holds a comma, as Pelican allows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from confnote.export.escapes import Templating


class FrontMatter(StrEnum):
    NONE = "none"
    YAML = "yaml"
    TOML = "toml"
    PELICAN = "pelican"


class TocStyle(StrEnum):
    NONE = "none"  # the engine or theme builds it; nothing to write
    FRONT_MATTER = "front-matter"  # a key in the front matter switches it on
    MARKER = "marker"  # a marker in the body
    LIST = "list"  # a list of links written into the body


@dataclass(frozen=True, slots=True)
class PostMeta:
    """What a post's front matter says, before a target spells it."""

    title: str
    day: date
    tags: tuple[str, ...]
    description: str = ""
    author: str = ""
    slug: str = ""
    toc: bool = False


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    label: str
    front_matter: FrontMatter
    # The post's path inside the site, from {slug} and {date}.
    path: str
    templating: Templating
    toc: TocStyle
    # Keys that mark the post a draft, with their values.
    draft: dict[str, Any] = field(default_factory=dict)
    toc_key: tuple[str, ...] = ()
    toc_marker: str = ""
    max_tags: int | None = None
    tags: Callable[[Sequence[str]], list[str]] | None = None
    # Front matter keys for the author and description; "" leaves the field out.
    author_key: str = "author"
    description_key: str = "description"

    def file_path(self, slug: str, day: date) -> str:
        return self.path.format(slug=slug, date=day.isoformat())

    def front_matter_text(self, meta: PostMeta, *, toml: bool = False) -> str:
        """The front matter block (with its fences and a blank line after), or ""."""
        kind = FrontMatter.TOML if toml else self.front_matter
        fields = self.fields(meta)
        if kind is FrontMatter.YAML:
            return f"---\n{_yaml(fields)}---\n\n"
        if kind is FrontMatter.TOML:
            return f"+++\n{_toml(fields, taxonomies=self.name == 'zola')}+++\n\n"
        if kind is FrontMatter.PELICAN:
            return _pelican(fields) + "\n"
        return ""

    def fields(self, meta: PostMeta) -> dict[str, Any]:
        """The front matter as a mapping, in the order it is written."""
        tags = list(meta.tags)
        if self.tags is not None:
            tags = self.tags(tags)
        if self.max_tags is not None:
            tags = tags[: self.max_tags]
        values: dict[str, Any] = {"title": meta.title, "date": meta.day}
        if meta.description and self.description_key:
            values[self.description_key] = meta.description
        if meta.author and self.author_key:
            values[self.author_key] = meta.author
        if tags:
            values["tags"] = tags
        values.update(self.draft)
        if meta.toc and self.toc is TocStyle.FRONT_MATTER:
            _nested_set(values, self.toc_key, True)
        return values


def _nested_set(values: dict[str, Any], keys: tuple[str, ...], value: Any) -> None:
    for key in keys[:-1]:
        values = values.setdefault(key, {})
    values[keys[-1]] = value


def _yaml(fields: dict[str, Any]) -> str:
    import yaml

    return str(
        yaml.safe_dump(
            fields, sort_keys=False, allow_unicode=True, default_flow_style=False, width=10_000
        )
    )


def _toml(fields: dict[str, Any], *, taxonomies: bool) -> str:
    import tomli_w

    if taxonomies and "tags" in fields:
        # Zola keeps tags under [taxonomies]; tables come after plain keys.
        fields = {k: v for k, v in fields.items() if k != "tags"} | {
            "taxonomies": {"tags": fields["tags"]}
        }
    return tomli_w.dumps(fields)


def _one_line(value: object) -> str:
    return " ".join(str(value).split())


def _pelican(fields: dict[str, Any]) -> str:
    lines = []
    for key, value in fields.items():
        if isinstance(value, list):
            items = [_one_line(item) for item in value]
            value = ("; " if any("," in item for item in items) else ", ").join(items)
        elif isinstance(value, date):
            value = value.isoformat()
        lines.append(f"{key.capitalize()}: {_one_line(value)}\n")
    return "".join(lines)


def _devto_tags(tags: Sequence[str]) -> list[str]:
    """dev.to tags are lower-case letters and digits only."""
    cleaned = []
    for tag in tags:
        word = re.sub(r"[^a-z0-9]", "", tag.casefold())
        if word and word not in cleaned:
            cleaned.append(word)
    return cleaned


TARGETS: dict[str, Target] = {
    target.name: target
    for target in (
        Target(
            "hugo",
            "Hugo",
            FrontMatter.YAML,
            "content/posts/{slug}/index.md",
            Templating.HUGO,
            TocStyle.FRONT_MATTER,
            draft={"draft": True},
            toc_key=("toc",),
        ),
        Target(
            "jekyll",
            "Jekyll",
            FrontMatter.YAML,
            "_posts/{date}-{slug}.md",
            Templating.LIQUID,
            TocStyle.MARKER,
            draft={"published": False},
            toc_marker="* TOC\n{:toc}",
        ),
        Target(
            "pelican",
            "Pelican",
            FrontMatter.PELICAN,
            "content/{slug}.md",
            Templating.NONE,
            TocStyle.MARKER,
            draft={"status": "draft"},
            toc_marker="[TOC]",
            description_key="summary",
        ),
        Target(
            "quarto",
            "Quarto",
            FrontMatter.YAML,
            "posts/{slug}/index.qmd",
            Templating.QUARTO,
            TocStyle.FRONT_MATTER,
            draft={"draft": True},
            toc_key=("toc",),
        ),
        Target(
            "mkdocs",
            "MkDocs Material blog",
            FrontMatter.YAML,
            "docs/blog/posts/{slug}.md",
            Templating.NONE,
            TocStyle.NONE,
            draft={"draft": True},
            # Authors are ids from .authors.yml, not names.
            author_key="",
        ),
        Target(
            "zola",
            "Zola",
            FrontMatter.TOML,
            "content/blog/{slug}.md",
            Templating.ZOLA,
            TocStyle.FRONT_MATTER,
            draft={"draft": True},
            toc_key=("extra", "toc"),
            # Zola has no author field; themes read it from [extra].
            author_key="",
        ),
        Target(
            "eleventy",
            "Eleventy",
            FrontMatter.YAML,
            "posts/{date}-{slug}.md",
            Templating.LIQUID,
            TocStyle.MARKER,
            # No built-in draft key: this keeps the page out of the build until removed.
            draft={"permalink": False, "eleventyExcludeFromCollections": True},
            toc_marker="[[toc]]",
        ),
        Target(
            "devto",
            "dev.to",
            FrontMatter.YAML,
            "{slug}.md",
            Templating.LIQUID,
            TocStyle.LIST,
            draft={"published": False},
            max_tags=4,
            tags=_devto_tags,
            author_key="",
        ),
        Target(
            "markdown",
            "Plain Markdown",
            FrontMatter.NONE,
            "{slug}.md",
            Templating.NONE,
            TocStyle.LIST,
        ),
    )
}


def target_named(name: str) -> Target:
    from confnote.errors import ConfnoteError

    try:
        return TARGETS[name]
    except KeyError:
        choices = ", ".join(TARGETS)
        raise ConfnoteError(f"unknown target {name!r}; choose one of {choices}") from None
