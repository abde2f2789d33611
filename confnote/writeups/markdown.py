"""A Markdown write-up: front matter read, engine syntax (shortcodes, Liquid tags, MDX
imports, summary markers) and embedded page chrome (scripts, styles, iframes) taken
out; raw HTML headings become Markdown headings. Everything else is kept as written."""

from __future__ import annotations

import re

from confnote.writeups.front_matter import split_front_matter
from confnote.writeups.model import Metadata

_ENGINE_SYNTAX = re.compile(
    r"\{\{[<%].*?[%>]\}\}|\{%.*?%\}|^\{:\s*[^}]*\}[ \t]*$|<!--\s*(?:more|truncate)\s*-->"
    r"|^import\s+\w+\s+from\s+['\"][^'\"]+['\"];?[ \t]*$|^===[ \t]*$(?=\n)",
    re.M | re.S,
)
_CHROME = re.compile(
    r"<(script|style|iframe|svg|noscript|object)\b[^>]*>.*?</\1\s*>|<(?:iframe|embed)\b[^>]*/?>",
    re.I | re.S,
)
_HTML_HEADING = re.compile(r"^[ \t]*<h([1-6])\b[^>]*>(.*?)</h\1\s*>[ \t]*$", re.I | re.M)
_TAG = re.compile(r"<[^<>]+>")
_ZOLA_SHORTCODE = re.compile(r"^\{\{\s*\w+\(.*?\)\s*\}\}[ \t]*$", re.M | re.S)


def read_markdown(text: str) -> tuple[Metadata, str]:
    metadata, body = split_front_matter(text.lstrip("\ufeff"))
    body = _CHROME.sub("", body)
    body = _ZOLA_SHORTCODE.sub("", _ENGINE_SYNTAX.sub("", body))
    body = _HTML_HEADING.sub(lambda m: "#" * int(m[1]) + " " + _TAG.sub("", m[2]).strip(), body)
    return metadata, body
