"""Which of an event's links are its slides and its recording."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

_VIDEO_HOSTS = ("youtube.com", "youtu.be", "vimeo.com", "media.ccc.de", "video.fosdem.org")
_VIDEO_FILE = re.compile(r"\.(?:mp4|webm|ogv|mkv|avi|mov|m4v)$", re.IGNORECASE)
_SLIDES_WORD = re.compile(r"\bslides?\b|\bslide ?deck\b", re.IGNORECASE)
_VIDEO_WORD = re.compile(r"\bvideo\b|\brecording\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Link:
    """One link or attachment of an event: ``kind`` is its declared type, if any."""

    url: str
    title: str = ""
    kind: str = ""


def slides_and_video(links: Iterable[Link]) -> tuple[str, str]:
    """The first slides URL and the first recording URL among ``links`` ("" if none).

    A link counts only when its kind is clear: a declared type ("slides",
    "recording", "video"), a title naming slides or a video or recording, a
    "/slides/" path, a video host or a video file.
    """
    slides = video = ""
    for link in links:
        url = link.url.strip()
        if not url.startswith(("http://", "https://")) or len(url) <= len("https://"):
            continue
        if not slides and _is_slides(link, url):
            slides = url
        elif not video and _is_video(link, url):
            video = url
    return slides, video


def _is_slides(link: Link, url: str) -> bool:
    kind = link.kind.casefold()
    if kind:
        return kind == "slides"
    return _SLIDES_WORD.search(link.title) is not None or "/slides/" in url.casefold()


def _is_video(link: Link, url: str) -> bool:
    kind = link.kind.casefold()
    if kind in {"recording", "video"}:
        return True
    if kind or _SLIDES_WORD.search(link.title):
        return False
    if _VIDEO_WORD.search(link.title):
        return True
    parts = urlsplit(url)
    host = (parts.hostname or "").casefold()
    on_video_host = any(host == h or host.endswith("." + h) for h in _VIDEO_HOSTS)
    return on_video_host or _VIDEO_FILE.search(parts.path) is not None
