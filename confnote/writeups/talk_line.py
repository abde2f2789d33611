"""Title, speakers, type and tags from one heading or bullet, in the encodings real
write-ups use: "Title by Speaker", "Title - Speaker", "Speaker - Title", "Title (Speaker)",
"Speaker: Title", "[Title](url) by Speaker", "**Title** (_Speaker_)", "Keynote: Title",
"🐍 Title", "1. Title"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from confnote.writeups.emoji import split_emoji_prefix, strip_emoji
from confnote.writeups.names import is_name, split_names

KINDS = {
    "keynote": "keynote",
    "lightning talk": "lightning",
    "lightning talks": "lightning",
    "lightning": "lightning",
    "talk": "talk",
    "workshop": "workshop",
    "tutorial": "workshop",
    "panel": "panel",
    "session": "talk",
    "poster": "other",
    "my own talk": "talk",
    "invited talk": "talk",
    "plenary": "keynote",
    "sponsor talk": "talk",
}
_KIND_WORDS = "|".join(sorted((re.escape(k) for k in KINDS), key=len, reverse=True))
_KIND_PREFIX = re.compile(rf"^(?P<kind>{_KIND_WORDS})(?:\s*#?\d+)?\s*[:：–—-]\s*", re.I)
_KIND_BRACKET = re.compile(rf"^\[(?P<kind>{_KIND_WORDS})\]\s*", re.I)
_KIND_SUFFIX = re.compile(rf"\s*\((?P<kind>{_KIND_WORDS})\)$", re.I)
_NUMBERING = re.compile(r"^(?:\\?#\d+|\d{1,3}[.)]|[IVX]{1,4}\.)\s+")
_TIME_PREFIX = re.compile(r"^\d{1,2}[h:.]\d\d\s*[-–—]?\s*")
_ANCHOR = re.compile(r"\s*(?:\{#[^}]*\}|\[#\]\([^)]*\)|#+)\s*$")
_LINKED = re.compile(r"^\[(?P<title>[^\]]+)\]\((?P<url>[^)\s]*)[^)]*\)(?P<rest>.*)$")
_BOLD = re.compile(r"^(?:\*\*|__)(?P<title>.+?)(?:\*\*|__)(?P<rest>.*)$")
_REST_SPEAKERS = re.compile(r"^\s*(?:by\b|[-–—,:]|\()\s*(?P<names>.+?)\)?\s*$", re.I)
_PARENS = re.compile(r"^(?P<title>.+?)\s*\((?P<names>[^()]+)\)\s*$")
_BY = re.compile(r"^(?P<title>.+)\s+by\s+(?P<names>[^,]+(?:,\s*[^,]+)*)$", re.I)
_DASH = re.compile(r"\s+[-–—]\s+|\s*\|\s*")
_COLON = re.compile(r"^(?P<names>[^:]{2,60}):\s+(?P<title>\S.*)$")
_MARKUP = re.compile(r"[*_`~]+")
_URL = re.compile(r"^<?https?://\S+>?$")
_HANDLE = re.compile(r"^[@+]\w[\w .]*$")


@dataclass(frozen=True, slots=True)
class TalkLine:
    title: str
    speakers: tuple[str, ...] = ()
    kind: str = "talk"
    tags: tuple[str, ...] = ()
    url: str = ""
    features: frozenset[str] = frozenset()

    @property
    def explicit(self) -> bool:
        """Whether the line carries more than a bare title: speakers, a type or a link."""
        return bool(self.features - {"emoji"})


def read_talk_line(text: str, *, speaker_first: bool = False, bare_name: bool = False) -> TalkLine:
    """What one heading or bullet line says about a talk. A line that is only a name is a
    speaker when ``bare_name`` (a bold label) or a type prefix says so ("Keynote: Ada Lovelace")."""
    features: set[str] = set()
    text = _ANCHOR.sub("", " ".join(text.split()))
    tags, text = split_emoji_prefix(text)
    if tags:
        features.add("emoji")
    text = strip_emoji(_TIME_PREFIX.sub("", _NUMBERING.sub("", text)))
    text = text.replace("~~", "")
    whole_bold = re.fullmatch(r"(?:\*\*|__)([^*_]+)(?:\*\*|__)", text)
    if whole_bold:
        text = whole_bold[1].strip()
    kind, text, typed = _kind(text)
    if typed:
        features.add("type")
    title, speakers, url = _title_and_speakers(
        text, speaker_first, bare_name or kind == "keynote", after_type=typed
    )
    if url:
        features.add("link")
    if speakers:
        features.add("speaker")
    if not title and speakers:
        title = f"{kind.capitalize()}: {', '.join(speakers)}"
    return TalkLine(
        title=_MARKUP.sub("", title).strip(" -–—:") or text,
        speakers=speakers,
        kind=kind,
        tags=tags,
        url=url,
        features=frozenset(features),
    )


def _kind(text: str) -> tuple[str, str, bool]:
    for pattern in (_KIND_PREFIX, _KIND_BRACKET):
        match = pattern.match(text)
        if match:
            return KINDS[match["kind"].lower()], text[match.end() :].strip(), True
    match = _KIND_SUFFIX.search(text)
    if match:
        return KINDS[match["kind"].lower()], text[: match.start()].strip(), True
    return "talk", text, False


def _title_and_speakers(
    text: str, speaker_first: bool, bare_name: bool, *, after_type: bool = False
) -> tuple[str, tuple[str, ...], str]:
    for pattern in (_LINKED, _BOLD):
        match = pattern.match(text)
        if match:
            rest = re.sub(r"<[^<>]*>", " ", match["rest"]).strip()
            if not rest and pattern is _BOLD:
                return _title_and_speakers(match["title"].strip(), speaker_first, bare_name)
            said = _REST_SPEAKERS.match(rest) if rest else None
            names = split_names(_MARKUP.sub("", said["names"])) if said else None
            url = match.groupdict().get("url") or ""
            return match["title"].strip(), names or (), url
    plain = text
    if bare_name and is_name(plain) and not _DASH.search(plain):
        return "", (_clean(plain),), ""
    for pattern in (_PARENS, _BY):
        match = pattern.match(plain)
        names = split_names(_MARKUP.sub("", match["names"])) if match else None
        if match and names:
            return match["title"].strip(), names, ""
    dashed = _dashed(plain, speaker_first)
    if dashed:
        return dashed
    match = None if after_type else _COLON.match(plain)
    if match and len(match["names"].split()) <= 3 and is_name(match["names"]):
        return match["title"].strip(), (_clean(match["names"]),), ""
    return plain, (), ""


def _dashed(text: str, speaker_first: bool) -> tuple[str, tuple[str, ...], str] | None:
    parts = [part.strip() for part in _DASH.split(text) if part.strip()]
    url = next((part for part in parts if _URL.match(part)), "")
    kept = [part for part in parts if not _URL.match(part) and not _HANDLE.match(part)]
    dropped = len(kept) < len(parts)
    parts = kept
    if len(parts) < 2:
        names = split_names(parts[0], single_word=False) if parts and dropped else None
        return ("", names, url) if names else None
    first = split_names(parts[0], single_word=False)
    last = split_names(parts[-1], single_word=False)
    if first and (speaker_first or not last):
        return " - ".join(parts[1:]), first, url
    if last:
        return " - ".join(parts[:-1]), last, url
    return None


def _clean(name: str) -> str:
    return " ".join(_MARKUP.sub("", name).split())


def speaker_first_vote(lines: list[str]) -> bool:
    """Whether a document writes "Speaker - Title": decided by the lines where only one
    side of the dash reads as names."""
    votes = 0
    for line in lines:
        parts = [part for part in _DASH.split(strip_emoji(line)) if part.strip()]
        if len(parts) < 2:
            continue
        first = bool(split_names(parts[0], single_word=False))
        last = bool(split_names(parts[-1], single_word=False))
        votes += (first and not last) - (last and not first)
    return votes > 0
