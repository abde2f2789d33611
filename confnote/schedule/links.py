"""Which of an event's links are its slides and its recording."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

_VIDEO_HOSTS = ("youtube.com", "youtu.be", "vimeo.com", "media.ccc.de", "video.fosdem.org")
_VIDEO_EXTENSIONS = r"\.(?:mp4|webm|ogv|mkv|avi|mov|m4v)"
_VIDEO_FILE = re.compile(_VIDEO_EXTENSIONS + "$", re.IGNORECASE)
_SUBDOMAIN_SUFFIXES = tuple("." + host for host in _VIDEO_HOSTS)
# In a printable ASCII URL, lower-cased, a video host or file shows as one of these.
_VIDEO_HINT = re.compile("|".join([*(re.escape(host) for host in _VIDEO_HOSTS), _VIDEO_EXTENSIONS]))
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
        kind = link.kind.casefold()
        titled_slides = not kind and _SLIDES_WORD.search(link.title) is not None
        if not slides and _is_slides(kind, titled_slides, url):
            slides = url
        elif not video and _is_video(kind, titled_slides, link.title, url):
            video = url
    return slides, video


def _is_slides(kind: str, titled_slides: bool, url: str) -> bool:
    if kind:
        return kind == "slides"
    return titled_slides or "/slides/" in url.casefold()


def _is_video(kind: str, titled_slides: bool, title: str, url: str) -> bool:
    if kind:
        return kind in {"recording", "video"}
    if titled_slides:
        return False
    if _VIDEO_WORD.search(title):
        return True
    if url.isascii() and url.isprintable() and not _VIDEO_HINT.search(url.lower()):
        return False  # the common case, told without taking the URL apart
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").casefold()
    except ValueError:  # e.g. an unclosed "[" of an IPv6 address: not a link to follow
        return False
    on_video_host = host in _VIDEO_HOSTS or host.endswith(_SUBDOMAIN_SUFFIXES)
    return on_video_host or _VIDEO_FILE.search(parts.path) is not None
