"""Telling a person's name from a talk title, and splitting a list of speakers."""

from __future__ import annotations

import re

_NAME_WORD = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.\-]*|d[aeiou]|van|von|der|den|de|la|le|del|bin|al|[A-Z]\.)$"
)
_NOT_NAME_WORDS = {
    "python",
    "the",
    "of",
    "with",
    "for",
    "to",
    "and",
    "in",
    "on",
    "a",
    "an",
    "your",
    "how",
    "why",
    "what",
    "data",
    "code",
    "testing",
    "tests",
    "intro",
    "introduction",
    "talk",
    "keynote",
    "day",
    "notes",
    "is",
    "are",
    "at",
    "from",
    "into",
    "using",
    "django",
    "rust",
    "web",
    "open",
    "source",
    "learning",
    "machine",
    "deep",
    "api",
    "apis",
    "cloud",
    "team",
    "teams",
    "conference",
    "summary",
    "conclusion",
    "conclusions",
    "part",
    "session",
    "workshop",
    "tutorial",
    "lightning",
    "talks",
    "sprints",
    "sprint",
    "dinner",
    "lunch",
    "software",
    "security",
    "production",
    "pipelines",
    "systems",
    "system",
    "docker",
    "kubernetes",
    "linux",
    "javascript",
    "react",
    "scale",
    "scaling",
    "clean",
    "writing",
    "future",
    "world",
    "science",
    "engineering",
    "development",
    "design",
    "performance",
    "mlops",
    "devops",
    "ai",
    "ml",
    "games",
    "game",
    "types",
    "typing",
    "ops",
}
_COMPANY = re.compile(
    r"\b(?:corp|corporation|inc|ltd|llc|gmbh|ag|university|labs?|company|foundation|team"
    r"|technologies|software|group|institute|studio|systems)\b\.?",
    re.I,
)
_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,\s*&\s*|,|;|\s&\s|&|\band\b|\s\+\s|/)\s*")
_HANDLE = re.compile(r"^@\w+$")
_NOUN_ENDING = re.compile(
    r"(?:ing|tion|sion|ment|ness|ity|ics|ogy|ism|ance|ence|able|ible|ive|ware)$", re.I
)


def is_name(text: str, *, single_word: bool = False, strict: bool = True) -> bool:
    """Whether ``text`` reads as one person's name: capitalised words, no digits. ``strict``
    also refuses words with the endings of English nouns ("Writing", "Detection"), for lines
    where the name could as well be a title."""
    text = clean_name(text)
    words = text.split()
    if _HANDLE.match(text):
        return True
    if not words or len(words) > 4 or (len(words) == 1 and not single_word):
        return False
    if any(ch.isdigit() for ch in text) or _COMPANY.search(text):
        return False
    if any(
        word.lower().strip(".") in _NOT_NAME_WORDS or (strict and _NOUN_ENDING.search(word))
        for word in words
    ):
        return False
    return all(_NAME_WORD.match(word) for word in words) and words[0][0].isupper()


def clean_name(text: str) -> str:
    text = re.sub(r"\s@\S.*$", "", text)  # "Ada Example @company"
    return " ".join(text.strip(" \t*_`\"“”'’()[]").split())


def split_names(text: str, *, single_word: bool = True) -> tuple[str, ...] | None:
    """The names in "Ada, Bo and Cy" / "Ada & Bo" / "Ada (Corp)"; None unless all read as names
    (company parts are dropped)."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    parts = [clean_name(part) for part in _SPLIT.split(text.strip(" .")) if clean_name(part)]
    parts = [part for part in parts if not _COMPANY.search(part)]
    if not parts or len(parts) > 8:
        return None
    several = len(parts) > 1
    if not all(
        is_name(part, single_word=single_word or several, strict=not single_word) for part in parts
    ):
        return None
    return tuple(dict.fromkeys(parts))
