"""Links in write-ups: reference definitions, reference lists, labelled per-talk lines,
and what kind each link is (video, slides, schedule, repo)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from confnote.writeups.model import WrittenLink

_KIND_BY_HOST = (
    (re.compile(r"youtube\.com|youtu\.be|vimeo\.com|pyvideo\.org|media\.ccc\.de|video\."), "video"),
    (
        re.compile(r"speakerdeck\.com|slideshare\.net|slides\.com|docs\.google\.com/presentation"),
        "slides",
    ),
    (re.compile(r"pretalx|sched\.com|talkfunnel|/schedule/|/program/"), "schedule"),
    (re.compile(r"github\.com|gitlab\.com|codeberg\.org"), "repo"),
)
_KIND_BY_LABEL = (
    (re.compile(r"video|youtube|recording|watch", re.I), "video"),
    (re.compile(r"slides?|deck", re.I), "slides"),
)
REFERENCE_DEFINITION = re.compile(
    r"^ {0,3}\[(?P<label>[^\]^][^\]]{0,200})\]:[ \t]*<?(?P<url>\S+?)>?(?:[ \t]+[\"'(].*)?[ \t]*$",
    re.M,
)
_MD_LINK = re.compile(r"\[(?P<label>[^\]]*)\]\((?P<url>[^)\s]+)[^)]*\)")
_BARE_URL = re.compile(r"https?://[^\s<>()\[\]]+")
_LABELLED = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*)?(?P<label>video|youtube|slides?(?:/notes)?|notes|recording|"
    r"repo(?:sitory)?|code|demo)(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*(?P<rest>.*)$",
    re.I | re.M,
)


def link_kind(url: str, label: str = "") -> str:
    for pattern, kind in _KIND_BY_LABEL:
        if label and pattern.search(label):
            return kind
    lowered = url.lower()
    if not lowered.startswith(("http://", "https://")):
        return ""
    host_and_path = (urlsplit(lowered).netloc + urlsplit(lowered).path) if lowered else ""
    for pattern, kind in _KIND_BY_HOST:
        if pattern.search(host_and_path):
            return kind
    return ""


def make_link(url: str, label: str = "") -> WrittenLink:
    label = " ".join(label.split())
    return WrittenLink(url=url.strip(), label=label, kind=link_kind(url, label))


def link_in(text: str) -> WrittenLink:
    """The link one list item or line gives: a Markdown link, a bare URL, or just a label."""
    match = _MD_LINK.search(text)
    if match:
        label = (text[: match.start()] + match["label"] + text[match.end() :]).strip(" -–—:")
        return make_link(match["url"], label)
    bare = _BARE_URL.search(text)
    if bare:
        label = (text[: bare.start()] + text[bare.end() :]).strip(" -–—:.")
        return make_link(bare[0].rstrip(".,;"), label)
    return make_link("", text.strip())


def labelled_links(note: str) -> list[WrittenLink]:
    """``Video: https://…`` / ``**Slides:** [deck](…)`` lines of a talk note."""
    found = []
    for match in _LABELLED.finditer(note):
        link = link_in(match["rest"])
        if link.url.startswith(("http://", "https://")):
            found.append(make_link(link.url, match["label"]))
    return found


def media_links(note: str) -> list[WrittenLink]:
    """Inline Markdown links in a note that point at a video or slides."""
    found = (make_link(m["url"], m["label"]) for m in _MD_LINK.finditer(note))
    return [link for link in found if link.kind in ("video", "slides")]


def reference_definitions(markdown: str) -> list[tuple[str, WrittenLink]]:
    """``[label]: url`` definitions, with their labels."""
    return [
        (match["label"], make_link(match["url"], match["label"]))
        for match in REFERENCE_DEFINITION.finditer(markdown)
        if not match["label"].startswith("^")
    ]
