"""Slugs for file names: whatever a title holds, the file stays inside the chosen folder."""

from __future__ import annotations

import re

from confnote.errors import ConfnoteError
from confnote.slugs import slugify

MAX_SLUG_LENGTH = 80
# Names Windows reserves for devices, with or without an extension.
_RESERVED = re.compile(r"(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?", re.IGNORECASE)
_SAFE = re.compile(r"[a-z0-9][a-z0-9-]*")


def post_slug(text: str, *, fallback: str = "") -> str:
    """A safe slug from a title: shortened at a word break, never empty or reserved."""
    slug = slugify(text)
    if len(slug) > MAX_SLUG_LENGTH:
        cut = slug[:MAX_SLUG_LENGTH]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    if not slug:
        slug = slugify(fallback)[:MAX_SLUG_LENGTH].strip("-") or "recap"
    if _RESERVED.fullmatch(slug):
        slug = f"{slug}-post"
    check_slug(slug)
    return slug


def check_slug(slug: str) -> None:
    """Refuse a slug that could leave its folder or that a file system reserves."""
    if not slug or "\x00" in slug or "/" in slug or "\\" in slug or ".." in slug:
        raise ConfnoteError(f"unsafe slug {slug!r}: it must not be empty or hold '..', '/' or NUL")
    if _RESERVED.fullmatch(slug):
        raise ConfnoteError(f"unsafe slug {slug!r}: a reserved device name on Windows")
    if not _SAFE.fullmatch(slug) or len(slug) > MAX_SLUG_LENGTH:
        raise ConfnoteError(
            f"unsafe slug {slug!r}: use up to {MAX_SLUG_LENGTH} lower-case letters, digits, hyphens"
        )
