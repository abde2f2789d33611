"""Abstracts and descriptions as Markdown: HTML is converted, plain text kept as it is."""

from __future__ import annotations

import functools
import re
from typing import Any

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
    import html_to_markdown

    try:
        return html_to_markdown.convert(html, _options()).content or ""
    except Exception:  # a converter bug must not cost the talk: keep the markup as text
        return html


@functools.cache
def _options() -> Any:
    """Markdown as people write it: ATX headings, "-" bullets, literal * and _ escaped.

    Every choice is given as the library's own enum value: a string would be looked
    up again on every call, which costs more than converting a short abstract.
    """
    import html_to_markdown as h

    return h.ConversionOptions(
        heading_style=h.HeadingStyle.ATX,
        list_indent_type=h.ListIndentType.SPACES,
        bullets="-",
        escape_asterisks=True,
        escape_underscores=True,
        highlight_style=h.HighlightStyle.DOUBLE_EQUAL,
        extract_metadata=False,
        whitespace_mode=h.WhitespaceMode.NORMALIZED,
        newline_style=h.NewlineStyle.SPACES,
        code_block_style=h.CodeBlockStyle.BACKTICKS,
        inline_data_media=h.InlineDataMedia.KEEP,
        hidden_content=h.HiddenContent.DROP,
        url_escape_style=h.UrlEscapeStyle.ANGLE,
        link_style=h.LinkStyle.INLINE,
        output_format=h.OutputFormat.MARKDOWN,
        tier_strategy=h.TierStrategy.AUTO,
    )
