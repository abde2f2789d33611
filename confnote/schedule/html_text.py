"""Abstracts and descriptions as Markdown: HTML is converted, plain text kept as it is."""

from __future__ import annotations

import re

# Only real markup counts as HTML: "a < b" or "<your name here>" in plain text does not.
_HTML_TAG = re.compile(
    r"</?(?:a|b|blockquote|br|code|dd|del|div|dl|dt|em|h[1-6]|hr|i|img|li|ol|p|pre|s|small"
    r"|span|strong|sub|sup|table|td|th|tr|tt|u|ul)\b[^<>]*>",
    re.IGNORECASE,
)
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def looks_like_html(text: str) -> bool:
    return _HTML_TAG.search(text) is not None


def html_to_markdown(text: str) -> str:
    """Markdown for an abstract: HTML converted, at most one blank line in a row, trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if looks_like_html(text):
        text = _convert(text)
    return _BLANK_LINES.sub("\n\n", text).strip()


def _convert(html: str) -> str:
    from markdownify import markdownify

    try:
        return str(markdownify(html, heading_style="ATX", bullets="-"))
    except Exception:  # a converter bug must not cost the talk: keep the markup as text
        return html
