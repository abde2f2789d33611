"""Metadata at the top of a Markdown write-up: YAML ``---``, TOML ``+++``, Pelican
``Key: value`` lines, Nikola ``.. key: value`` comments, or none at all."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from confnote.writeups.dates import find_date
from confnote.writeups.model import Metadata

_YAML = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_TOML = re.compile(r"\A\+\+\+[ \t]*\n(.*?)\n\+\+\+[ \t]*(?:\n|\Z)", re.S)
_PELICAN_LINE = re.compile(r"^([A-Za-z][\w-]{0,30}):[ \t]+(.*)$")
_PELICAN_KEYS = {"title", "date", "tags", "author", "authors", "category", "slug", "summary"}
_NIKOLA = re.compile(r"\A\s*<!--\s*\n((?:\s*\.\. [\w-]+:.*\n)+)\s*-->\s*\n", re.S)
_NIKOLA_LINE = re.compile(r"^\s*\.\. ([\w-]+):\s*(.*)$", re.M)


def split_front_matter(text: str) -> tuple[Metadata, str]:
    """The metadata block's fields and the text after it."""
    for pattern, load in ((_YAML, _load_yaml), (_TOML, _load_toml)):
        match = pattern.match(text)
        if match:
            return metadata_from(load(match[1])), text[match.end() :]
    match = _NIKOLA.match(text)
    if match:
        fields = {m[1]: m[2] for m in _NIKOLA_LINE.finditer(match[1])}
        return metadata_from(fields), text[match.end() :]
    return _pelican(text)


def _load_yaml(block: str) -> Mapping[str, Any]:
    import yaml

    try:
        loaded = yaml.safe_load(block)
    except yaml.YAMLError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _load_toml(block: str) -> Mapping[str, Any]:
    try:
        return tomllib.loads(block)
    except tomllib.TOMLDecodeError:
        return {}


def _pelican(text: str) -> tuple[Metadata, str]:
    fields: dict[str, str] = {}
    lines = text.split("\n", 40)
    for number, line in enumerate(lines[:40]):
        if not line.strip():
            if fields.keys() & {"title", "date"}:
                return metadata_from(fields), "\n".join(lines[number + 1 :])
            break
        match = _PELICAN_LINE.match(line)
        if match is None or match[1].lower() not in _PELICAN_KEYS | {"modified", "status", "lang"}:
            break
        fields[match[1].lower()] = match[2].strip()
    return Metadata(), text


def metadata_from(fields: Mapping[str, Any]) -> Metadata:
    """Metadata from any key/value source; keys are matched case-insensitively."""
    lowered = {str(key).lower(): value for key, value in fields.items()}
    title = _text(lowered.get("title") or lowered.get("headline"))
    published = _date(
        lowered.get("date")
        or lowered.get("published")
        or lowered.get("createdat")
        or lowered.get("created_at")
        or lowered.get("datepublished")
    )
    author = lowered.get("author") or lowered.get("authors") or ""
    if isinstance(author, Mapping):
        author = author.get("name", "")
    if isinstance(author, list):
        author = ", ".join(_text(a.get("name") if isinstance(a, Mapping) else a) for a in author)
    return Metadata(title=title, published=published, author=_text(author), tags=_tags(lowered))


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if value > 10**11 else value
        try:
            return datetime.fromtimestamp(seconds, UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    return find_date(str(value)) if value is not None else None


def _tags(fields: Mapping[str, Any]) -> tuple[str, ...]:
    found: list[str] = []
    for key in ("tags", "keywords", "categories", "category"):
        value = fields.get(key)
        if isinstance(value, str):
            found.extend(re.split(r"\s*[,;]\s*", value))
        elif isinstance(value, list):
            found.extend(str(each) for each in value)
    return tuple(dict.fromkeys(tag.strip() for tag in found if tag and tag.strip()))
